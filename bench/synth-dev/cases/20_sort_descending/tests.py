from stub import sort_descending


def test_three():
    assert sort_descending([3, 1, 2]) == [3, 2, 1]


def test_empty():
    assert sort_descending([]) == []


def test_single():
    assert sort_descending([5]) == [5]


def test_duplicates():
    assert sort_descending([2, 2, 1, 3]) == [3, 2, 2, 1]


def test_negatives():
    assert sort_descending([-1, -5, 0]) == [0, -1, -5]


def test_input_not_modified():
    values = [1, 2]
    sort_descending(values)
    assert values == [1, 2]
