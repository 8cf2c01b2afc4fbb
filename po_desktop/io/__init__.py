"""CSV and iCalendar import/export; no Qt."""
