from stub import first_char


def test_word():
    assert first_char("hello") == "h"


def test_single_letter():
    assert first_char("A") == "A"


def test_empty():
    assert first_char("") == ""


def test_leading_space():
    assert first_char(" x") == " "


def test_capital():
    assert first_char("Zebra") == "Z"
