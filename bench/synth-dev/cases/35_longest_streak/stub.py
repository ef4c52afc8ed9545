def longest_streak(values: list) -> int:
    """Return the length of the longest stretch of equal neighbouring values (0 for an empty list)."""
    pass
