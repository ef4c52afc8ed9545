from stub import is_empty


def test_empty_string():
    assert is_empty("") is True


def test_letter():
    assert is_empty("a") is False


def test_space_is_not_empty():
    assert is_empty(" ") is False


def test_newline_is_not_empty():
    assert is_empty("\n") is False


def test_word():
    assert not is_empty("hello")
