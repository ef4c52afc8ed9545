def total_seconds(hours: int, minutes: int, seconds: int) -> int:
    """Return the length of a duration given in hours, minutes and seconds, counted in seconds."""
    pass
