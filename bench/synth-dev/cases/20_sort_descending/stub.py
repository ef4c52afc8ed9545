def sort_descending(values: list[int]) -> list[int]:
    """Return a new list of the values, largest first."""
    pass
