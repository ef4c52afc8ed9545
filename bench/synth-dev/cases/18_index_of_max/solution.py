def index_of_max(scores: list[float]) -> int:
    """Return the position of the highest score; if several scores tie for highest, the first of them."""
    return scores.index(max(scores))
