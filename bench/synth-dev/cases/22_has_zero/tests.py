from stub import has_zero


def test_zero_in_middle():
    assert has_zero([1, 0, 2]) is True


def test_empty():
    assert has_zero([]) is False


def test_no_zero():
    assert has_zero([1, 2]) is False


def test_only_zero():
    assert has_zero([0]) is True


def test_opposites():
    assert has_zero([-1, 1]) is False
