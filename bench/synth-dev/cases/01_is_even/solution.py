def is_even(number: int) -> bool:
    """Return True if number is even, False otherwise."""
    return number % 2 == 0
