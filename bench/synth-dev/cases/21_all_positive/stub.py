def all_positive(amounts: list[float]) -> bool:
    """Return True if every amount is greater than zero; an empty list gives True."""
    pass
