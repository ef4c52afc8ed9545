def average(samples: list[float]) -> float:
    """Return the arithmetic mean of the samples (there is at least one)."""
    pass
