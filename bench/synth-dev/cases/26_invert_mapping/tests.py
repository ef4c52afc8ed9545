from stub import invert_mapping


def test_two_entries():
    assert invert_mapping({"a": 1, "b": 2}) == {1: "a", 2: "b"}


def test_empty():
    assert invert_mapping({}) == {}


def test_zero_value():
    assert invert_mapping({"x": 0}) == {0: "x"}


def test_three_entries():
    assert invert_mapping({"one": 1, "ten": 10, "neg": -1}) == {1: "one", 10: "ten", -1: "neg"}
