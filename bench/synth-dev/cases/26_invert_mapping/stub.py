def invert_mapping(mapping: dict[str, int]) -> dict[int, str]:
    """Return a dictionary that maps each value of mapping back to its key (the values are all distinct)."""
    pass
