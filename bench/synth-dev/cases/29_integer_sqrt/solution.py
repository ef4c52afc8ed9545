def integer_sqrt(n: int) -> int:
    """Return the largest whole number whose square is at most n (n is never negative)."""
    root = 0
    while (root + 1) * (root + 1) <= n:
        root += 1
    return root
