def clamp(x, lo, hi):
    """Limit x to the closed range [lo, hi]."""
    if x < lo:
        return lo
    if x < hi:
        return hi
    return x
