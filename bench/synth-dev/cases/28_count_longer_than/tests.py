from stub import count_longer_than


def test_some():
    assert count_longer_than(["a", "abc", "abcd"], 2) == 2


def test_no_words():
    assert count_longer_than([], 3) == 0


def test_equal_length_does_not_count():
    assert count_longer_than(["abc"], 3) == 0


def test_zero_limit():
    assert count_longer_than(["hello", "hi"], 0) == 2


def test_limit_too_high():
    assert count_longer_than(["x", "yy", "zzz"], 5) == 0


def test_all():
    assert count_longer_than(["ab", "cd"], 1) == 2
