def parse_pairs(spec: str) -> dict[str, str]:
    """Parse "key=value" pairs separated by ";", e.g. "a=1;b=2" gives {"a": "1", "b": "2"}.
    Each pair splits at its first "="; a later pair overrides an earlier key; "" gives {}."""
    result = {}
    for pair in spec.split(";"):
        if pair:
            key, value = pair.split("=", 1)
            result[key] = value
    return result
