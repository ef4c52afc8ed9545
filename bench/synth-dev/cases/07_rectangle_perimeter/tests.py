from stub import rectangle_perimeter


def test_three_by_four():
    assert rectangle_perimeter(3, 4) == 14


def test_unit_square():
    assert rectangle_perimeter(1, 1) == 4


def test_flat():
    assert rectangle_perimeter(0, 5) == 10


def test_fractional_sides():
    assert rectangle_perimeter(2.5, 0.5) == 6.0


def test_long_and_thin():
    assert rectangle_perimeter(10, 2) == 24
