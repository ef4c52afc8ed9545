"""Writes the classic-bugs dev set into OUTDIR (argv[1]): one directory per case with buggy.py, fixed.py,
test_buggy.py, kind.txt. 41 small functions, each with one hand-made bug of a classic kind (operator, off by one,
wrong name, constant, swapped arguments, missing statement, condition, return, a hang) or two (multi), and pytest
tests that the fixed function passes and the buggy one fails. A dev set: Kelp's search settings are chosen with it
in view, so its numbers are not an evaluation.

Each case is (name, kind, fixed source, list of (old, new) replacements that make the buggy source, tests).
The buggy source is derived from the fixed one so the two differ only by the bug.
"""
import os
import sys
import textwrap

CASES = []


def case(name, kind, fixed, bugs, tests):
    CASES.append((name, kind, textwrap.dedent(fixed).lstrip("\n"), bugs, textwrap.dedent(tests).lstrip("\n")))


# ---------------------------------------------------------------- operator
case("c01_is_prime", "operator", """
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
""", [("if n % d == 0:", "if n // d == 0:")], """
import pytest
from buggy import is_prime


@pytest.mark.parametrize("n", [2, 3, 5, 7, 13, 97])
def test_primes(n):
    assert is_prime(n)


@pytest.mark.parametrize("n", [4, 9, 15, 49, 100])
def test_composites(n):
    assert not is_prime(n)


def test_small():
    assert not is_prime(0)
    assert not is_prime(1)
    assert not is_prime(-7)
""")

case("c02_clamp", "operator", """
def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x
""", [("if x < lo:", "if x > lo:")], """
from buggy import clamp


def test_inside():
    assert clamp(5, 0, 10) == 5


def test_below():
    assert clamp(-3, 0, 10) == 0


def test_above():
    assert clamp(15, 0, 10) == 10


def test_edges():
    assert clamp(0, 0, 10) == 0
    assert clamp(10, 0, 10) == 10


def test_floats():
    assert clamp(2.5, 1.0, 2.0) == 2.0
    assert clamp(1.5, 1.0, 2.0) == 1.5
""")

case("c03_mean", "operator", """
def mean(xs):
    if not xs:
        raise ValueError("mean of empty list")
    return sum(xs) / len(xs)
""", [("sum(xs) / len(xs)", "sum(xs) // len(xs)")], """
import pytest
from buggy import mean


def test_integers():
    assert mean([1, 2, 3]) == 2


def test_fraction():
    assert mean([1, 2]) == 1.5


def test_negative():
    assert mean([-1, -2]) == -1.5


def test_single():
    assert mean([7]) == 7


def test_empty():
    with pytest.raises(ValueError):
        mean([])
""")

case("c04_balanced", "operator", """
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
""", [("if not stack or stack.pop()", "if not stack and stack.pop()")], """
import pytest
from buggy import balanced


@pytest.mark.parametrize("s", ["", "()", "([]{})", "a(b[c]d)e", "{[()()]}"])
def test_balanced(s):
    assert balanced(s)


@pytest.mark.parametrize("s", ["(", ")", "(]", "([)]", "(()", "())"])
def test_unbalanced(s):
    assert not balanced(s)
""")

# ---------------------------------------------------------------- offbyone
case("c05_bubble_sort", "offbyone", """
def bubble_sort(items):
    a = list(items)
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
""", [("range(n - 1 - i)", "range(n - i)")], """
import pytest
from buggy import bubble_sort


@pytest.mark.parametrize("xs", [[], [1], [2, 1], [3, 1, 2], [5, 4, 3, 2, 1], [1, 3, 1, 2, 3]])
def test_sorts(xs):
    assert bubble_sort(xs) == sorted(xs)


def test_does_not_mutate():
    xs = [3, 2, 1]
    bubble_sort(xs)
    assert xs == [3, 2, 1]
""")

case("c06_pascal_row", "offbyone", """
def pascal_row(n):
    row = [1]
    for _ in range(n):
        nxt = [1]
        for i in range(1, len(row)):
            nxt.append(row[i - 1] + row[i])
        nxt.append(1)
        row = nxt
    return row
""", [("range(1, len(row))", "range(1, len(row) - 1)")], """
import pytest
from buggy import pascal_row


@pytest.mark.parametrize("n,row", [
    (0, [1]),
    (1, [1, 1]),
    (2, [1, 2, 1]),
    (3, [1, 3, 3, 1]),
    (5, [1, 5, 10, 10, 5, 1]),
])
def test_rows(n, row):
    assert pascal_row(n) == row


def test_sum_is_power_of_two():
    assert sum(pascal_row(10)) == 1024
""")

case("c07_chunk", "offbyone", """
def chunk(lst, size):
    if size <= 0:
        raise ValueError("size must be positive")
    chunks = []
    for i in range(0, len(lst), size):
        chunks.append(lst[i:i + size])
    return chunks
""", [("lst[i:i + size]", "lst[i:i + size - 1]")], """
import pytest
from buggy import chunk


def test_even():
    assert chunk([1, 2, 3, 4], 2) == [[1, 2], [3, 4]]


def test_uneven():
    assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def test_size_one():
    assert chunk([1, 2, 3], 1) == [[1], [2], [3]]


def test_big_size():
    assert chunk([1, 2], 5) == [[1, 2]]


def test_empty():
    assert chunk([], 3) == []


def test_bad_size():
    with pytest.raises(ValueError):
        chunk([1], 0)
""")

case("c08_fib", "offbyone", """
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
""", [("range(n)", "range(n - 1)")], """
import pytest
from buggy import fib


@pytest.mark.parametrize("n,f", [(0, 0), (1, 1), (2, 1), (3, 2), (10, 55), (20, 6765)])
def test_fib(n, f):
    assert fib(n) == f
""")

# ---------------------------------------------------------------- wrongname
case("c09_merge_sorted", "wrongname", """
def merge_sorted(a, b):
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out
""", [("out.extend(b[j:])", "out.extend(a[j:])")], """
from buggy import merge_sorted


def test_interleaved():
    assert merge_sorted([1, 3, 5], [2, 4, 6]) == [1, 2, 3, 4, 5, 6]


def test_b_longer():
    assert merge_sorted([1], [2, 3, 4]) == [1, 2, 3, 4]


def test_a_longer():
    assert merge_sorted([5, 6, 7], [1]) == [1, 5, 6, 7]


def test_empty():
    assert merge_sorted([], [1, 2]) == [1, 2]
    assert merge_sorted([1, 2], []) == [1, 2]
    assert merge_sorted([], []) == []


def test_duplicates():
    assert merge_sorted([1, 2, 2], [2, 3]) == [1, 2, 2, 2, 3]
""")

case("c10_transpose", "wrongname", """
def transpose(m):
    if not m:
        return []
    rows, cols = len(m), len(m[0])
    t = [[None] * rows for _ in range(cols)]
    for i in range(rows):
        for j in range(cols):
            t[j][i] = m[i][j]
    return t
""", [("for _ in range(cols)]", "for _ in range(rows)]")], """
from buggy import transpose


def test_square():
    assert transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]


def test_wide():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_tall():
    assert transpose([[1, 2], [3, 4], [5, 6]]) == [[1, 3, 5], [2, 4, 6]]


def test_row():
    assert transpose([[1, 2, 3]]) == [[1], [2], [3]]


def test_empty():
    assert transpose([]) == []
""")

case("c11_max_subarray", "wrongname", """
def max_subarray(nums):
    best = cur = nums[0]
    for x in nums[1:]:
        cur = max(x, cur + x)
        best = max(best, cur)
    return best
""", [("best = max(best, cur)", "best = max(best, x)")], """
import pytest
from buggy import max_subarray


@pytest.mark.parametrize("nums,best", [
    ([-2, 1, -3, 4, -1, 2, 1, -5, 4], 6),
    ([1, 2, 3], 6),
    ([-3, -1, -2], -1),
    ([5], 5),
    ([2, -1, 2], 3),
])
def test_max_subarray(nums, best):
    assert max_subarray(nums) == best
""")

case("c12_levenshtein", "wrongname", """
def levenshtein(a, b):
    m, n = len(a), len(b)
    d = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        d[i][0] = i
    for j in range(n + 1):
        d[0][j] = j
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    return d[m][n]
""", [("a[i - 1] == b[j - 1]", "a[i - 1] == b[i - 1]")], """
import pytest
from buggy import levenshtein


@pytest.mark.parametrize("a,b,d", [
    ("", "", 0),
    ("abc", "", 3),
    ("", "ab", 2),
    ("kitten", "sitting", 3),
    ("flaw", "lawn", 2),
    ("same", "same", 0),
    ("ab", "ba", 2),
])
def test_distance(a, b, d):
    assert levenshtein(a, b) == d
""")

# ---------------------------------------------------------------- constant
case("c13_roman_to_int", "constant", """
def roman_to_int(s):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
""", [('"D": 500', '"D": 50')], """
import pytest
from buggy import roman_to_int


@pytest.mark.parametrize("s,n", [
    ("III", 3),
    ("IV", 4),
    ("IX", 9),
    ("XLII", 42),
    ("CD", 400),
    ("DCCC", 800),
    ("MCMXCIV", 1994),
    ("MDCLXVI", 1666),
])
def test_roman(s, n):
    assert roman_to_int(s) == n
""")

case("c14_format_duration", "constant", """
def format_duration(seconds):
    h = seconds // 3600
    m = (seconds % 3600) // 60
    s = seconds % 60
    return f"{h}:{m:02d}:{s:02d}"
""", [("h = seconds // 3600", "h = seconds // 360")], """
import pytest
from buggy import format_duration


@pytest.mark.parametrize("secs,text", [
    (0, "0:00:00"),
    (59, "0:00:59"),
    (61, "0:01:01"),
    (3599, "0:59:59"),
    (3600, "1:00:00"),
    (3661, "1:01:01"),
    (86399, "23:59:59"),
])
def test_format(secs, text):
    assert format_duration(secs) == text
""")

case("c15_sieve", "constant", """
def primes_up_to(n):
    if n < 2:
        return []
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i in range(n + 1) if is_p[i]]
""", [("is_p[j] = False", "is_p[j] = True")], """
from buggy import primes_up_to


def test_small():
    assert primes_up_to(10) == [2, 3, 5, 7]


def test_inclusive():
    assert primes_up_to(13) == [2, 3, 5, 7, 11, 13]


def test_thirty():
    assert primes_up_to(30) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]


def test_tiny():
    assert primes_up_to(1) == []
    assert primes_up_to(2) == [2]


def test_count():
    assert len(primes_up_to(100)) == 25
""")

case("c16_knapsack", "constant", """
def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]
""", [("range(capacity, weight - 1, -1)", "range(capacity, weight - 1, 1)")], """
from buggy import knapsack


def test_classic():
    assert knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7) == 9


def test_single_fits():
    assert knapsack([(2, 3)], 5) == 3


def test_nothing_fits():
    assert knapsack([(6, 10)], 5) == 0


def test_each_item_once():
    assert knapsack([(1, 10)], 5) == 10


def test_empty():
    assert knapsack([], 10) == 0
""")

# ---------------------------------------------------------------- argswap
case("c17_rle_encode", "argswap", """
def rle_encode(s):
    if not s:
        return []
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append((prev, count))
            prev, count = ch, 1
    out.append((prev, count))
    return out
""", [("""            out.append((prev, count))
            prev""", """            out.append((count, prev))
            prev""")], """
from buggy import rle_encode


def test_runs():
    assert rle_encode("aaabcc") == [("a", 3), ("b", 1), ("c", 2)]


def test_single_run():
    assert rle_encode("zzzz") == [("z", 4)]


def test_alternating():
    assert rle_encode("abab") == [("a", 1), ("b", 1), ("a", 1), ("b", 1)]


def test_empty():
    assert rle_encode("") == []
""")

case("c18_split_at", "argswap", """
def split_at(lst, i):
    if i < 0:
        i = max(0, len(lst) + i)
    return lst[:i], lst[i:]
""", [("return lst[:i], lst[i:]", "return lst[i:], lst[:i]")], """
from buggy import split_at


def test_middle():
    assert split_at([1, 2, 3, 4], 1) == ([1], [2, 3, 4])


def test_start():
    assert split_at([1, 2], 0) == ([], [1, 2])


def test_end():
    assert split_at([1, 2], 2) == ([1, 2], [])


def test_negative():
    assert split_at([1, 2, 3, 4], -1) == ([1, 2, 3], [4])
    assert split_at([1, 2], -5) == ([], [1, 2])
""")

case("c19_compare_versions", "argswap", """
def compare_versions(a, b):
    pa = [int(x) for x in a.split(".")]
    pb = [int(x) for x in b.split(".")]
    n = max(len(pa), len(pb))
    pa += [0] * (n - len(pa))
    pb += [0] * (n - len(pb))
    for x, y in zip(pa, pb):
        if x < y:
            return -1
        if x > y:
            return 1
    return 0
""", [("zip(pa, pb)", "zip(pb, pa)")], """
import pytest
from buggy import compare_versions


@pytest.mark.parametrize("a,b,r", [
    ("1.0", "1.0", 0),
    ("1.0", "1", 0),
    ("1.2", "1.10", -1),
    ("2.0", "1.9.9", 1),
    ("1.0.1", "1", 1),
    ("0.9", "1.0", -1),
])
def test_compare(a, b, r):
    assert compare_versions(a, b) == r
""")

case("c20_censor", "argswap", """
def censor(text, banned):
    for word in banned:
        text = text.replace(word, "*" * len(word))
    return text
""", [('text.replace(word, "*" * len(word))', 'text.replace("*" * len(word), word)')], """
from buggy import censor


def test_one_word():
    assert censor("the darn cat", ["darn"]) == "the **** cat"


def test_several():
    assert censor("foo bar baz", ["foo", "baz"]) == "*** bar ***"


def test_repeated():
    assert censor("heck heck", ["heck"]) == "**** ****"


def test_nothing_banned():
    assert censor("hello", []) == "hello"
    assert censor("hello", ["bye"]) == "hello"
""")

# ---------------------------------------------------------------- missingstmt
case("c21_split_on", "missingstmt", """
def split_on(s, sep):
    parts = []
    cur = ""
    for ch in s:
        if ch == sep:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts
""", [("""            cur += ch
    parts.append(cur)
""", """            cur += ch
""")], """
import pytest
from buggy import split_on


@pytest.mark.parametrize("s", ["a,b,c", "a", "", ",", "a,,b", "ab,"])
def test_like_str_split(s):
    assert split_on(s, ",") == s.split(",")


def test_other_separator():
    assert split_on("x y", " ") == ["x", "y"]
""")

case("c22_factorial", "missingstmt", """
def factorial(n):
    if n < 0:
        raise ValueError("negative")
    if n <= 1:
        return 1
    return n * factorial(n - 1)
""", [("""    if n <= 1:
        return 1
""", "")], """
import pytest
from buggy import factorial


@pytest.mark.parametrize("n,f", [(0, 1), (1, 1), (2, 2), (5, 120), (10, 3628800)])
def test_factorial(n, f):
    assert factorial(n) == f


def test_negative():
    with pytest.raises(ValueError):
        factorial(-1)
""")

case("c23_pascal_triangle", "missingstmt", """
def pascal_triangle(n):
    rows = []
    for r in range(n):
        row = [1]
        if rows:
            prev = rows[-1]
            for i in range(1, r):
                row.append(prev[i - 1] + prev[i])
            row.append(1)
        rows.append(row)
    return rows
""", [("""                row.append(prev[i - 1] + prev[i])
            row.append(1)
""", """                row.append(prev[i - 1] + prev[i])
""")], """
from buggy import pascal_triangle


def test_zero():
    assert pascal_triangle(0) == []


def test_one():
    assert pascal_triangle(1) == [[1]]


def test_four():
    assert pascal_triangle(4) == [[1], [1, 1], [1, 2, 1], [1, 3, 3, 1]]


def test_row_lengths():
    assert [len(r) for r in pascal_triangle(6)] == [1, 2, 3, 4, 5, 6]
""")

case("c24_dedupe", "missingstmt", """
def dedupe(items):
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
""", [("""            seen.add(x)
""", "")], """
from buggy import dedupe


def test_keeps_order():
    assert dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]


def test_no_duplicates():
    assert dedupe([1, 2, 3]) == [1, 2, 3]


def test_all_same():
    assert dedupe(["a", "a", "a"]) == ["a"]


def test_empty():
    assert dedupe([]) == []
""")

# ---------------------------------------------------------------- condition
case("c25_count_pos_evens", "condition", """
def count_positive_evens(nums):
    count = 0
    for x in nums:
        if x > 0 and x % 2 == 0:
            count += 1
    return count
""", [("if x > 0 and x % 2 == 0:", "if x % 2 == 0:")], """
from buggy import count_positive_evens


def test_mixed():
    assert count_positive_evens([1, 2, 3, 4]) == 2


def test_negatives_excluded():
    assert count_positive_evens([-2, -4, 6]) == 1


def test_zero_excluded():
    assert count_positive_evens([0, 0, 2]) == 1


def test_empty():
    assert count_positive_evens([]) == 0
""")

case("c26_valid_triangle", "condition", """
def valid_triangle(a, b, c):
    return a + b > c and a + c > b and b + c > a
""", [("return a + b > c and a + c > b and b + c > a", "return a + b > c and a + c > b")], """
import pytest
from buggy import valid_triangle


@pytest.mark.parametrize("sides", [(3, 4, 5), (1, 1, 1), (2, 3, 4)])
def test_valid(sides):
    assert valid_triangle(*sides)


@pytest.mark.parametrize("sides", [(1, 2, 3), (1, 1, 5), (1, 5, 1), (5, 1, 1), (10, 2, 3)])
def test_invalid(sides):
    assert not valid_triangle(*sides)
""")

case("c27_second_largest", "condition", """
def second_largest(nums):
    first = second = float("-inf")
    for x in nums:
        if x > first:
            second = first
            first = x
        elif x > second and x != first:
            second = x
    if second == float("-inf"):
        return None
    return second
""", [("elif x > second and x != first:", "elif x > second:")], """
from buggy import second_largest


def test_simple():
    assert second_largest([1, 3, 2]) == 2


def test_duplicate_max():
    assert second_largest([5, 5, 3]) == 3
    assert second_largest([3, 5, 5]) == 3


def test_all_equal():
    assert second_largest([4, 4]) is None


def test_short():
    assert second_largest([1]) is None
    assert second_largest([]) is None
""")

case("c28_is_leap", "condition", """
def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
""", [("return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)", "return year % 4 == 0 and year % 100 != 0")], """
import pytest
from buggy import is_leap


@pytest.mark.parametrize("year", [1996, 2004, 2000, 1600, 2024])
def test_leap(year):
    assert is_leap(year)


@pytest.mark.parametrize("year", [1900, 2100, 2001, 2023])
def test_common(year):
    assert not is_leap(year)
""")

# ---------------------------------------------------------------- return
case("c29_powerset", "return", """
def powerset(items):
    if not items:
        return [[]]
    rest = powerset(items[1:])
    return rest + [[items[0]] + s for s in rest]
""", [("return [[]]", "return []")], """
from buggy import powerset


def norm(sets):
    return sorted(sorted(s) for s in sets)


def test_empty():
    assert powerset([]) == [[]]


def test_one():
    assert norm(powerset([1])) == [[], [1]]


def test_three():
    assert norm(powerset([1, 2, 3])) == norm([[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]])


def test_size():
    assert len(powerset(list(range(5)))) == 32
""")

case("c30_index_of_max", "return", """
def index_of_max(lst):
    if not lst:
        return -1
    best_i = 0
    for i in range(1, len(lst)):
        if lst[i] > lst[best_i]:
            best_i = i
    return best_i
""", [("return best_i", "return lst[best_i]")], """
from buggy import index_of_max


def test_middle():
    assert index_of_max([1, 9, 3]) == 1


def test_last():
    assert index_of_max([1, 2, 30]) == 2


def test_first_of_ties():
    assert index_of_max([4, 1, 4]) == 0


def test_empty():
    assert index_of_max([]) == -1
""")

case("c31_reverse_words", "return", """
def reverse_words(s):
    words = s.split()
    return " ".join(reversed(words))
""", [('return " ".join(reversed(words))', 'return " ".join(words)')], """
from buggy import reverse_words


def test_three():
    assert reverse_words("the quick fox") == "fox quick the"


def test_one():
    assert reverse_words("hello") == "hello"


def test_spaces_collapsed():
    assert reverse_words("  a   b ") == "b a"


def test_empty():
    assert reverse_words("") == ""
""")

case("c32_median", "return", """
def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    if n % 2 == 1:
        return s[mid]
    return (s[mid - 1] + s[mid]) / 2
""", [("return (s[mid - 1] + s[mid]) / 2", "return s[mid]")], """
import pytest
from buggy import median


@pytest.mark.parametrize("xs,m", [
    ([3, 1, 2], 2),
    ([5], 5),
    ([1, 2, 3, 4], 2.5),
    ([4, 1], 2.5),
    ([1, 1, 3, 3], 2),
])
def test_median(xs, m):
    assert median(xs) == m
""")

# ---------------------------------------------------------------- hang
case("c33_binary_search", "hang", """
def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid
        if a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
""", [("lo = mid + 1", "lo = mid")], """
import pytest
from buggy import binary_search

A = [1, 3, 5, 7, 9, 11]


@pytest.mark.parametrize("i", range(6))
def test_found(i):
    assert binary_search(A, A[i]) == i


@pytest.mark.parametrize("t", [0, 4, 12])
def test_missing(t):
    assert binary_search(A, t) == -1


def test_empty():
    assert binary_search([], 1) == -1
""")

case("c34_insertion_sort", "hang", """
def insertion_sort(items):
    a = list(items)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
""", [("""            a[j + 1] = a[j]
            j -= 1
""", """            a[j + 1] = a[j]
""")], """
import pytest
from buggy import insertion_sort


@pytest.mark.parametrize("xs", [[], [1], [1, 2, 3], [2, 1], [4, 2, 5, 1, 3], [2, 2, 1]])
def test_sorts(xs):
    assert insertion_sort(xs) == sorted(xs)


def test_does_not_mutate():
    xs = [2, 1]
    insertion_sort(xs)
    assert xs == [2, 1]
""")

case("c35_count_digits", "hang", """
def count_digits(n):
    n = abs(n)
    if n == 0:
        return 1
    count = 0
    while n > 0:
        count += 1
        n //= 10
    return count
""", [("n //= 10", "n // 10")], """
import pytest
from buggy import count_digits


@pytest.mark.parametrize("n,d", [(0, 1), (7, 1), (10, 2), (999, 3), (12345, 5), (-42, 2)])
def test_count_digits(n, d):
    assert count_digits(n) == d
""")

case("c36_collatz", "hang", """
def collatz_steps(n):
    if n < 1:
        raise ValueError("n must be positive")
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
""", [("n = 3 * n + 1", "n = 3 * n - 1")], """
import pytest
from buggy import collatz_steps


@pytest.mark.parametrize("n,s", [(1, 0), (2, 1), (8, 3), (3, 7), (6, 8), (7, 16), (27, 111)])
def test_steps(n, s):
    assert collatz_steps(n) == s


def test_bad():
    with pytest.raises(ValueError):
        collatz_steps(0)
""")

case("c37_find_all", "hang", """
def find_all(s, sub):
    if not sub:
        raise ValueError("empty pattern")
    out = []
    start = 0
    while True:
        i = s.find(sub, start)
        if i == -1:
            break
        out.append(i)
        start = i + 1
    return out
""", [("start = i + 1", "start = i")], """
import pytest
from buggy import find_all


def test_none():
    assert find_all("abc", "x") == []


def test_several():
    assert find_all("abcabc", "bc") == [1, 4]


def test_overlapping():
    assert find_all("aaaa", "aa") == [0, 1, 2]


def test_whole():
    assert find_all("abc", "abc") == [0]


def test_empty_pattern():
    with pytest.raises(ValueError):
        find_all("abc", "")
""")

# ---------------------------------------------------------------- multi
case("c38_fizzbuzz", "multi", """
def fizzbuzz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out
""", [("range(1, n + 1)", "range(1, n)"), ('out.append("Buzz")', 'out.append("Fizz")')], """
from buggy import fizzbuzz


def test_length():
    assert len(fizzbuzz(20)) == 20


def test_first_five():
    assert fizzbuzz(5) == ["1", "2", "Fizz", "4", "Buzz"]


def test_fifteen():
    assert fizzbuzz(15)[-1] == "FizzBuzz"
    assert fizzbuzz(15)[9] == "Buzz"


def test_zero():
    assert fizzbuzz(0) == []
""")

case("c39_rotate_right", "multi", """
def rotate_right(lst, k):
    n = len(lst)
    if n == 0:
        return []
    k = k % n
    return lst[n - k:] + lst[:n - k]
""", [("""    k = k % n
""", ""), ("lst[:n - k]", "lst[:k]")], """
import pytest
from buggy import rotate_right


@pytest.mark.parametrize("k,out", [
    (0, [1, 2, 3, 4, 5]),
    (1, [5, 1, 2, 3, 4]),
    (2, [4, 5, 1, 2, 3]),
    (5, [1, 2, 3, 4, 5]),
    (7, [4, 5, 1, 2, 3]),
    (12, [4, 5, 1, 2, 3]),
])
def test_rotate(k, out):
    assert rotate_right([1, 2, 3, 4, 5], k) == out


def test_empty():
    assert rotate_right([], 3) == []
""")

case("c40_top_words", "multi", """
def top_words(text, k):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,!?;:")
        if word:
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, _ in ranked[:k]]
""", [("text.lower().split()", "text.split()"), ("(-kv[1], kv[0])", "(kv[1], kv[0])")], """
from buggy import top_words


def test_most_common_first():
    assert top_words("b a b c b a", 2) == ["b", "a"]


def test_case_insensitive():
    assert top_words("The cat and the dog. THE end", 1) == ["the"]


def test_ties_alphabetical():
    assert top_words("z y x", 3) == ["x", "y", "z"]


def test_punctuation():
    assert top_words("hi! hi, there.", 2) == ["hi", "there"]


def test_empty():
    assert top_words("", 3) == []
""")

case("c41_matmul", "multi", """
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    if any(len(row) != m for row in a):
        raise ValueError("shape mismatch")
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            for k in range(m):
                out[i][j] += a[i][k] * b[k][j]
    return out
""", [("out[i][j] += a[i][k] * b[k][j]", "out[i][j] = a[i][k] * b[k][j]"), ("[[0] * p for", "[[0] * n for")], """
import pytest
from buggy import matmul


def test_identity():
    assert matmul([[1, 0], [0, 1]], [[5, 6], [7, 8]]) == [[5, 6], [7, 8]]


def test_square():
    assert matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]) == [[19, 22], [43, 50]]


def test_rectangular():
    assert matmul([[1, 2, 3]], [[1], [2], [3]]) == [[14]]
    assert matmul([[1], [2]], [[3, 4]]) == [[3, 4], [6, 8]]
    assert matmul([[1, 2]], [[1, 2, 3], [4, 5, 6]]) == [[9, 12, 15]]
    assert matmul([[1], [2]], [[3]]) == [[3], [6]]


def test_mismatch():
    with pytest.raises(ValueError):
        matmul([[1, 2]], [[1, 2]])
""")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_cases.py OUTDIR")
    out = sys.argv[1]
    for name, kind, fixed, bugs, tests in CASES:
        buggy = fixed
        for old, new in bugs:
            assert buggy.count(old) == 1, (name, old)
            buggy = buggy.replace(old, new)
        assert buggy != fixed, name
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for fn, text in [("fixed.py", fixed), ("buggy.py", buggy), ("test_buggy.py", tests), ("kind.txt", kind + "\n")]:
            with open(os.path.join(d, fn), "w") as f:
                f.write(text)
    print(len(CASES), "cases written")


if __name__ == "__main__":
    main()
