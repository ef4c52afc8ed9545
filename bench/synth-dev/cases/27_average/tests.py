import pytest

from stub import average


def test_three():
    assert average([1, 2, 3]) == 2


def test_single():
    assert average([5]) == 5


def test_half():
    assert average([1, 2]) == 1.5


def test_cancelling():
    assert average([-2, 2]) == 0


def test_four():
    assert average([10, 20, 30, 40]) == 25


def test_inexact():
    assert average([0.5, 0.25, 0.25]) == pytest.approx(1 / 3)
