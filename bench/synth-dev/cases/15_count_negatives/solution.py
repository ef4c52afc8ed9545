def count_negatives(numbers: list[int]) -> int:
    """Return how many of the numbers are below zero."""
    return sum(1 for n in numbers if n < 0)
