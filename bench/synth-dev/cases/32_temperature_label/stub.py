def temperature_label(degrees: float) -> str:
    """Describe a temperature in Celsius: "cold" below 10, "hot" from 25 up, and "mild" in between."""
    pass
