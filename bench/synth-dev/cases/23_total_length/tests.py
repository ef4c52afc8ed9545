from stub import total_length


def test_two_words():
    assert total_length(["ab", "c"]) == 3


def test_no_words():
    assert total_length([]) == 0


def test_empty_word():
    assert total_length([""]) == 0


def test_longer_words():
    assert total_length(["hello", "world"]) == 10


def test_spaces_count():
    assert total_length(["a b"]) == 3
