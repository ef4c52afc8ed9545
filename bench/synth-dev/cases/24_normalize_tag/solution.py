def normalize_tag(tag: str) -> str:
    """Return tag in lower case with any whitespace at either end removed."""
    return tag.strip().lower()
