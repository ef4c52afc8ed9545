def midpoint(low: float, high: float) -> float:
    """Return the number halfway between low and high."""
    pass
