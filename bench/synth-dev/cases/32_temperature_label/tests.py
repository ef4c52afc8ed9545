from stub import temperature_label


def test_freezing():
    assert temperature_label(-5) == "cold"


def test_just_below_ten():
    assert temperature_label(9.9) == "cold"


def test_ten_is_mild():
    assert temperature_label(10) == "mild"


def test_mild():
    assert temperature_label(18) == "mild"
    assert temperature_label(24) == "mild"


def test_twenty_five_is_hot():
    assert temperature_label(25) == "hot"


def test_very_hot():
    assert temperature_label(40) == "hot"
