from stub import is_leap_year


def test_ordinary_leap_year():
    assert is_leap_year(2024) is True


def test_ordinary_common_year():
    assert is_leap_year(2023) is False


def test_century_not_leap():
    assert is_leap_year(1900) is False
    assert is_leap_year(2100) is False


def test_divisible_by_400():
    assert is_leap_year(2000) is True
    assert is_leap_year(2400) is True


def test_another_leap_year():
    assert is_leap_year(1996) is True


def test_odd_year():
    assert is_leap_year(2019) is False
