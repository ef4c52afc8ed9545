def temperature_label(degrees: float) -> str:
    """Describe a temperature in Celsius: "cold" below 10, "hot" from 25 up, and "mild" in between."""
    if degrees < 10:
        return "cold"
    if degrees < 25:
        return "mild"
    return "hot"
