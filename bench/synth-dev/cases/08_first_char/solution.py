def first_char(word: str) -> str:
    """Return the first character of word, or an empty string if word is empty."""
    return word[:1]
