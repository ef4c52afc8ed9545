def hours_and_minutes(total_minutes: int) -> tuple[int, int]:
    """Split a non-negative number of minutes into (whole hours, minutes left over)."""
    return total_minutes // 60, total_minutes % 60
