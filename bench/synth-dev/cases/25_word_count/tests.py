from stub import word_count


def test_two_words():
    assert word_count("hello world") == 2


def test_empty():
    assert word_count("") == 0


def test_only_spaces():
    assert word_count("   ") == 0


def test_one_word():
    assert word_count("one") == 1


def test_mixed_whitespace():
    assert word_count(" a  b\tc\n") == 3
