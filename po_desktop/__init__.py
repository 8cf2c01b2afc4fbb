"""PO Desktop: an offline workbench for product owners."""

__version__ = "0.1.0"
APP_NAME = "PO Desktop"
APP_ID = "po-desktop"
