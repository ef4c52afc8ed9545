from stub import spread


def test_several():
    assert spread([3, 1, 4, 1, 5]) == 4


def test_single_reading():
    assert spread([7]) == 0


def test_across_zero():
    assert spread([-2, 2]) == 4


def test_floats():
    assert spread([2.5, 1.0]) == 1.5


def test_all_negative():
    assert spread([-5, -1, -3]) == 4
