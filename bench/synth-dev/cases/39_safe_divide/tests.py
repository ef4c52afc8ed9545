from stub import safe_divide


def test_whole():
    assert safe_divide(6, 3) == 2


def test_fraction():
    assert safe_divide(1, 4) == 0.25


def test_not_floor_division():
    assert safe_divide(7, 2) == 3.5


def test_zero_denominator():
    assert safe_divide(5, 0) is None


def test_zero_numerator():
    assert safe_divide(0, 5) == 0


def test_negative():
    assert safe_divide(-9, 3) == -3


def test_both_zero():
    assert safe_divide(0, 0) is None
