from stub import group_by_initial


def test_two_groups():
    assert group_by_initial(["apple", "avocado", "banana"]) == {"a": ["apple", "avocado"], "b": ["banana"]}


def test_empty():
    assert group_by_initial([]) == {}


def test_single():
    assert group_by_initial(["x"]) == {"x": ["x"]}


def test_order_within_group():
    assert group_by_initial(["bee", "ant", "bat"]) == {"b": ["bee", "bat"], "a": ["ant"]}


def test_case_sensitive():
    assert group_by_initial(["Ant", "ant"]) == {"A": ["Ant"], "a": ["ant"]}
