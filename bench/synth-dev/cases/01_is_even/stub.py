def is_even(number: int) -> bool:
    """Return True if number is even, False otherwise."""
    pass
