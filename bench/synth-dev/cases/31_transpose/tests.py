from stub import transpose


def test_square():
    assert transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]


def test_one_row():
    assert transpose([[1, 2, 3]]) == [[1], [2], [3]]


def test_one_column():
    assert transpose([[1], [2]]) == [[1, 2]]


def test_empty():
    assert transpose([]) == []


def test_single_cell():
    assert transpose([[5]]) == [[5]]


def test_wide():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]
