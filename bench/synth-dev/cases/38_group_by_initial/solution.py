def group_by_initial(words: list[str]) -> dict[str, list[str]]:
    """Group non-empty words by their first character (case matters),
    keeping the words of each group in their original order."""
    groups = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return groups
