from stub import count_negatives


def test_mixed():
    assert count_negatives([1, -2, 3, -4]) == 2


def test_empty():
    assert count_negatives([]) == 0


def test_zeros_are_not_negative():
    assert count_negatives([0, 0]) == 0


def test_all_negative():
    assert count_negatives([-1, -1, -1]) == 3


def test_single_positive():
    assert count_negatives([5]) == 0
