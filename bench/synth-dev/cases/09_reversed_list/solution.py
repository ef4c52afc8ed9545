def reversed_list(values: list[int]) -> list[int]:
    """Return a new list holding the elements of values in reverse order; values itself is left unchanged."""
    return values[::-1]
