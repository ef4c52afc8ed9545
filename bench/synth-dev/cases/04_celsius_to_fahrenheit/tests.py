import pytest

from stub import celsius_to_fahrenheit


def test_freezing():
    assert celsius_to_fahrenheit(0) == 32


def test_boiling():
    assert celsius_to_fahrenheit(100) == 212


def test_minus_forty_is_the_same():
    assert celsius_to_fahrenheit(-40) == -40


def test_body_temperature():
    assert celsius_to_fahrenheit(37) == pytest.approx(98.6)


def test_room_temperature():
    assert celsius_to_fahrenheit(25) == 77
