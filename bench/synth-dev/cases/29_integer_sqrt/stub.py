def integer_sqrt(n: int) -> int:
    """Return the largest whole number whose square is at most n (n is never negative)."""
    pass
