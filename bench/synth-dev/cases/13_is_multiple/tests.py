from stub import is_multiple


def test_multiple():
    assert is_multiple(12, 3)


def test_not_a_multiple():
    assert not is_multiple(12, 5)


def test_zero_is_a_multiple_of_anything():
    assert is_multiple(0, 7) is True


def test_negative_value():
    assert is_multiple(-9, 3) is True


def test_itself():
    assert is_multiple(7, 7) is True


def test_smaller_than_factor():
    assert is_multiple(1, 2) is False


def test_negative_factor():
    assert is_multiple(10, -5) is True
