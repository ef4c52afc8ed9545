#!/usr/bin/env python3
"""gen_cases.py OUTDIR: writes the cases under OUTDIR/cases/<name>/ and OUTDIR/cases.json (how to run and verify each).

Each case: the buggy program (named as the tests import it), the tests, `fixed.py` (the intended fix of the
program file) and an entry in cases.json: kind, style, program file, tests file (or null), extra args, verify mode.
"""
import json
import os
import shutil
import sys

ROOT = os.path.join(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "usage-cases-out"), "cases")
CASES = []


def case(name, kind, style, program, buggy, fixed, tests=None, tests_name="tests.py", args=(), verify="pytest",
         entry=None, extra=None, binary=False):
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if binary else "w"
    with open(os.path.join(d, program), mode) as f:
        f.write(buggy)
    with open(os.path.join(d, "fixed.py"), mode) as f:
        f.write(fixed)
    if tests is not None:
        with open(os.path.join(d, tests_name), "w") as f:
            f.write(tests)
    for fname, text in (extra or {}).items():
        with open(os.path.join(d, fname), "w") as f:
            f.write(text)
    CASES.append(dict(name=name, kind=kind, style=style, program=program,
                      tests=tests_name if tests is not None else None, args=list(args), verify=verify, entry=entry))


if os.path.exists(ROOT):
    shutil.rmtree(ROOT)

# 01 wrong operator, plain asserts file
case("c01_op_asserts", "wrong operator", "asserts file", "solution.py",
     '''def average(values):
    """Arithmetic mean of a non-empty list."""
    return sum(values) * len(values)
''',
     '''def average(values):
    """Arithmetic mean of a non-empty list."""
    return sum(values) / len(values)
''',
     '''assert average([2, 4, 6]) == 4
assert average([5]) == 5
assert average([1, 2]) == 1.5
assert average([-3, 3, 0, 0]) == 0
''', verify="concat")

# 02 off-by-one, pytest parametrize with ids=
case("c02_offbyone_ids", "off-by-one", "pytest parametrize ids=", "mathx.py",
     '''def sum_to(n):
    """Sum of 1..n inclusive."""
    total = 0
    for i in range(1, n):
        total += i
    return total
''',
     '''def sum_to(n):
    """Sum of 1..n inclusive."""
    total = 0
    for i in range(1, n + 1):
        total += i
    return total
''',
     '''import pytest
from mathx import sum_to


@pytest.mark.parametrize(
    "n, expected",
    [(0, 0), (1, 1), (4, 10), (10, 55)],
    ids=["zero", "one", "four", "ten"],
)
def test_sum_to(n, expected):
    assert sum_to(n) == expected
''', tests_name="test_mathx.py")

# 03 wrong variable, pytest.param (one with id=, one with marks=xfail)
case("c03_wrongvar_param", "wrong variable", "pytest.param (id=, marks=xfail)", "words.py",
     '''def count_words(text):
    words = text.split()
    return len(text)
''',
     '''def count_words(text):
    words = text.split()
    return len(words)
''',
     '''import pytest
from words import count_words


@pytest.mark.parametrize("text, n", [
    pytest.param("", 0, id="empty"),
    pytest.param("one", 1, id="single"),
    pytest.param("two words", 2, id="two"),
    pytest.param("  padded   out  ", 2, id="spaces"),
    pytest.param("a-b c", 3, id="hyphen-is-split", marks=pytest.mark.xfail(reason="hyphens not split yet")),
])
def test_count_words(text, n):
    assert count_words(text) == n
''', tests_name="test_words.py")

# 04 wrong constant, parametrize over a module-level list
case("c04_const_nonliteral", "wrong constant", "parametrize over module list", "temps.py",
     '''def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 23
''',
     '''def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 32
''',
     '''import pytest
from temps import celsius_to_fahrenheit

CASES = [(0, 32), (100, 212), (-40, -40), (37, 98.6)]


@pytest.mark.parametrize("c, f", CASES)
def test_conversion(c, f):
    assert celsius_to_fahrenheit(c) == pytest.approx(f)
''', tests_name="test_temps.py")

# 05 missing negation, pytest.raises
case("c05_negation_raises", "missing negation", "pytest.raises(match=)", "users.py",
     '''def normalize_username(name):
    if name.isalnum():
        raise ValueError("username must be alphanumeric")
    return name.lower()
''',
     '''def normalize_username(name):
    if not name.isalnum():
        raise ValueError("username must be alphanumeric")
    return name.lower()
''',
     '''import pytest
from users import normalize_username


def test_lowercases():
    assert normalize_username("Alice") == "alice"


def test_digits_ok():
    assert normalize_username("Bob42") == "bob42"


def test_rejects_space():
    with pytest.raises(ValueError, match="alphanumeric"):
        normalize_username("bad name")


def test_rejects_empty():
    with pytest.raises(ValueError):
        normalize_username("")
''', tests_name="test_users.py")

# 06 wrong return value, pytest.approx
case("c06_return_approx", "wrong return value", "pytest.approx", "stats.py",
     '''def variance(xs):
    """Population variance."""
    mean = sum(xs) / len(xs)
    var = sum((x - mean) ** 2 for x in xs) / len(xs)
    return mean
''',
     '''def variance(xs):
    """Population variance."""
    mean = sum(xs) / len(xs)
    var = sum((x - mean) ** 2 for x in xs) / len(xs)
    return var
''',
     '''import pytest
from stats import variance


def test_constant():
    assert variance([3.0, 3.0, 3.0]) == pytest.approx(0.0)


def test_simple():
    assert variance([1, 2, 3, 4]) == pytest.approx(1.25)


def test_floats():
    assert variance([0.1, 0.2, 0.3]) == pytest.approx(0.006666666, rel=1e-5)


def test_pair():
    assert variance([-1, 1]) == pytest.approx(1.0)
''', tests_name="test_stats.py")

# 07 swapped arguments, unittest with setUp
case("c07_swap_unittest", "swapped arguments", "unittest.TestCase + setUp", "crypto.py",
     '''def modexp(base, exponent, modulus):
    """base ** exponent % modulus."""
    return pow(exponent, base, modulus)
''',
     '''def modexp(base, exponent, modulus):
    """base ** exponent % modulus."""
    return pow(base, exponent, modulus)
''',
     '''import unittest
from crypto import modexp


class ModexpTest(unittest.TestCase):
    def setUp(self):
        self.m = 13

    def test_small(self):
        self.assertEqual(modexp(2, 3, self.m), 8)

    def test_wrap(self):
        self.assertEqual(modexp(2, 5, self.m), 6)

    def test_zero_exponent(self):
        self.assertEqual(modexp(7, 0, self.m), 1)

    def test_negative_modulus_error(self):
        with self.assertRaises(ValueError):
            modexp(2, 3, 0)


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_crypto.py")

# 08 wrong slice, HumanEval check(candidate) + METADATA
case("c08_slice_check", "wrong slice", "HumanEval check + METADATA", "solution.py",
     '''def strip_ends(s: str) -> str:
    """Remove the first and the last character of s.
    """
    return s[1:-2]
''',
     '''def strip_ends(s: str) -> str:
    """Remove the first and the last character of s.
    """
    return s[1:-1]
''',
     '''METADATA = {
    'author': 'sweep15',
    'dataset': 'test'
}


def check(candidate):
    assert candidate("abc") == "b"
    assert candidate("hello") == "ell"
    assert candidate("xy") == ""
    assert candidate("[data]") == "data"
''', verify="check", entry="strip_ends")

# 09 append vs extend, doctest only
case("c09_extend_doctest", "wrong method (append/extend)", "doctest only", "flat.py",
     '''def flatten(lists):
    """Concatenate a list of lists.

    >>> flatten([[1, 2], [3]])
    [1, 2, 3]
    >>> flatten([])
    []
    >>> flatten([[], ['a'], ['b', 'c']])
    ['a', 'b', 'c']
    """
    out = []
    for part in lists:
        out.append(part)
    return out
''',
     '''def flatten(lists):
    """Concatenate a list of lists.

    >>> flatten([[1, 2], [3]])
    [1, 2, 3]
    >>> flatten([])
    []
    >>> flatten([[], ['a'], ['b', 'c']])
    ['a', 'b', 'c']
    """
    out = []
    for part in lists:
        out.extend(part)
    return out
''', verify="doctest")

# 10 missing else value, tests use `from module import *`
case("c10_else_star", "missing else branch value", "from module import *", "signs.py",
     '''def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
''',
     '''def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0
''',
     '''from signs import *


def test_positive():
    assert sign(5) == 1


def test_negative():
    assert sign(-2) == -1


def test_zero():
    assert sign(0) == 0


def test_float_zero():
    assert sign(0.0) == 0
''', tests_name="test_signs.py")

# 11 two bugs at once, asserts file
case("c11_twobugs_asserts", "two bugs (swapped returns)", "asserts file", "solution.py",
     '''def clamp(x, lo, hi):
    if x < lo:
        return hi
    if x > hi:
        return lo
    return x
''',
     '''def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x
''',
     '''assert clamp(5, 0, 10) == 5
assert clamp(-3, 0, 10) == 0
assert clamp(42, 0, 10) == 10
assert clamp(0, 0, 10) == 0
assert clamp(10, 0, 10) == 10
''', verify="concat")

# 12 tests import the module under another name than the buggy file's
case("c12_other_module_name", "wrong constant (join separator)", "import under another module name",
     "buggy_textutils.py",
     '''def title_words(s):
    return "".join(w.capitalize() for w in s.split())
''',
     '''def title_words(s):
    return " ".join(w.capitalize() for w in s.split())
''',
     '''from textutils import title_words


def test_two():
    assert title_words("hello world") == "Hello World"


def test_one():
    assert title_words("python") == "Python"


def test_spaces():
    assert title_words("  a  b ") == "A B"
''', tests_name="test_textutils.py")

# 13 several functions, --function
case("c13_several_function", "off-by-one (range bound)", "--function among several", "primes.py",
     '''import math


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n)):
        if n % d == 0:
            return False
    return True


def primes_below(limit):
    return [n for n in range(limit) if is_prime(n)]


def nth_prime(k):
    n = 1
    while k:
        n += 1
        if is_prime(n):
            k -= 1
    return n
''',
     '''import math


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True


def primes_below(limit):
    return [n for n in range(limit) if is_prime(n)]


def nth_prime(k):
    n = 1
    while k:
        n += 1
        if is_prime(n):
            k -= 1
    return n
''',
     '''from primes import is_prime, primes_below, nth_prime


def test_small():
    assert [is_prime(n) for n in range(6)] == [False, False, True, True, False, True]


def test_squares():
    assert not is_prime(4)
    assert not is_prime(9)
    assert not is_prime(49)


def test_below():
    assert primes_below(20) == [2, 3, 5, 7, 11, 13, 17, 19]


def test_nth():
    assert nth_prime(5) == 11
''', tests_name="test_primes.py", args=["--function", "is_prime"])

# 14 a method inside a class, --function Class.method, pytest class
case("c14_method", "wrong operator (+= for -=)", "pytest Test class, --function Class.method", "bank.py",
     '''class Account:
    def __init__(self, balance=0):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance += amount
        return self.balance
''',
     '''class Account:
    def __init__(self, balance=0):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        return self.balance
''',
     '''import pytest
from bank import Account


class TestAccount:
    def test_withdraw(self):
        a = Account(100)
        assert a.withdraw(30) == 70
        assert a.balance == 70

    def test_withdraw_all(self):
        assert Account(5).withdraw(5) == 0

    def test_overdraw(self):
        with pytest.raises(ValueError):
            Account(1).withdraw(2)

    def test_deposit_then_withdraw(self):
        a = Account()
        a.deposit(10)
        assert a.withdraw(4) == 6
''', tests_name="test_bank.py", args=["--function", "Account.withdraw"])

# 15 type hints, dataclass, from __future__ import annotations; wrong attribute
case("c15_dataclass_future", "wrong variable (attribute)", "pytest, dataclass + __future__ annotations",
     "geometry.py",
     '''from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


def manhattan(a: Point, b: Point) -> int:
    """Manhattan distance between two points."""
    return abs(a.x - b.x) + abs(a.y - b.x)
''',
     '''from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


def manhattan(a: Point, b: Point) -> int:
    """Manhattan distance between two points."""
    return abs(a.x - b.x) + abs(a.y - b.y)
''',
     '''from geometry import Point, manhattan


def test_same():
    assert manhattan(Point(1, 2), Point(1, 2)) == 0


def test_axis():
    assert manhattan(Point(0, 0), Point(0, 5)) == 5


def test_general():
    assert manhattan(Point(1, 7), Point(4, 3)) == 7


def test_symmetric():
    assert manhattan(Point(4, 3), Point(1, 7)) == 7
''', tests_name="test_geometry.py")

# 16 CRLF line endings; wrong comparison
crlf_b = ('def count_above(xs, threshold):\n    """How many values are strictly above threshold."""\n'
          '    n = 0\n    for x in xs:\n        if x >= threshold:\n            n += 1\n    return n\n')
crlf_f = crlf_b.replace("x >= threshold", "x > threshold")
case("c16_crlf", "wrong operator (>= for >)", "asserts file, CRLF program", "solution.py",
     crlf_b.replace("\n", "\r\n").encode(), crlf_f.replace("\n", "\r\n").encode(),
     '''assert count_above([1, 2, 3], 2) == 1
assert count_above([], 0) == 0
assert count_above([5, 5, 6], 5) == 1
assert count_above([-1, 0, 1], -5) == 3
''', verify="concat", binary=True)

# 17 tabs indentation; wrong increment
tabs_b = ('def count_vowels(word):\n\tcount = 0\n\tfor ch in word.lower():\n\t\tif ch in "aeiou":\n'
          '\t\t\tcount += 2\n\treturn count\n')
case("c17_tabs", "wrong constant (+= 2)", "asserts file, tab-indented program", "solution.py",
     tabs_b, tabs_b.replace("count += 2", "count += 1"),
     '''assert count_vowels("hello") == 2
assert count_vowels("") == 0
assert count_vowels("AEIOU") == 5
assert count_vowels("rhythm") == 0
''', verify="concat")

# 18 nested helper function; wrong operator in the helper
case("c18_nested_helper", "wrong operator in nested helper", "pytest", "scale.py",
     '''def normalize(values):
    """Scale values linearly onto [0, 1]."""
    lo, hi = min(values), max(values)

    def scale(v):
        return (v - lo) / (hi + lo)

    return [scale(v) for v in values]
''',
     '''def normalize(values):
    """Scale values linearly onto [0, 1]."""
    lo, hi = min(values), max(values)

    def scale(v):
        return (v - lo) / (hi - lo)

    return [scale(v) for v in values]
''',
     '''from scale import normalize


def test_basic():
    assert normalize([0, 5, 10]) == [0.0, 0.5, 1.0]


def test_offset():
    assert normalize([10, 20, 30]) == [0.0, 0.5, 1.0]


def test_negative():
    assert normalize([-2, 0, 2]) == [0.0, 0.5, 1.0]
''', tests_name="test_scale.py")

# 19 recursive function; wrong operator in the recursive call
case("c19_recursive", "wrong operator (% for //) in recursion", "asserts file", "solution.py",
     '''def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n % 10)
''',
     '''def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)
''',
     '''assert digit_sum(0) == 0
assert digit_sum(7) == 7
assert digit_sum(123) == 6
assert digit_sum(9999) == 36
assert digit_sum(1000) == 1
''', verify="concat")

# 20 generator function; wrong start constant
case("c20_generator", "wrong constant (range start)", "pytest, generator", "gen.py",
     '''def evens_below(n):
    for i in range(1, n, 2):
        yield i
''',
     '''def evens_below(n):
    for i in range(0, n, 2):
        yield i
''',
     '''from gen import evens_below


def test_six():
    assert list(evens_below(6)) == [0, 2, 4]


def test_zero():
    assert list(evens_below(0)) == []


def test_one():
    assert list(evens_below(1)) == [0]
''', tests_name="test_gen.py")

# 21 async function
case("c21_async", "wrong constant in async def", "pytest calling asyncio.run", "aio.py",
     '''import asyncio


async def double_later(x):
    await asyncio.sleep(0)
    return x * 3
''',
     '''import asyncio


async def double_later(x):
    await asyncio.sleep(0)
    return x * 2
''',
     '''import asyncio
from aio import double_later


def test_two():
    assert asyncio.run(double_later(2)) == 4


def test_zero():
    assert asyncio.run(double_later(0)) == 0


def test_neg():
    assert asyncio.run(double_later(-5)) == -10
''', tests_name="test_aio.py")

# 22 non-ASCII identifiers and strings
case("c22_unicode", "missing negation (not in)", "pytest, non-ASCII names/strings", "umlaute.py",
     '''UMLAUTE = "äöüÄÖÜ"


def zähle_umlaute(wort: str) -> int:
    """Zählt die Umlaute in »wort«."""
    return sum(1 for zeichen in wort if zeichen not in UMLAUTE)
''',
     '''UMLAUTE = "äöüÄÖÜ"


def zähle_umlaute(wort: str) -> int:
    """Zählt die Umlaute in »wort«."""
    return sum(1 for zeichen in wort if zeichen in UMLAUTE)
''',
     '''from umlaute import zähle_umlaute


def test_größe():
    assert zähle_umlaute("Größe") == 1


def test_ärger():
    assert zähle_umlaute("Ärger über Öl") == 3


def test_leer():
    assert zähle_umlaute("") == 0


def test_ohne():
    assert zähle_umlaute("Haus") == 0
''', tests_name="test_umlaute.py")

# 23 wrong sibling method (startswith/endswith), asserts inside the program file itself (no --tests)
case("c23_own_asserts", "wrong method (startswith/endswith)", "own top-level asserts (no --tests)",
     "solution.py",
     '''def has_extension(filename, ext):
    return filename.lower().startswith("." + ext.lower())


assert has_extension("photo.JPG", "jpg")
assert not has_extension("photo.png", "jpg")
assert has_extension("archive.tar.gz", "gz")
assert not has_extension(".gzip", "gz")
''',
     '''def has_extension(filename, ext):
    return filename.lower().endswith("." + ext.lower())


assert has_extension("photo.JPG", "jpg")
assert not has_extension("photo.png", "jpg")
assert has_extension("archive.tar.gz", "gz")
assert not has_extension(".gzip", "gz")
''', verify="selfrun")

# 24 off-by-one in a while loop, pytest with a fixture the file defines and a main guard
case("c24_fixture", "off-by-one (< for <=)", "pytest fixture + skip + skipif", "search.py",
     '''def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
''',
     '''def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
''',
     '''import sys

import pytest
from search import binary_search


@pytest.fixture
def data():
    return [1, 3, 5, 7, 9, 11]


def test_found_middle(data):
    assert binary_search(data, 5) == 2


def test_found_last(data):
    assert binary_search(data, 11) == 5


def test_found_first(data):
    assert binary_search(data, 1) == 0


def test_missing(data):
    assert binary_search(data, 4) == -1


def test_single():
    assert binary_search([42], 42) == 0


@pytest.mark.skip(reason="not written yet")
def test_duplicates():
    assert binary_search([1, 1, 1], 1) == 0


@pytest.mark.skipif(sys.version_info < (3, 0), reason="py3 only")
def test_empty():
    assert binary_search([], 1) == -1
''', tests_name="test_search.py")

# 25 unittest: assertAlmostEqual + setUpClass, wrong constant in an exponent
case("c25_unittest_almost", "wrong constant (** 3 for ** 2)", "unittest setUpClass + assertAlmostEqual",
     "shapes.py",
     '''import math


def circle_area(r):
    if r < 0:
        raise ValueError("negative radius")
    return math.pi * r ** 3
''',
     '''import math


def circle_area(r):
    if r < 0:
        raise ValueError("negative radius")
    return math.pi * r ** 2
''',
     '''import math
import unittest

from shapes import circle_area


class CircleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tol = 7

    def test_unit(self):
        self.assertAlmostEqual(circle_area(1), math.pi, self.tol)

    def test_two(self):
        self.assertAlmostEqual(circle_area(2), 4 * math.pi, places=self.tol)

    def test_half(self):
        self.assertAlmostEqual(circle_area(0.5), math.pi / 4)

    def test_negative(self):
        self.assertRaises(ValueError, circle_area, -1)
''', tests_name="test_shapes.py")

# 26 xfail-decorated test and pytest.param(marks=skip): how counted
case("c26_marks", "wrong operator (- for +)", "pytest xfail test + param marks=skip", "money.py",
     '''def add_cents(a, b):
    return a - b
''',
     '''def add_cents(a, b):
    return a + b
''',
     '''import pytest
from money import add_cents


@pytest.mark.parametrize("a, b, total", [
    (100, 250, 350),
    (0, 0, 0),
    pytest.param(1, 1, 3, marks=pytest.mark.skip(reason="known wrong row")),
    (5, 7, 12),
])
def test_add(a, b, total):
    assert add_cents(a, b) == total


@pytest.mark.xfail(reason="float cents unsupported")
def test_float_cents():
    assert add_cents(0.1, 0.2) == 0.3
''', tests_name="test_money.py")

# ----- bad input -----
BAD_PROG = '''def halve(n):
    return n // 3
'''
BAD_FIX = '''def halve(n):
    return n // 2
'''
case("b01_no_such_function", "bad input: no such function", "asserts file", "solution.py", BAD_PROG, BAD_FIX,
     "assert halve(4) == 2\nassert halve(9) == 4\n", args=["--function", "third"], verify="concat")
case("b02_tests_wrong", "bad input: tests fail on the fixed program too", "asserts file", "solution.py",
     BAD_PROG, BAD_FIX,
     "assert halve(4) == 2\nassert halve(9) == 4\nassert halve(10) == 6\nassert halve(10) == 5\n",
     verify="concat")
case("b03_tests_syntax", "bad input: syntax error in tests", "pytest", "solution.py", BAD_PROG, BAD_FIX,
     "from solution import halve\n\n\ndef test_four():\n    assert halve(4) == 2\n\n\ndef test_nine(:\n    assert halve(9) == 4\n",
     tests_name="test_solution.py")
case("b04_tests_empty", "bad input: empty tests file", "empty", "solution.py", BAD_PROG, BAD_FIX, "")
case("b05_no_tests_anywhere", "bad input: no --tests, no asserts/doctests", "none", "solution.py", BAD_PROG,
     BAD_FIX, None)
case("b06_nonexistent", "bad input: non-existent FILE", "asserts file", "missing.py", BAD_PROG, BAD_FIX,
     "assert halve(4) == 2\n", verify="concat")
case("b07_directory", "bad input: directory as FILE", "asserts file", "solution.py", BAD_PROG, BAD_FIX,
     "assert halve(4) == 2\n", verify="concat")
case("b08_tests_missing", "bad input: non-existent --tests", "none", "solution.py", BAD_PROG, BAD_FIX, None)
case("b09_tests_directory", "bad input: directory as --tests", "none", "solution.py", BAD_PROG, BAD_FIX, None)
case("b10_program_syntax", "bad input: program does not parse", "asserts file", "solution.py",
     "def halve(n)\n    return n // 3\n", BAD_FIX, "assert halve(4) == 2\n", verify="concat")
case("b11_already_fixed", "no bug: tests already pass", "asserts file", "solution.py", BAD_FIX, BAD_FIX,
     "assert halve(4) == 2\nassert halve(9) == 4\n", verify="concat")
case("b12_only_comments_tests", "bad input: tests file with only imports/comments", "pytest-ish", "solution.py",
     BAD_PROG, BAD_FIX, "# TODO write tests\nfrom solution import halve\n")

# ----- follow-up probes -----
# 04b: same bug as c04, literal parametrize list (is the 1-test collapse what costs c04?)
case("c04b_const_literal", "wrong constant", "parametrize over literal list", "temps.py",
     """def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 23
""",
     """def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 32
""",
     """import pytest
from temps import celsius_to_fahrenheit


@pytest.mark.parametrize("c, f", [(0, 32), (100, 212), (-40, -40), (37, 98.6)])
def test_conversion(c, f):
    assert celsius_to_fahrenheit(c) == pytest.approx(f)
""", tests_name="test_temps.py")

# 04c: reachable bug (off-by-one constant) with a non-literal parametrize list: one test only?
case("c04c_nonliteral_reachable", "off-by-one constant", "parametrize over module list", "pages.py",
     """def page_count(items, per_page):
    return (items + per_page - 2) // per_page
""",
     """def page_count(items, per_page):
    return (items + per_page - 1) // per_page
""",
     """import pytest
from pages import page_count

ROWS = [(0, 10, 0), (1, 10, 1), (10, 10, 1), (11, 10, 2), (25, 5, 5)]


@pytest.mark.parametrize("items, per_page, pages", ROWS)
def test_pages(items, per_page, pages):
    assert page_count(items, per_page) == pages
""", tests_name="test_pages.py")

# 12b: another module name than the file's, with a bug the menu reaches
case("c12b_other_module_reachable", "wrong slice", "import under another module name", "buggy_textutils.py",
     """def title_words(s):
    words = s.split()
    return " ".join(w.capitalize() for w in words[1:])
""",
     """def title_words(s):
    words = s.split()
    return " ".join(w.capitalize() for w in words)
""",
     """from textutils import title_words


def test_two():
    assert title_words("hello world") == "Hello World"


def test_one():
    assert title_words("python") == "Python"


def test_spaces():
    assert title_words("  a  b ") == "A B"
""", tests_name="test_textutils.py")

# 12c: dotted import + `import X as Y`
case("c12c_dotted_alias", "wrong slice", "import pkg.mod as alias", "textutils.py",
     """def title_words(s):
    words = s.split()
    return " ".join(w.capitalize() for w in words[1:])
""",
     """def title_words(s):
    words = s.split()
    return " ".join(w.capitalize() for w in words)
""",
     """import app.textutils as tu


def test_two():
    assert tu.title_words("hello world") == "Hello World"


def test_one():
    assert tu.title_words("python") == "Python"
""", tests_name="test_textutils.py")

# 26b: c26 without the skip-marked param row: how many tests?
case("c26b_xfail_only", "wrong operator (- for +)", "pytest parametrize + xfail test", "money.py",
     """def add_cents(a, b):
    return a - b
""",
     """def add_cents(a, b):
    return a + b
""",
     """import pytest
from money import add_cents


@pytest.mark.parametrize("a, b, total", [
    (100, 250, 350),
    (0, 0, 0),
    (5, 7, 12),
])
def test_add(a, b, total):
    assert add_cents(a, b) == total


@pytest.mark.xfail(reason="float cents unsupported")
def test_float_cents():
    assert add_cents(0.1, 0.2) == 0.3
""", tests_name="test_money.py")

# 27: doctests with a print() example and a comparison example
case("c27_doctest_print_compare", "wrong constant (* 2 for ** 2)", "doctest only (print, comparison)",
     "area.py",
     """import math


def square_area(side):
    \"\"\"Area of a square.

    >>> square_area(3)
    9
    >>> print(square_area(1.5))
    2.25
    >>> square_area(4) == 16
    True
    >>> abs(square_area(0.1) - 0.01) < 1e-9
    True
    \"\"\"
    return side * 2
""",
     """import math


def square_area(side):
    \"\"\"Area of a square.

    >>> square_area(3)
    9
    >>> print(square_area(1.5))
    2.25
    >>> square_area(4) == 16
    True
    >>> abs(square_area(0.1) - 0.01) < 1e-9
    True
    \"\"\"
    return side ** 2
""", verify="doctest")

# 28: unittest classes through a shared base class (not named Test*, not deriving TestCase by name)
case("c28_unittest_base", "wrong argument (split(' ') for split())", "unittest via a base class", "slug.py",
     """def slugify(title):
    return "-".join(title.lower().split(" "))
""",
     """def slugify(title):
    return "-".join(title.lower().split())
""",
     """import unittest
from slug import slugify


class BaseCase(unittest.TestCase):
    def check(self, title, slug):
        self.assertEqual(slugify(title), slug)


class SlugifyCases(BaseCase):
    def test_simple(self):
        self.check("Hello World", "hello-world")

    def test_one(self):
        self.check("Python", "python")


class EdgeCases(BaseCase):
    def test_trailing(self):
        self.assertEqual(slugify("  Trailing space  "), "trailing-space")
""", tests_name="test_slug.py")

# 28b: one TestCase subclass named plainly and one through a base class: is the second one dropped silently?
case("c28b_unittest_mixed", "wrong argument (split(' ') for split())", "unittest: direct + via base class",
     "slug.py",
     """def slugify(title):
    return "-".join(title.lower().split(" "))
""",
     """def slugify(title):
    return "-".join(title.lower().split())
""",
     """import unittest
from slug import slugify


class SlugTest(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(slugify("Hello World"), "hello-world")


class BaseCase(unittest.TestCase):
    maxDiff = None


class EdgeCases(BaseCase):
    def test_trailing(self):
        self.assertEqual(slugify("  Trailing space  "), "trailing-space")

    def test_double(self):
        self.assertEqual(slugify("a  b"), "a-b")
""", tests_name="test_slug.py")

# Session 38: styles a later sweep found unhandled.
# 29 an operator in a `case` body of a match statement (nothing inside a match could be edited)
case("c29_match_case_body", "wrong operator (* 2 for ** 2)", "asserts file; match statement", "solution.py",
     """def area(kind, x):
    match kind:
        case "circle":
            return 3 * x * 2
        case "square":
            return x * x
        case _:
            return 0
""",
     """def area(kind, x):
    match kind:
        case "circle":
            return 3 * x ** 2
        case "square":
            return x * x
        case _:
            return 0
""",
     """assert area("circle", 1) == 3
assert area("circle", 3) == 27
assert area("square", 4) == 16
assert area("blob", 4) == 0
""", verify="concat")

# 30 a file saved with a UTF-8 byte-order mark and CRLF line ends (every test failed on U+FEFF)
GRADE = """\ufeffdef grade(score):\r\n    \"\"\"Letter grade for a 0-100 score.\"\"\"\r\n    if score >= 90:\r\n        return "A"\r\n    if score {op} 80:\r\n        return "B"\r\n    if score >= 70:\r\n        return "C"\r\n    return "F"\r\n"""
case("c30_bom_crlf", "wrong comparison (> for >=)", "pytest file; BOM and CRLF", "grades.py",
     GRADE.format(op=">").encode(), GRADE.format(op=">=").encode(),
     """from grades import grade


def test_grades():
    assert grade(95) == "A"
    assert grade(90) == "A"


def test_b_boundary():
    assert grade(80) == "B"


def test_b():
    assert grade(85) == "B"


def test_low():
    assert grade(70) == "C"
    assert grade(10) == "F"
""", tests_name="test_grades.py", binary=True)

# 31 doctests in a file with a byte-order mark
MID = """\ufeffdef midpoint(a, b):\n    \"\"\"Midpoint of two numbers.\n\n    >>> midpoint(0, 10)\n    5.0\n    >>> midpoint(-2, 2)\n    0.0\n    >>> midpoint(3, 4)\n    3.5\n    \"\"\"\n    return (a {op} b) / 2\n"""
case("c31_bom_doctest", "wrong operator (- for +)", "doctest only; BOM", "mid.py",
     MID.format(op="-").encode(), MID.format(op="+").encode(), verify="doctest", binary=True)

# 32 a helper's value computed and dropped (`--function` names the helper the tests reach through another)
ANAGRAM = """def normalize(s):
    {ret}sorted(c for c in s.lower() if c.isalnum())


def is_anagram(a, b):
    \"\"\"True when a and b use the same letters and digits, ignoring case and punctuation.\"\"\"
    return normalize(a) == normalize(b)
"""
case("c32_helper_missing_return", "missing return in a helper", "pytest file; --function", "anagram.py",
     ANAGRAM.format(ret=""), ANAGRAM.format(ret="return "),
     """from anagram import is_anagram


def test_yes():
    assert is_anagram("Listen", "Silent")


def test_punct():
    assert is_anagram("Dormitory!", "dirty room")


def test_no():
    assert not is_anagram("abc", "abd")


def test_len():
    assert not is_anagram("aa", "a")
""", tests_name="test_anagram.py", args=("--function", "normalize"))

# 33 the wrong separator in a plain string
case("c33_separator", "wrong string (: for =)", "asserts file", "solution.py",
     'def pair(k, v):\n    return str(k) + ":" + str(v)\n',
     'def pair(k, v):\n    return str(k) + "=" + str(v)\n',
     'assert pair("a", 1) == "a=1"\nassert pair("x", "y") == "x=y"\n', verify="concat")

# 34 a generator's bound one short, tested by its doctests
WINDOWS = """def windows(seq, n):
    \"\"\"Yield each run of n consecutive items as a tuple.

    >>> list(windows([1, 2, 3, 4], 2))
    [(1, 2), (2, 3), (3, 4)]
    >>> list(windows("abc", 3))
    [('a', 'b', 'c')]
    >>> list(windows([1], 2))
    []
    \"\"\"
    for i in range(len(seq) - n{plus}):
        yield tuple(seq[i:i + n])
"""
case("c34_generator_doctest", "off-by-one (a computed bound)", "doctest only; generator", "windows.py",
     WINDOWS.format(plus=""), WINDOWS.format(plus=" + 1"), verify="doctest")

# 35 a HumanEval-style check that imports pytest and expects an exception
case("c35_check_pytest_raises", "wrong operator (* for /)", "check(candidate) with pytest.raises", "div.py",
     'def safe_div(a, b):\n    """Divide a by b."""\n    return a * b\n',
     'def safe_div(a, b):\n    """Divide a by b."""\n    return a / b\n',
     """import pytest


def check(candidate):
    assert candidate(6, 3) == 2
    assert candidate(1, 4) == 0.25
    with pytest.raises(ZeroDivisionError):
        candidate(1, 0)
""", tests_name="check_div.py", verify="check", entry="safe_div")

with open(os.path.join(os.path.dirname(ROOT), "cases.json"), "w") as f:
    json.dump(CASES, f, indent=1)
print(len(CASES), "cases")
