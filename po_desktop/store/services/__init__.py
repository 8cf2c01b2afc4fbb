"""Services: the only write path. One function per user action, one transaction each."""
