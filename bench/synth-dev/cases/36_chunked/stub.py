def chunked(items: list, size: int) -> list[list]:
    """Split items into consecutive pieces of length size (size >= 1); the last piece may be shorter."""
    pass
