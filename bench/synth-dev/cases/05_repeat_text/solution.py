def repeat_text(text: str, times: int) -> str:
    """Return `times` copies of text written one after another, with nothing between them."""
    return text * times
