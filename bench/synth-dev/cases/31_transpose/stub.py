def transpose(grid: list[list[int]]) -> list[list[int]]:
    """Return the transpose of a rectangular grid: row i of the result is column i of grid."""
    pass
