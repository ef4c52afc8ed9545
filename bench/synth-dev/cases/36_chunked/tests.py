from stub import chunked


def test_uneven():
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def test_empty():
    assert chunked([], 3) == []


def test_exact_fit():
    assert chunked([1, 2, 3], 3) == [[1, 2, 3]]


def test_size_larger_than_list():
    assert chunked([1, 2], 5) == [[1, 2]]


def test_size_one():
    assert chunked([1, 2, 3], 1) == [[1], [2], [3]]


def test_strings():
    assert chunked(["a", "b", "c", "d"], 2) == [["a", "b"], ["c", "d"]]
