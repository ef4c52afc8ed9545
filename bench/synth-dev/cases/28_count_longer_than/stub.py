def count_longer_than(words: list[str], limit: int) -> int:
    """Return how many of the words have more than limit characters."""
    pass
