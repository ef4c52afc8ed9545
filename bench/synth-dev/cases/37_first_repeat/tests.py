from stub import first_repeat


def test_repeat_of_first():
    assert first_repeat(["a", "b", "a", "b"]) == "a"


def test_second_seen_first():
    assert first_repeat(["a", "b", "b", "a"]) == "b"


def test_empty():
    assert first_repeat([]) is None


def test_no_repeat():
    assert first_repeat(["x", "y", "z"]) is None


def test_pair():
    assert first_repeat(["q", "q"]) == "q"


def test_late_repeat():
    assert first_repeat(["red", "green", "blue", "green"]) == "green"
