def total_length(words: list[str]) -> int:
    """Return the total number of characters in all the words together."""
    return sum(len(word) for word in words)
