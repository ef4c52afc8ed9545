def rectangle_perimeter(width: float, height: float) -> float:
    """Return the perimeter of a rectangle with the given width and height."""
    pass
