from stub import word_lengths


def test_two_words():
    assert word_lengths("the cat") == {"the": 3, "cat": 3}


def test_empty():
    assert word_lengths("") == {}


def test_different_lengths():
    assert word_lengths("a bb ccc") == {"a": 1, "bb": 2, "ccc": 3}


def test_extra_spaces():
    assert word_lengths("  spaced   out ") == {"spaced": 6, "out": 3}


def test_repeated_word():
    assert word_lengths("go go") == {"go": 2}
