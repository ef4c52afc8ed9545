def chunked(items: list, size: int) -> list[list]:
    """Split items into consecutive pieces of length size (size >= 1); the last piece may be shorter."""
    pieces = []
    for start in range(0, len(items), size):
        pieces.append(items[start:start + size])
    return pieces
