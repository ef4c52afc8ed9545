def longer_length(first: str, second: str) -> int:
    """Return the length of whichever of the two strings is longer."""
    return max(len(first), len(second))
