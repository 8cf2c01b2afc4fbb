"""Printed documents (the sprint-review pack) with reportlab; no Qt."""
