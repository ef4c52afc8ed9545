def first_repeat(items: list[str]) -> str | None:
    """Reading items from the left, return the first item seen for the second time,
    or None if no item repeats."""
    pass
