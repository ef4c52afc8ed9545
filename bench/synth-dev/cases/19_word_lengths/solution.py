def word_lengths(sentence: str) -> dict[str, int]:
    """Map each word of the sentence to its length; words are separated by whitespace."""
    return {word: len(word) for word in sentence.split()}
