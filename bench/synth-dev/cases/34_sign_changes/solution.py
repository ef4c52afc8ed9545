def sign_changes(values: list[int]) -> int:
    """Count the neighbouring pairs in values where one is positive and the other negative.
    A zero never counts as a change."""
    changes = 0
    for left, right in zip(values, values[1:]):
        if left * right < 0:
            changes += 1
    return changes
