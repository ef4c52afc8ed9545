from stub import hours_and_minutes


def test_zero():
    assert hours_and_minutes(0) == (0, 0)


def test_under_an_hour():
    assert hours_and_minutes(59) == (0, 59)


def test_exactly_one_hour():
    assert hours_and_minutes(60) == (1, 0)


def test_hours_and_minutes():
    assert hours_and_minutes(135) == (2, 15)


def test_many_hours():
    assert hours_and_minutes(600) == (10, 0)
