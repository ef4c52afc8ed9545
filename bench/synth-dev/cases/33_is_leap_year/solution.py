def is_leap_year(year: int) -> bool:
    """Return True if year is a leap year in the Gregorian calendar: years divisible by 4 are,
    except century years, which are leap years only when divisible by 400."""
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    return year % 4 == 0
