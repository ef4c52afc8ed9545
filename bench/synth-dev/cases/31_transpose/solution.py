def transpose(grid: list[list[int]]) -> list[list[int]]:
    """Return the transpose of a rectangular grid: row i of the result is column i of grid."""
    if not grid:
        return []
    return [[row[col] for row in grid] for col in range(len(grid[0]))]
