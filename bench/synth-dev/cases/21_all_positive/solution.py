def all_positive(amounts: list[float]) -> bool:
    """Return True if every amount is greater than zero; an empty list gives True."""
    return all(amount > 0 for amount in amounts)
