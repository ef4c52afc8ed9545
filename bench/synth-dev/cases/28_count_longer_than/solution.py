def count_longer_than(words: list[str], limit: int) -> int:
    """Return how many of the words have more than limit characters."""
    return sum(1 for word in words if len(word) > limit)
