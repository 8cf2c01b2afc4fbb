"""The scoring page: the ranked backlog, the scoring form, the matrix and the grids."""
