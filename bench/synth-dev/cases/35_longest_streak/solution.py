def longest_streak(values: list) -> int:
    """Return the length of the longest stretch of equal neighbouring values (0 for an empty list)."""
    best = current = 0
    for i, value in enumerate(values):
        current = current + 1 if i > 0 and values[i - 1] == value else 1
        best = max(best, current)
    return best
