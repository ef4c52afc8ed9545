from stub import normalize_tag


def test_padded():
    assert normalize_tag("  Python ") == "python"


def test_upper():
    assert normalize_tag("RUST") == "rust"


def test_empty():
    assert normalize_tag("") == ""


def test_inner_space_kept():
    assert normalize_tag("Mixed Case") == "mixed case"


def test_tabs_and_newlines():
    assert normalize_tag("\tX\n") == "x"
