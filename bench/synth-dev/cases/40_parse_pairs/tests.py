from stub import parse_pairs


def test_two_pairs():
    assert parse_pairs("a=1;b=2") == {"a": "1", "b": "2"}


def test_empty():
    assert parse_pairs("") == {}


def test_single_pair():
    assert parse_pairs("name=kelp") == {"name": "kelp"}


def test_later_pair_wins():
    assert parse_pairs("x=1;x=2") == {"x": "2"}


def test_split_at_first_equals():
    assert parse_pairs("url=a=b") == {"url": "a=b"}


def test_empty_value():
    assert parse_pairs("k=") == {"k": ""}
