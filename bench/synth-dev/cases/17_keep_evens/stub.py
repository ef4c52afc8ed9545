def keep_evens(numbers: list[int]) -> list[int]:
    """Return the even numbers of the list, in their original order."""
    pass
