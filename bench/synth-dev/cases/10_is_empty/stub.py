def is_empty(text: str) -> bool:
    """Return True if text has no characters at all (a space counts as a character)."""
    pass
