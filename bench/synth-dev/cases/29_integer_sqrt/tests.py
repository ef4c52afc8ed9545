from stub import integer_sqrt


def test_zero():
    assert integer_sqrt(0) == 0


def test_one():
    assert integer_sqrt(1) == 1


def test_two():
    assert integer_sqrt(2) == 1


def test_just_below_a_square():
    assert integer_sqrt(15) == 3


def test_perfect_square():
    assert integer_sqrt(16) == 4


def test_just_above_a_square():
    assert integer_sqrt(17) == 4


def test_larger():
    assert integer_sqrt(99) == 9
    assert integer_sqrt(10_000) == 100
