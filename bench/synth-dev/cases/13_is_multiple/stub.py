def is_multiple(value: int, factor: int) -> bool:
    """Return True if value is a whole multiple of factor (factor is never zero)."""
    pass
