from stub import total_seconds


def test_nothing():
    assert total_seconds(0, 0, 0) == 0


def test_one_hour():
    assert total_seconds(1, 0, 0) == 3600


def test_one_minute():
    assert total_seconds(0, 1, 0) == 60


def test_seconds_only():
    assert total_seconds(0, 0, 45) == 45


def test_mixed():
    assert total_seconds(2, 30, 15) == 9015


def test_minutes_past_an_hour():
    assert total_seconds(0, 90, 0) == 5400
