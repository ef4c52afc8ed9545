def keep_evens(numbers: list[int]) -> list[int]:
    """Return the even numbers of the list, in their original order."""
    return [n for n in numbers if n % 2 == 0]
