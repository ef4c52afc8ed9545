from stub import keep_evens


def test_mixed():
    assert keep_evens([1, 2, 3, 4]) == [2, 4]


def test_empty():
    assert keep_evens([]) == []


def test_no_evens():
    assert keep_evens([1, 3]) == []


def test_zero_and_negative():
    assert keep_evens([0, -2, 5]) == [0, -2]


def test_duplicates_kept():
    assert keep_evens([4, 4, 1]) == [4, 4]
