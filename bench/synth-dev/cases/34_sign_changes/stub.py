def sign_changes(values: list[int]) -> int:
    """Count the neighbouring pairs in values where one is positive and the other negative.
    A zero never counts as a change."""
    pass
