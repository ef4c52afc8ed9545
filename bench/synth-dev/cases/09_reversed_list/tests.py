from stub import reversed_list


def test_three():
    assert reversed_list([1, 2, 3]) == [3, 2, 1]


def test_empty():
    assert reversed_list([]) == []


def test_single():
    assert reversed_list([7]) == [7]


def test_duplicates():
    assert reversed_list([1, 1, 2]) == [2, 1, 1]


def test_input_not_modified():
    values = [4, 5, 6]
    assert reversed_list(values) == [6, 5, 4]
    assert values == [4, 5, 6]
