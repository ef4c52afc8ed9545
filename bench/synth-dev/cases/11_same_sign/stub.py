def same_sign(a: int, b: int) -> bool:
    """Return True if a and b are both positive or both negative.
    Zero has no sign, so a pair with a zero in it gives False."""
    pass
