def count_negatives(numbers: list[int]) -> int:
    """Return how many of the numbers are below zero."""
    pass
