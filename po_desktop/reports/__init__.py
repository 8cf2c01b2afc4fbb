"""Printed documents (the sprint-review pack) with reportlab, and text reports (the ranked
backlog, a sprint's capacity) for the command line; no Qt."""
