def word_count(sentence: str) -> int:
    """Return how many words the sentence has; words are separated by any amount of whitespace."""
    pass
