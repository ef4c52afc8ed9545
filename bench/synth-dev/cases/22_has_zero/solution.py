def has_zero(values: list[int]) -> bool:
    """Return True if at least one of the values is zero."""
    return 0 in values
