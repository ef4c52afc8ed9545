from stub import longer_length


def test_first_longer():
    assert longer_length("abc", "de") == 3


def test_second_longer():
    assert longer_length("hi", "hello") == 5


def test_both_empty():
    assert longer_length("", "") == 0


def test_equal_lengths():
    assert longer_length("same", "size") == 4


def test_one_empty():
    assert longer_length("", "x") == 1
