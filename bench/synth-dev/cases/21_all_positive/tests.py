from stub import all_positive


def test_all_positive():
    assert all_positive([1, 2, 3]) is True


def test_zero_is_not_positive():
    assert all_positive([1, 0, 2]) is False


def test_empty():
    assert all_positive([]) is True


def test_single_negative():
    assert all_positive([-1]) is False


def test_small_float():
    assert all_positive([0.5]) is True


def test_negative_last():
    assert all_positive([3, -0.1]) is False
