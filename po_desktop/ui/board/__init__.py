"""The kanban board: model, card delegate, widgets and the page that ties them together."""
