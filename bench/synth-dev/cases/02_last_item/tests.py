from stub import last_item


def test_numbers():
    assert last_item([1, 2, 3]) == 3


def test_single():
    assert last_item(["only"]) == "only"


def test_nested_lists():
    assert last_item([[1], [2, 3]]) == [2, 3]


def test_falsy_last():
    assert last_item([None, 0]) == 0


def test_repeated_values():
    assert last_item([5, 5, 1]) == 1
