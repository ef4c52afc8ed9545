def spread(readings: list[float]) -> float:
    """Return the difference between the largest and the smallest reading (there is at least one)."""
    return max(readings) - min(readings)
