from stub import midpoint


def test_integers():
    assert midpoint(2, 4) == 3


def test_half():
    assert midpoint(0, 1) == 0.5


def test_symmetric_around_zero():
    assert midpoint(-3, 3) == 0


def test_floats():
    assert midpoint(1.5, 2.5) == 2.0


def test_arguments_in_either_order():
    assert midpoint(7, 2) == 4.5
