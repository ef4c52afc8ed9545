def collapse_runs(text: str) -> str:
    """Replace every run of one character repeated in a row by a single copy of that character."""
    pass
