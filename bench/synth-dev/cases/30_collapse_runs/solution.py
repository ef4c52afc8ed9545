def collapse_runs(text: str) -> str:
    """Replace every run of one character repeated in a row by a single copy of that character."""
    result = ""
    for char in text:
        if not result or result[-1] != char:
            result += char
    return result
