from stub import repeat_text


def test_three_copies():
    assert repeat_text("ab", 3) == "ababab"


def test_one_copy():
    assert repeat_text("x", 1) == "x"


def test_zero_copies():
    assert repeat_text("hi", 0) == ""


def test_empty_text():
    assert repeat_text("", 5) == ""


def test_separator_like_text():
    assert repeat_text("-", 4) == "----"
