from stub import index_of_max


def test_middle():
    assert index_of_max([1, 5, 3]) == 1


def test_single():
    assert index_of_max([9]) == 0


def test_tie_gives_first():
    assert index_of_max([2, 7, 7]) == 1


def test_all_negative():
    assert index_of_max([-3, -1, -2]) == 1


def test_first():
    assert index_of_max([4, 1, 0]) == 0


def test_last():
    assert index_of_max([0, 0, 10]) == 2
