def first_repeat(items: list[str]) -> str | None:
    """Reading items from the left, return the first item seen for the second time,
    or None if no item repeats."""
    seen = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None
