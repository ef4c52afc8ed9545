from stub import collapse_runs


def test_runs():
    assert collapse_runs("aaabccdd") == "abcd"


def test_empty():
    assert collapse_runs("") == ""


def test_no_runs():
    assert collapse_runs("abc") == "abc"


def test_letter_comes_back():
    assert collapse_runs("aabbaa") == "aba"


def test_one_long_run():
    assert collapse_runs("zzzz") == "z"


def test_spaces():
    assert collapse_runs("a   b") == "a b"
