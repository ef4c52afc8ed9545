from stub import same_sign


def test_both_positive():
    assert same_sign(2, 5) is True


def test_both_negative():
    assert same_sign(-1, -8) is True


def test_positive_and_negative():
    assert same_sign(3, -3) is False


def test_negative_and_positive():
    assert same_sign(-4, 2) is False


def test_zero_and_positive():
    assert same_sign(0, 5) is False


def test_zero_and_negative():
    assert same_sign(-7, 0) is False


def test_both_zero():
    assert same_sign(0, 0) is False
