from stub import is_even


def test_small_even():
    assert is_even(4)


def test_odd():
    assert not is_even(7)


def test_zero_is_even():
    assert is_even(0) is True


def test_negative_odd():
    assert is_even(-3) is False


def test_negative_even():
    assert is_even(-10) is True


def test_large():
    assert is_even(1_000_001) is False
