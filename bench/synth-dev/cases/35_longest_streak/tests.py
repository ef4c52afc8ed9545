from stub import longest_streak


def test_middle_run():
    assert longest_streak([1, 1, 2, 2, 2, 1]) == 3


def test_empty():
    assert longest_streak([]) == 0


def test_single():
    assert longest_streak([7]) == 1


def test_all_different():
    assert longest_streak([1, 2, 3]) == 1


def test_strings():
    assert longest_streak(["a", "a", "a"]) == 3


def test_equal_values_apart_do_not_join():
    assert longest_streak([0, 0, 1, 0, 0]) == 2


def test_run_at_end():
    assert longest_streak([1, 2, 2]) == 2
