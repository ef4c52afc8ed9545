from stub import sign_changes


def test_alternating():
    assert sign_changes([1, -1, 1]) == 2


def test_empty():
    assert sign_changes([]) == 0


def test_single():
    assert sign_changes([5]) == 0


def test_no_change():
    assert sign_changes([1, 2, 3]) == 0


def test_two_changes():
    assert sign_changes([-1, -2, 3, 4, -5]) == 2


def test_zero_in_between():
    assert sign_changes([1, 0, -1]) == 0


def test_one_pair():
    assert sign_changes([-3, 3]) == 1
