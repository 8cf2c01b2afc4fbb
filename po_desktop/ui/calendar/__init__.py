"""The sprint calendar: the month and week views, the side panels and their dialogs."""
