"""Set e: one-bug functions f01..f28, one-bug modules or classes f29..f34 and two-bug cases w01..w06, registered by
gen_cases.py (see `case` there).

Written by a helper session that did not read Kelp's source (src/) or tests nor run Kelp, as an unseen set: bugs
from the PySStuBs / ManySStuBs / BugsInPy taxonomies and common Python pitfalls, no more than two bugs of one kind
over the set's 46 bugs. Tests in several styles: pytest files, `@pytest.mark.parametrize`, `unittest.TestCase`
classes, plain asserts (verify "concat"), a `check(candidate)` function (verify "check") and two pytest files that
run the module's docstring examples with `doctest.testmod`.
"""


def register(case):
    # ---------------------------------------------------------------- f01..f28: one bug in one mid-size function

    case("f01_semver_release_order", "swapped operands (bool(pre_a) - bool(pre_b))", 1, "semver.py", '''\
def _split(version):
    version = version.split("+", 1)[0]
    core, _, pre = version.partition("-")
    numbers = tuple(int(part) for part in core.split("."))
    return numbers, pre.split(".") if pre else []


def compare_versions(a, b):
    """Compare two versions 'MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]' by Semantic Versioning 2.0 precedence:
    -1 if a sorts first, 1 if b does, 0 if they are equal. Build metadata is ignored. A pre-release sorts
    before its release (1.0.0-rc.1 < 1.0.0). Pre-release identifiers are compared left to right: numerically
    when both are digits, as ASCII text otherwise, a numeric identifier before a textual one; when all shared
    identifiers are equal, the shorter list sorts first."""
    (core_a, pre_a), (core_b, pre_b) = _split(a), _split(b)
    if core_a != core_b:
        return -1 if core_a < core_b else 1
    if not pre_a or not pre_b:
        return bool(pre_b) - bool(pre_a)
    for x, y in zip(pre_a, pre_b):
        if x == y:
            continue
        if x.isdigit() and y.isdigit():
            return -1 if int(x) < int(y) else 1
        if x.isdigit() or y.isdigit():
            return -1 if x.isdigit() else 1
        return -1 if x < y else 1
    return (len(pre_a) > len(pre_b)) - (len(pre_a) < len(pre_b))
''', [("return bool(pre_b) - bool(pre_a)", "return bool(pre_a) - bool(pre_b)")], tests='''\
import pytest

from semver import compare_versions

ORDER = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
         "1.0.0", "1.9.0", "1.10.0"]


@pytest.mark.parametrize("lower, higher", list(zip(ORDER, ORDER[1:])))
def test_consecutive_order(lower, higher):
    assert compare_versions(lower, higher) == -1
    assert compare_versions(higher, lower) == 1


@pytest.mark.parametrize("a, b", [
    ("1.0.0+build.5", "1.0.0"),
    ("2.1.3-rc.1+exp.sha", "2.1.3-rc.1"),
])
def test_equal(a, b):
    assert compare_versions(a, b) == 0


def test_sorting_with_the_comparator():
    from functools import cmp_to_key
    shuffled = ["1.0.0", "1.0.0-rc.1", "0.9.9", "1.0.0-alpha"]
    assert sorted(shuffled, key=cmp_to_key(compare_versions)) == ["0.9.9", "1.0.0-alpha", "1.0.0-rc.1", "1.0.0"]
''', tests_name="test_semver.py")

    case("f02_iso_duration_units", "wrong variable (TIME_UNITS for units) in the unit check", 1, "isoduration.py", '''\
DATE_UNITS = {"W": 604800, "D": 86400}
TIME_UNITS = {"H": 3600, "M": 60, "S": 1}


def duration_seconds(text):
    """Seconds in an ISO 8601 duration such as 'P3DT4H5M6.5S', 'PT90M' or 'P2W': weeks and days before the
    'T', hours, minutes and seconds after it. Years and months are not supported, so 'P1M' is an error (an
    'M' means minutes only after the 'T'). A number may have a decimal fraction. ValueError for anything
    malformed."""
    if not text.startswith("P") or text in ("P", "PT") or text.endswith("T"):
        raise ValueError(f"bad duration: {text!r}")
    units, number, total = DATE_UNITS, "", 0.0
    for ch in text[1:]:
        if ch == "T" and units is DATE_UNITS and not number:
            units = TIME_UNITS
        elif ch.isdigit() or (ch == "." and "." not in number):
            number += ch
        elif ch in units and number:
            total += float(number) * units[ch]
            number = ""
        else:
            raise ValueError(f"bad duration: {text!r}")
    if number:
        raise ValueError(f"bad duration: {text!r}")
    return total
''', [("elif ch in units and number:", "elif ch in TIME_UNITS and number:")], tests='''\
import unittest

from isoduration import duration_seconds


class DurationSecondsTest(unittest.TestCase):
    def test_time_part(self):
        self.assertEqual(duration_seconds("PT1H30M"), 5400)
        self.assertEqual(duration_seconds("PT45S"), 45)

    def test_date_part(self):
        self.assertEqual(duration_seconds("P2D"), 172800)
        self.assertEqual(duration_seconds("P1W"), 604800)

    def test_date_and_time(self):
        self.assertEqual(duration_seconds("P1DT2H3M4S"), 93784)

    def test_fractions(self):
        self.assertAlmostEqual(duration_seconds("PT1.5M"), 90.0)
        self.assertAlmostEqual(duration_seconds("PT0.25S"), 0.25)

    def test_malformed(self):
        for bad in ["", "P", "PT", "1D", "P1M", "PT1D", "P1DT", "PT5", "P1.2.3D", "PTT1H", "P1H"]:
            with self.assertRaises(ValueError, msg=bad):
                duration_seconds(bad)


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_isoduration.py")

    case("f03_query_encode_safe", 'missing argument (quote without safe="")', 1, "query.py", '''\
from urllib.parse import quote


def build_query(params):
    """Encode a dict as a URL query string: keys in sorted order; a list or tuple value repeats its key once
    per item; None values are left out; True and False become 'true' and 'false'; keys and values are
    percent-encoded with no character left 'safe' (so '/' becomes '%2F' and a space '%20')."""
    parts = []
    for key in sorted(params):
        value = params[key]
        if value is None:
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, bool):
                item = "true" if item else "false"
            parts.append(quote(str(key), safe="") + "=" + quote(str(item), safe=""))
    return "&".join(parts)
''', [('quote(str(item), safe="")', "quote(str(item))")], tests='''\
from query import build_query


def test_sorted_and_spaces():
    assert build_query({"q": "a b", "page": 2}) == "page=2&q=a%20b"


def test_slashes_are_encoded():
    assert build_query({"path": "/usr/local"}) == "path=%2Fusr%2Flocal"
    assert build_query({"a/b": "c"}) == "a%2Fb=c"


def test_url_as_value():
    assert build_query({"next": "https://x.org/?a=1"}) == "next=https%3A%2F%2Fx.org%2F%3Fa%3D1"


def test_lists_none_and_booleans():
    assert build_query({"tag": ["x", "y"], "none": None, "debug": True, "v": False}) == \\
        "debug=true&tag=x&tag=y&v=false"


def test_empty():
    assert build_query({}) == ""
    assert build_query({"only": None}) == ""
''', tests_name="test_query.py")

    case("f04_running_stats_floordiv", "// for / in the running mean", 1, "runstats.py", '''\
import math
from dataclasses import dataclass


@dataclass
class RunningStats:
    """Count, mean, sample variance and standard deviation of a stream of numbers, updated one value at a
    time (Welford's algorithm). With fewer than two values the variance is 0.0."""
    count: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def push(self, x):
        self.count += 1
        delta = x - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (x - self.mean)

    def variance(self):
        if self.count < 2:
            return 0.0
        return self.m2 / (self.count - 1)

    def stdev(self):
        return math.sqrt(self.variance())
''', [("self.mean += delta / self.count", "self.mean += delta // self.count")], tests='''\
import math

import pytest

from runstats import RunningStats


def stats_of(values):
    s = RunningStats()
    for x in values:
        s.push(x)
    return s


def test_classic_sample():
    s = stats_of([2, 4, 4, 4, 5, 5, 7, 9])
    assert s.count == 8
    assert s.mean == pytest.approx(5.0)
    assert s.variance() == pytest.approx(32 / 7)
    assert s.stdev() == pytest.approx(math.sqrt(32 / 7))


def test_fractional_mean():
    s = stats_of([1, 2])
    assert s.mean == pytest.approx(1.5)
    assert s.variance() == pytest.approx(0.5)


def test_floats():
    s = stats_of([0.1, 0.2, 0.3])
    assert s.mean == pytest.approx(0.2)
    assert s.variance() == pytest.approx(0.01)


def test_fewer_than_two():
    assert stats_of([]).variance() == 0.0
    one = stats_of([3])
    assert (one.mean, one.variance()) == (3, 0.0)
''', tests_name="test_runstats.py")

    case("f05_allocate_truediv", "/ for // (a share's whole cents)", 1, "allocate.py", '''\
def allocate(total_cents, weights):
    """Split an amount of cents in proportion to integer weights (non-negative, positive sum) so that the
    parts add up exactly to the total: each part gets the whole cents of its share, and the cents left over
    go one each to the parts with the largest remainders (ties to the earlier part)."""
    if not weights or sum(weights) <= 0 or min(weights) < 0:
        raise ValueError("weights must be non-negative with a positive sum")
    whole = sum(weights)
    parts, remainders = [], []
    for w in weights:
        share = total_cents * w
        parts.append(share // whole)
        remainders.append(share % whole)
    left = total_cents - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: remainders[i], reverse=True)
    for i in order[:left]:
        parts[i] += 1
    return parts
''', [("parts.append(share // whole)", "parts.append(share / whole)")], tests='''\
import pytest

from allocate import allocate


@pytest.mark.parametrize("total, weights, expected", [
    (100, [1, 1, 1], [34, 33, 33]),
    (10, [1, 2, 3], [2, 3, 5]),
    (1000, [50, 30, 20], [500, 300, 200]),
    (7, [1, 1], [4, 3]),
    (5, [0, 1], [0, 5]),
    (1, [1, 1, 1], [1, 0, 0]),
    (101, [3, 7], [30, 71]),
])
def test_allocate(total, weights, expected):
    parts = allocate(total, weights)
    assert parts == expected
    assert all(isinstance(p, int) for p in parts)


@pytest.mark.parametrize("weights", [[], [0, 0], [2, -1]])
def test_bad_weights(weights):
    with pytest.raises(ValueError):
        allocate(10, weights)
''', tests_name="test_allocate.py")

    case("f06_histogram_last_edge", "wrong comparison (v >= hi for v > hi) drops values equal to hi", 1,
         "histogram.py", '''\
def histogram(values, lo, hi, bins):
    """Counts of values in `bins` equal-width bins over [lo, hi]: bin i holds lo + i*w <= v < lo + (i+1)*w,
    except that the last bin also holds v == hi. Values outside [lo, hi] are ignored. ValueError unless
    bins >= 1 and hi > lo."""
    if bins < 1 or hi <= lo:
        raise ValueError("need bins >= 1 and hi > lo")
    counts = [0] * bins
    width = (hi - lo) / bins
    for v in values:
        if v < lo or v > hi:
            continue
        index = int((v - lo) / width)
        counts[min(index, bins - 1)] += 1
    return counts
''', [("if v < lo or v > hi:", "if v < lo or v >= hi:")], tests='''\
import pytest

from histogram import histogram


def test_inclusive_top_edge():
    assert histogram(range(11), 0, 10, 5) == [2, 2, 2, 2, 3]


def test_outside_values_ignored():
    assert histogram([-1, 0, 10, 11], 0, 10, 2) == [1, 1]


def test_floats():
    assert histogram([0.5, 0.5, 1.5, 2.0], 0, 2, 2) == [2, 2]


def test_single_bin_and_empty():
    assert histogram([3, 4, 5], 3, 5, 1) == [3]
    assert histogram([], 0, 1, 3) == [0, 0, 0]


def test_bad_arguments():
    with pytest.raises(ValueError):
        histogram([1], 0, 10, 0)
    with pytest.raises(ValueError):
        histogram([1], 5, 5, 2)
''', tests_name="test_histogram.py")

    case("f07_ewma_initial", "wrong initial accumulator (0 for None, the 'no value yet' marker)", 1, "ewma.py", '''\
def ewma(values, alpha):
    """Exponentially weighted moving average, as a generator: the first output is the first value, then each
    output is alpha * value + (1 - alpha) * previous output. ValueError unless 0 < alpha <= 1."""
    if not 0 < alpha <= 1:
        raise ValueError("alpha must be in (0, 1]")
    average = None
    for value in values:
        if average is None:
            average = value
        else:
            average = alpha * value + (1 - alpha) * average
        yield average
''', [("    average = None\n", "    average = 0\n")], tests='''\
assert list(ewma([10, 20, 30], 0.5)) == [10, 15.0, 22.5]
assert list(ewma([4, 8], 1)) == [4, 8]
assert list(ewma([], 0.3)) == []
assert [round(x, 6) for x in ewma([1, 0, 0], 0.25)] == [1, 0.75, 0.5625]
assert next(ewma(iter([7, 1]), 0.1)) == 7
for bad_alpha in (0, -0.5, 1.5):
    try:
        list(ewma([1], bad_alpha))
    except ValueError:
        pass
    else:
        raise AssertionError(f"alpha {bad_alpha} accepted")
''', verify="concat")

    case("f08_unique_by_marker", "wrong variable (seen.add(item) for seen.add(marker))", 1, "uniq.py", '''\
def unique_by(items, key=None):
    """The items in first-seen order without later duplicates. With `key`, two items are duplicates when
    their keys are equal, and the first one is kept; the items themselves need not be hashable then."""
    seen = set()
    result = []
    for item in items:
        marker = item if key is None else key(item)
        if marker in seen:
            continue
        seen.add(marker)
        result.append(item)
    return result
''', [("seen.add(marker)", "seen.add(item)")], tests='''\
from uniq import unique_by


def test_plain():
    assert unique_by([3, 1, 3, 2, 1]) == [3, 1, 2]
    assert unique_by("mississippi") == ["m", "i", "s", "p"]


def test_case_insensitive_key():
    assert unique_by(["Apple", "apple", "Banana", "APPLE"], key=str.lower) == ["Apple", "Banana"]


def test_unhashable_items_with_key():
    rows = [{"id": 1, "v": "a"}, {"id": 2}, {"id": 1, "v": "b"}]
    assert unique_by(rows, key=lambda r: r["id"]) == [{"id": 1, "v": "a"}, {"id": 2}]


def test_pairs_as_sets():
    assert unique_by([(1, 2), (2, 1), (1, 3)], key=frozenset) == [(1, 2), (1, 3)]


def test_empty():
    assert unique_by([]) == []
''', tests_name="test_uniq.py")

    case("f09_kmerge_first_key", "wrong index (lst[-1] for lst[0]) seeding the heap; doctest-only tests", 1,
         "kmerge.py", '''\
import heapq


def merge_sorted(lists, key=None):
    """Merge lists that are each already sorted (by key) into one sorted list. Stable: among equal keys the
    items of an earlier list come first, and the items of one list keep their order.

    >>> merge_sorted([[1, 4, 9], [2, 3, 10], []])
    [1, 2, 3, 4, 9, 10]
    >>> merge_sorted([])
    []
    >>> merge_sorted([[5], [1, 2, 3]])
    [1, 2, 3, 5]
    >>> merge_sorted([["b", "dd"], ["a", "ccc"]], key=len)
    ['b', 'a', 'dd', 'ccc']
    >>> merge_sorted([[(1, 'x'), (2, 'y')], [(1, 'z')]], key=lambda p: p[0])
    [(1, 'x'), (1, 'z'), (2, 'y')]
    >>> merge_sorted([[0, 0], [0]])
    [0, 0, 0]
    """
    if key is None:
        key = lambda x: x  # noqa: E731
    heap = []
    for i, lst in enumerate(lists):
        if lst:
            heap.append((key(lst[0]), i, 0))
    heapq.heapify(heap)
    merged = []
    while heap:
        _, i, j = heapq.heappop(heap)
        merged.append(lists[i][j])
        if j + 1 < len(lists[i]):
            heapq.heappush(heap, (key(lists[i][j + 1]), i, j + 1))
    return merged
''', [("heap.append((key(lst[0]), i, 0))", "heap.append((key(lst[-1]), i, 0))")], tests='''\
import doctest

import kmerge


def test_docstring_examples():
    result = doctest.testmod(kmerge)
    assert result.attempted == 6
    assert result.failed == 0
''', tests_name="test_kmerge.py")

    case("f10_schedule_heap_order", "swapped tuple fields ((worker, end) for (end, worker)) pushed on the heap", 1,
         "schedule.py", '''\
import heapq


def assign_jobs(durations, workers):
    """Greedy schedule: jobs are taken longest first (ties: lower job index first) and each goes to the
    worker that is free earliest (ties: lowest worker number). Returns (makespan, assignment) where
    assignment[i] is the worker given job i. ValueError when there are no workers."""
    if workers < 1:
        raise ValueError("need at least one worker")
    free = [(0, w) for w in range(workers)]
    heapq.heapify(free)
    assignment = [None] * len(durations)
    makespan = 0
    for job in sorted(range(len(durations)), key=lambda i: (-durations[i], i)):
        start, worker = heapq.heappop(free)
        end = start + durations[job]
        assignment[job] = worker
        makespan = max(makespan, end)
        heapq.heappush(free, (end, worker))
    return makespan, assignment
''', [("heapq.heappush(free, (end, worker))", "heapq.heappush(free, (worker, end))")], tests='''\
import unittest

from schedule import assign_jobs


class AssignJobsTest(unittest.TestCase):
    def test_two_workers(self):
        self.assertEqual(assign_jobs([3, 3, 2, 2, 2], 2), (7, [0, 1, 0, 1, 0]))

    def test_one_long_job(self):
        self.assertEqual(assign_jobs([5, 1, 1, 1, 1, 1], 2), (5, [0, 1, 1, 1, 1, 1]))

    def test_more_workers_than_jobs(self):
        self.assertEqual(assign_jobs([2, 7, 4], 3), (7, [2, 0, 1]))

    def test_single_worker(self):
        self.assertEqual(assign_jobs([1, 2, 3], 1), (6, [0, 0, 0]))

    def test_no_jobs(self):
        self.assertEqual(assign_jobs([], 3), (0, []))

    def test_no_workers(self):
        with self.assertRaises(ValueError):
            assign_jobs([1], 0)


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_schedule.py")

    case("f11_grades_bisect_left", "wrong function (bisect_left for bisect_right) at a breakpoint", 1,
         "grades.py", '''\
import bisect


def grade_distribution(scores, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    """Letter grade of each score and how many of each letter there are, as (letters, counts); counts has
    every letter of `grades`, in that order, even when zero. A score equal to a breakpoint gets the higher
    grade: 59.9 is an 'F', 60 a 'D', 89.5 a 'B', 90 an 'A'. ValueError for a score outside 0..100."""
    if len(grades) != len(breakpoints) + 1:
        raise ValueError("need one more grade than breakpoints")
    letters = []
    counts = dict.fromkeys(grades, 0)
    for score in scores:
        if not 0 <= score <= 100:
            raise ValueError(f"score out of range: {score}")
        letter = grades[bisect.bisect_right(breakpoints, score)]
        letters.append(letter)
        counts[letter] += 1
    return letters, counts
''', [("bisect.bisect_right(breakpoints, score)", "bisect.bisect_left(breakpoints, score)")], tests='''\
import pytest

from grades import grade_distribution


@pytest.mark.parametrize("score, letter", [
    (59.9, "F"), (60, "D"), (70, "C"), (89.5, "B"), (90, "A"), (100, "A"),
])
def test_letter(score, letter):
    assert grade_distribution([score])[0] == [letter]


def test_counts_in_order_with_zeros():
    letters, counts = grade_distribution([95, 72, 72, 50])
    assert letters == ["A", "C", "C", "F"]
    assert list(counts.items()) == [("F", 1), ("D", 0), ("C", 2), ("B", 0), ("A", 1)]


def test_custom_scale():
    assert grade_distribution([49, 50], breakpoints=(50,), grades="NY")[0] == ["N", "Y"]


@pytest.mark.parametrize("bad", [-1, 100.5])
def test_out_of_range(bad):
    with pytest.raises(ValueError):
        grade_distribution([bad])
''', tests_name="test_grades.py")

    case("f12_add_months_length", "off-by-one index (DAYS[month] for DAYS[month - 1]); doctest-only tests", 1,
         "monthmath.py", '''\
DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def add_months(date, months):
    """The date (year, month, day) moved by a number of months (negative to go back); the day is clamped to
    the length of the target month.

    >>> add_months((2024, 1, 31), 1)
    (2024, 2, 29)
    >>> add_months((2023, 1, 31), 1)
    (2023, 2, 28)
    >>> add_months((2023, 11, 15), 3)
    (2024, 2, 15)
    >>> add_months((2024, 3, 31), -1)
    (2024, 2, 29)
    >>> add_months((2024, 1, 10), -1)
    (2023, 12, 10)
    >>> add_months((2024, 5, 31), 1)
    (2024, 6, 30)
    >>> add_months((2000, 2, 29), 12)
    (2001, 2, 28)
    >>> add_months((2023, 12, 31), 0)
    (2023, 12, 31)
    """
    year, month, day = date
    index = year * 12 + (month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    length = 29 if month == 2 and is_leap(year) else DAYS[month - 1]
    return (year, month, min(day, length))
''', [("else DAYS[month - 1]", "else DAYS[month]")], tests='''\
import doctest

import monthmath


def test_docstring_examples():
    result = doctest.testmod(monthmath)
    assert result.attempted == 8
    assert result.failed == 0
''', tests_name="test_monthmath.py")

    case("f13_shell_split_escape", "wrong comparison (== for !=): backslash escapes only inside single quotes", 1,
         "shellwords.py", r'''def shell_split(line):
    """Split a command line into words like a POSIX shell (a subset): words are separated by unquoted
    whitespace; inside single quotes every character is literal; elsewhere (unquoted or inside double
    quotes) a backslash makes the next character literal; quoted parts join the word around them
    (a'b'"c" is 'abc'); '' or "" alone makes an empty word. ValueError for an unterminated quote or a
    trailing backslash."""
    words, current, quote, in_word = [], [], None, False
    chars = iter(line)
    for ch in chars:
        if ch == "\\" and quote != "'":
            ch = next(chars, None)
            if ch is None:
                raise ValueError("trailing backslash")
            current.append(ch)
            in_word = True
        elif quote:
            if ch == quote:
                quote = None
            else:
                current.append(ch)
        elif ch in "'\"":
            quote, in_word = ch, True
        elif ch.isspace():
            if in_word:
                words.append("".join(current))
                current, in_word = [], False
        else:
            current.append(ch)
            in_word = True
    if quote:
        raise ValueError("unterminated quote")
    if in_word:
        words.append("".join(current))
    return words
''', [("""quote != "'":""", """quote == "'":""")], tests=r'''import pytest

from shellwords import shell_split


@pytest.mark.parametrize("line, words", [
    ("  ls  -la /tmp ", ["ls", "-la", "/tmp"]),
    ("echo 'hello world'", ["echo", "hello world"]),
    ('say "a \\"q\\" b"', ["say", 'a "q" b']),
    ("a\\ b c", ["a b", "c"]),
    ("'a\\b'", ["a\\b"]),
    ("""a'b'"c" d""", ["abc", "d"]),
    ("x '' y", ["x", "", "y"]),
    ("", []),
])
def test_split(line, words):
    assert shell_split(line) == words


@pytest.mark.parametrize("line", ["'abc", 'say "hi', "oops\\"])
def test_errors(line):
    with pytest.raises(ValueError):
        shell_split(line)
''', tests_name="test_shellwords.py")

    case("f14_partitions_or", "wrong boolean operator (and for or) in the recursion's base case", 1,
         "partitions.py", '''\
from functools import lru_cache


def count_partitions(n, largest=None):
    """Number of ways to write n >= 0 as a sum of positive integers none larger than `largest` (default n),
    ignoring order: count_partitions(5) == 7 and count_partitions(5, 2) == 3 (2+2+1, 2+1+1+1, 1+1+1+1+1).
    count_partitions(0) == 1 (the empty sum)."""
    if largest is None:
        largest = n

    @lru_cache(maxsize=None)
    def ways(total, cap):
        if total == 0:
            return 1
        if total < 0 or cap == 0:
            return 0
        return ways(total - cap, cap) + ways(total, cap - 1)

    return ways(n, min(largest, n))
''', [("if total < 0 or cap == 0:", "if total < 0 and cap == 0:")], tests='''\
assert count_partitions(5) == 7
assert count_partitions(5, 2) == 3
assert count_partitions(6, 3) == 7
assert count_partitions(4, 10) == 5
assert count_partitions(1) == 1
assert count_partitions(0) == 1
assert count_partitions(10) == 42
assert count_partitions(60) == 966467
''', verify="concat")

    case("f15_justify_single_word", "missing continue after a one-word line (division by zero gaps)", 1,
         "justify.py", '''\
def justify(words, width):
    """Full justification: pack words greedily into lines of at most `width` characters; every line but the
    last is padded to exactly `width` by widening its gaps, the leftmost gaps getting one space more when
    they cannot all be equal; a line holding one word, and the last line, are left-aligned and padded
    with trailing spaces."""
    lines, current, length = [], [], 0
    for word in words:
        if current and length + len(current) + len(word) > width:
            lines.append(current)
            current, length = [], 0
        current.append(word)
        length += len(word)
    result = []
    for line in lines:
        gaps = len(line) - 1
        if gaps == 0:
            result.append(line[0].ljust(width))
            continue
        spaces, extra = divmod(width - sum(map(len, line)), gaps)
        text = ""
        for i, word in enumerate(line[:-1]):
            text += word + " " * (spaces + (1 if i < extra else 0))
        result.append(text + line[-1])
    if current:
        result.append(" ".join(current).ljust(width))
    return result
''', [("            result.append(line[0].ljust(width))\n            continue\n",
       "            result.append(line[0].ljust(width))\n")], tests='''\
from justify import justify


def test_example():
    words = "This is an example of text justification.".split()
    assert justify(words, 16) == ["This    is    an", "example  of text", "justification.  "]


def test_long_word_alone_on_a_line():
    words = ["What", "must", "be", "acknowledgment", "shall", "be"]
    assert justify(words, 16) == ["What   must   be", "acknowledgment  ", "shall be        "]


def test_uneven_gaps_go_left():
    words = ["Science", "is", "what", "we", "understand", "well", "enough", "to", "explain", "to", "a",
             "computer.", "Art", "is", "everything", "else", "we", "do"]
    assert justify(words, 20) == [
        "Science  is  what we", "understand      well", "enough to explain to", "a  computer.  Art is",
        "everything  else  we", "do                  "]


def test_small():
    assert justify(["a"], 3) == ["a  "]
    assert justify([], 5) == []
    assert justify(["ab", "cd", "ef"], 5) == ["ab cd", "ef   "]
''', tests_name="test_justify.py")

    case("f16_logfmt_quote_slice", "off-by-one slice (value[1:] for value[1:-1]) keeps the closing quote", 1,
         "logfmt.py", r'''import re

PAIR = re.compile(r'\s*([A-Za-z_][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|[^\s"]*))?(?=\s|$)')


def parse_logfmt(line):
    """Parse a logfmt line such as 'level=info msg="disk full" retry=3 dry' into a dict: key=value pairs
    separated by spaces; a value may be double-quoted to hold spaces (\" inside the quotes is a quote);
    a bare key means True and 'key=' gives ''. A later key overwrites an earlier one. ValueError for
    anything else."""
    result = {}
    line = line.rstrip()
    pos = 0
    while pos < len(line):
        m = PAIR.match(line, pos)
        if not m:
            raise ValueError(f"bad logfmt at {pos}: {line!r}")
        key, value = m.group(1), m.group(2)
        if value is None:
            result[key] = True
        elif value.startswith('"'):
            result[key] = value[1:-1].replace('\\"', '"')
        else:
            result[key] = value
        pos = m.end()
    return result
''', [("result[key] = value[1:-1].replace(", "result[key] = value[1:].replace(")], tests=r'''import pytest

from logfmt import parse_logfmt


def test_basic():
    assert parse_logfmt('level=info msg="disk full" retry=3') == {"level": "info", "msg": "disk full",
                                                                  "retry": "3"}


def test_bare_and_empty():
    assert parse_logfmt("dry verbose=") == {"dry": True, "verbose": ""}
    assert parse_logfmt('empty=""') == {"empty": ""}


def test_escaped_quotes():
    assert parse_logfmt(r'msg="say \"hi\"" n=1') == {"msg": 'say "hi"', "n": "1"}


def test_overwrite_and_blank():
    assert parse_logfmt("a=1 a=2") == {"a": "2"}
    assert parse_logfmt("   ") == {}


@pytest.mark.parametrize("bad", ['a="open', "=x", 'a="x"y', 'a=b"c'])
def test_malformed(bad):
    with pytest.raises(ValueError):
        parse_logfmt(bad)
''', tests_name="test_logfmt.py")

    case("f17_accept_language_q", "wrong dict.get default ('0' for '1': a tag without q is dropped)", 1,
         "acceptlang.py", '''\
def parse_accept_language(header):
    """Language tags of an Accept-Language header, best first: 'da, en-gb;q=0.8, en;q=0.7' ->
    ['da', 'en-gb', 'en']. A tag without a q parameter has q=1; tags with q=0 are left out; tags with
    equal q keep their order in the header; tags are lower-cased; a malformed q counts as 0."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, *params = [p.strip() for p in part.split(";")]
        if not tag:
            continue
        options = dict(p.split("=", 1) for p in params if "=" in p)
        try:
            q = float(options.get("q", "1"))
        except ValueError:
            q = 0.0
        if q > 0:
            ranked.append((-q, position, tag.lower()))
    return [tag for _, _, tag in sorted(ranked)]
''', [('options.get("q", "1")', 'options.get("q", "0")')], tests='''\
from acceptlang import parse_accept_language


def test_rfc_example():
    assert parse_accept_language("da, en-gb;q=0.8, en;q=0.7") == ["da", "en-gb", "en"]


def test_wildcard_and_case():
    header = "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"
    assert parse_accept_language(header) == ["fr-ch", "fr", "en", "de", "*"]


def test_reordered_by_q():
    assert parse_accept_language("en;q=0.5, de") == ["de", "en"]


def test_zero_and_malformed_q():
    assert parse_accept_language("en;q=0, de;q=0.1") == ["de"]
    assert parse_accept_language("en;q=abc, fr") == ["fr"]


def test_ties_keep_order():
    assert parse_accept_language("a;q=0.5, b;q=0.5, c") == ["c", "a", "b"]


def test_empty():
    assert parse_accept_language("") == []
''', tests_name="test_acceptlang.py")

    case("f18_roman_range", "off-by-one range (range(len(text)) for range(len(text) - 1))", 1, "roman.py", '''\
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def from_roman(text):
    """Value of a Roman numeral, case-insensitive: a symbol smaller than the one after it is subtracted
    (IV = 4, XC = 90), any other is added. ValueError for an empty string or a character that is not a
    Roman numeral."""
    text = text.upper()
    if not text or any(ch not in VALUES for ch in text):
        raise ValueError(f"not a Roman numeral: {text!r}")
    total = 0
    for i in range(len(text) - 1):
        value = VALUES[text[i]]
        if value < VALUES[text[i + 1]]:
            total -= value
        else:
            total += value
    return total + VALUES[text[-1]]
''', [("for i in range(len(text) - 1):", "for i in range(len(text)):")], tests='''\
def check(candidate):
    assert candidate("III") == 3
    assert candidate("iv") == 4
    assert candidate("IX") == 9
    assert candidate("LVIII") == 58
    assert candidate("MCMXCIV") == 1994
    assert candidate("MMXXIV") == 2024
    assert candidate("X") == 10
    for bad in ["", "ABC", "12"]:
        try:
            candidate(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"accepted {bad!r}")
''', verify="check", entry="from_roman")

    case("f19_vigenere_key_advance", "misplaced statement (key index advanced for every character, not only "
         "letters)", 1, "vigenere.py", '''\
def vigenere(text, key, decrypt=False):
    """Vigenere cipher: each ASCII letter of text is shifted by the next letter of the key (a=0 ... z=25,
    case-insensitive), keeping its case; other characters are copied unchanged and do not use up a key
    letter; non-letters in the key are ignored. decrypt=True shifts back. ValueError for a key without
    letters."""
    shifts = [ord(c) - ord("a") for c in key.lower() if "a" <= c <= "z"]
    if not shifts:
        raise ValueError("the key needs letters")
    out = []
    k = 0
    for ch in text:
        if ch.isascii() and ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            shift = shifts[k % len(shifts)]
            if decrypt:
                shift = -shift
            out.append(chr(base + (ord(ch) - base + shift) % 26))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
''', [("            k += 1\n        else:\n            out.append(ch)\n",
       "        else:\n            out.append(ch)\n        k += 1\n")], tests='''\
import unittest

from vigenere import vigenere


class VigenereTest(unittest.TestCase):
    def test_classic(self):
        self.assertEqual(vigenere("ATTACKATDAWN", "LEMON"), "LXFOPVEFRNHR")

    def test_spaces_and_punctuation_keep_the_key(self):
        self.assertEqual(vigenere("Attack at dawn!", "lemon"), "Lxfopv ef rnhr!")

    def test_round_trip(self):
        secret = vigenere("Meet me at 10:30, OK?", "k3y!")
        self.assertEqual(vigenere(secret, "k3y!", decrypt=True), "Meet me at 10:30, OK?")

    def test_wraps_around(self):
        self.assertEqual(vigenere("xyz", "c"), "zab")
        self.assertEqual(vigenere("a b", "bc"), "b d")

    def test_key_without_letters(self):
        with self.assertRaises(ValueError):
            vigenere("abc", "123")


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_vigenere.py")

    case("f20_summarize_ranges_branches", "the condition guards the wrong branch (if/else bodies swapped)", 1,
         "ranges.py", '''\
from itertools import groupby


def summarize_ranges(numbers):
    """Compact description of a collection of integers: sorted, duplicates dropped, each run of three or
    more consecutive numbers written 'first-last', shorter runs listed number by number, all joined by
    commas: [1, 2, 3, 5, 7, 8] -> '1-3,5,7,8'. Negative numbers work too: [-3, -2, -1] -> '-3--1'."""
    values = sorted(set(numbers))
    parts = []
    for _, run in groupby(enumerate(values), key=lambda pair: pair[1] - pair[0]):
        run = [value for _, value in run]
        if len(run) >= 3:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(str(value) for value in run)
    return ",".join(parts)
''', [('            parts.append(f"{run[0]}-{run[-1]}")\n        else:\n'
       '            parts.extend(str(value) for value in run)\n',
       '            parts.extend(str(value) for value in run)\n        else:\n'
       '            parts.append(f"{run[0]}-{run[-1]}")\n')], tests='''\
import pytest

from ranges import summarize_ranges


@pytest.mark.parametrize("numbers, text", [
    ([1, 2, 3, 5, 7, 8], "1-3,5,7,8"),
    ([], ""),
    ([4], "4"),
    ([3, 1, 2, 2], "1-3"),
    ([-3, -2, -1, 1], "-3--1,1"),
    ([1, 2, 4, 5, 6, 10, 11, 12, 13], "1,2,4-6,10-13"),
    ({9, 8}, "8,9"),
])
def test_summarize(numbers, text):
    assert summarize_ranges(numbers) == text
''', tests_name="test_ranges.py")

    case("f21_format_number_decimals", "wrong literal (hard-coded .2f for the decimals parameter)", 1,
         "numfmt.py", '''\
def format_number(value, decimals=2, sep=","):
    """value with a thousands separator and exactly `decimals` decimals (no decimal point when decimals is
    0) and a leading '-' when negative, unless it prints as zero: 1234567.891 -> '1,234,567.89',
    -1000 -> '-1,000.00', -0.001 -> '0.00'."""
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sep.join(groups)
    if frac:
        result += "." + frac
    if value < 0 and float(text) != 0:
        result = "-" + result
    return result
''', [('text = f"{abs(value):.{decimals}f}"', 'text = f"{abs(value):.2f}"')], tests='''\
from numfmt import format_number


def test_defaults():
    assert format_number(1234567.891) == "1,234,567.89"
    assert format_number(-1000) == "-1,000.00"
    assert format_number(0) == "0.00"


def test_rounding_carries_into_a_group():
    assert format_number(999.999) == "1,000.00"


def test_negative_zero():
    assert format_number(-0.001) == "0.00"


def test_decimals_and_separator():
    assert format_number(12, decimals=0) == "12"
    assert format_number(100000, 0) == "100,000"
    assert format_number(1234.5, decimals=1, sep=" ") == "1 234.5"
    assert format_number(-9876543.21, decimals=3, sep=".") == "-9.876.543.210"
''', tests_name="test_numfmt.py")

    case("f22_order_add_attribute", "wrong attribute (item.unit_cents for item.quantity) when a SKU is added again",
         1, "order.py", '''\
from dataclasses import dataclass, field


@dataclass
class LineItem:
    sku: str
    unit_cents: int
    quantity: int = 1


@dataclass
class Order:
    """A shopping order: add() merges a SKU that is already there by raising its quantity; total_cents() is
    the sum of unit price x quantity, minus coupon_percent % of it (rounded half up to a cent), plus 499
    for shipping when that is below 5000 (free from 5000 on; an empty order costs 0)."""
    items: list = field(default_factory=list)
    coupon_percent: int = 0

    def add(self, sku, unit_cents, quantity=1):
        for item in self.items:
            if item.sku == sku:
                item.quantity += quantity
                return
        self.items.append(LineItem(sku, unit_cents, quantity))

    def total_cents(self):
        subtotal = sum(item.unit_cents * item.quantity for item in self.items)
        total = subtotal - (subtotal * self.coupon_percent + 50) // 100
        if 0 < total < 5000:
            total += 499
        return total
''', [("item.quantity += quantity", "item.unit_cents += quantity")], tests='''\
from order import LineItem, Order


def test_two_skus_with_shipping():
    o = Order()
    o.add("A", 1000, 2)
    o.add("B", 250)
    assert o.total_cents() == 2749


def test_same_sku_is_merged():
    o = Order()
    o.add("A", 1000, 2)
    o.add("B", 250)
    o.add("A", 1000)
    assert o.items == [LineItem("A", 1000, 3), LineItem("B", 250, 1)]
    assert o.total_cents() == 3749


def test_coupon_rounds_half_up_and_free_shipping():
    o = Order(coupon_percent=10)
    o.add("X", 3333, 3)
    assert o.total_cents() == 8999


def test_shipping_threshold():
    o = Order()
    o.add("X", 4999)
    assert o.total_cents() == 5498
    o.add("Y", 1)
    assert o.total_cents() == 5000


def test_empty():
    assert Order().total_cents() == 0
''', tests_name="test_order.py")

    case("f23_uptime_sorted_discarded", "sorted(times) whose result is dropped, for times.sort()", 1, "uptime.py", '''\
from itertools import pairwise


def uptime_report(heartbeats, max_gap, window):
    """Outages and uptime of a service from heartbeat timestamps (seconds; unsorted, maybe repeated) within
    window = (start, end): the outages are the (from, to) pairs of consecutive heartbeats more than max_gap
    apart, the window's ends counting as heartbeats and heartbeats outside it ignored; the uptime is
    1 - total outage time / window length. The caller's list is left alone. ValueError for an empty window."""
    start, end = window
    if end <= start:
        raise ValueError("empty window")
    times = [t for t in heartbeats if start <= t <= end]
    times.sort()
    times = [start] + times + [end]
    outages = []
    for a, b in pairwise(times):
        if b - a > max_gap:
            outages.append((a, b))
    down = sum(b - a for a, b in outages)
    return outages, 1 - down / (end - start)
''', [("    times.sort()\n", "    sorted(times)\n")], tests='''\
import pytest

from uptime import uptime_report


def test_no_outage():
    assert uptime_report([0, 10, 20, 30, 40, 50, 60], 15, (0, 60)) == ([], 1.0)


def test_unsorted_with_duplicates():
    assert uptime_report([50, 10, 0, 20, 60, 10], 15, (0, 60)) == ([(20, 50)], 0.5)


def test_outside_window_ignored():
    outages, up = uptime_report([-5, 95, 5, 200], 10, (0, 100))
    assert outages == [(5, 95)]
    assert up == pytest.approx(0.1)


def test_silent_service():
    assert uptime_report([], 10, (0, 100)) == ([(0, 100)], 0.0)


def test_input_untouched_and_bad_window():
    beats = [3, 1, 2]
    uptime_report(beats, 5, (0, 4))
    assert beats == [3, 1, 2]
    with pytest.raises(ValueError):
        uptime_report(beats, 5, (5, 5))
''', tests_name="test_uptime.py")

    case("f24_token_bucket_cap", "wrong builtin (max for min) when refilling", 1, "ratelimit.py", '''\
class TokenBucket:
    """Rate limiter: holds at most `capacity` tokens and gains `rate` tokens per second of the caller's
    clock; it starts full. allow(now, cost) takes `cost` tokens and returns True when there are enough,
    otherwise takes nothing and returns False. A clock going backwards adds nothing."""

    def __init__(self, capacity, rate, now=0.0):
        self.capacity = capacity
        self.rate = rate
        self.tokens = float(capacity)
        self.updated = now

    def allow(self, now, cost=1):
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = max(self.updated, now)
        if cost <= self.tokens:
            self.tokens -= cost
            return True
        return False
''', [("self.tokens = min(self.capacity,", "self.tokens = max(self.capacity,")], tests='''\
import unittest

from ratelimit import TokenBucket


class TokenBucketTest(unittest.TestCase):
    def test_burst_then_refill(self):
        bucket = TokenBucket(3, 1)
        self.assertEqual([bucket.allow(0) for _ in range(4)], [True, True, True, False])
        self.assertFalse(bucket.allow(0.5))
        self.assertTrue(bucket.allow(1.0))
        self.assertFalse(bucket.allow(1.0))

    def test_never_more_than_capacity(self):
        bucket = TokenBucket(2, 1)
        self.assertEqual([bucket.allow(100) for _ in range(3)], [True, True, False])

    def test_cost(self):
        bucket = TokenBucket(5, 2)
        self.assertTrue(bucket.allow(0, cost=5))
        self.assertFalse(bucket.allow(1, cost=3))
        self.assertTrue(bucket.allow(1.5, cost=3))

    def test_clock_going_backwards(self):
        bucket = TokenBucket(1, 1, now=10)
        self.assertTrue(bucket.allow(10))
        self.assertFalse(bucket.allow(5))
        self.assertTrue(bucket.allow(11))


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_ratelimit.py")

    case("f25_parse_size_match", "wrong method (match for fullmatch) accepts trailing junk", 1, "sizes.py", r'''import re

SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*", re.IGNORECASE)
DECIMAL = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}


def parse_size(text):
    """Bytes in a size such as '512', '10 KB', '1.5GiB' or '2tb' (case-insensitive): k, M, G and T are
    powers of 1000, or of 1024 with an 'i' (KiB, MiB, ...); a bare number is bytes; the result is rounded to
    whole bytes. ValueError for anything else."""
    m = SIZE.fullmatch(text)
    if not m:
        raise ValueError(f"bad size: {text!r}")
    number, prefix, binary = m.groups()
    prefix = prefix.lower()
    if binary and not prefix:
        raise ValueError(f"bad size: {text!r}")
    if binary:
        factor = 1024 ** ("kmgt".index(prefix) + 1)
    else:
        factor = DECIMAL[prefix]
    return round(float(number) * factor)
''', [("m = SIZE.fullmatch(text)", "m = SIZE.match(text)")], tests='''\
import pytest

from sizes import parse_size


@pytest.mark.parametrize("text, size", [
    ("512", 512),
    ("10 KB", 10_000),
    ("1 KiB", 1024),
    ("1.5GiB", 1_610_612_736),
    ("2tb", 2 * 10**12),
    (" 0.5 k ", 500),
])
def test_sizes(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["KB", "1.2.3", "10 XB", "5 iB", "12 KBs"])
def test_bad_sizes(text):
    with pytest.raises(ValueError):
        parse_size(text)
''', tests_name="test_sizes.py")

    case("f26_key_path_early_return", "wrong return: the first child's result returned even when it is None", 1,
         "keypath.py", '''\
def find_key_path(data, target, path=()):
    """Path (a tuple of dict keys and list indexes) to the first occurrence of the dict key `target` in nested
    dicts and lists, searched depth-first in order, a dict's own keys before its children; None when the
    key is nowhere."""
    if isinstance(data, dict):
        if target in data:
            return path + (target,)
        children = data.items()
    elif isinstance(data, list):
        children = enumerate(data)
    else:
        return None
    for key, value in children:
        found = find_key_path(value, target, path + (key,))
        if found is not None:
            return found
    return None
''', [("        found = find_key_path(value, target, path + (key,))\n        if found is not None:\n"
       "            return found\n",
       "        return find_key_path(value, target, path + (key,))\n")], tests='''\
from keypath import find_key_path


def test_nested():
    data = {"a": 1, "b": {"c": [10, {"target": 5}]}, "d": {"target": 6}}
    assert find_key_path(data, "target") == ("b", "c", 1, "target")


def test_own_keys_first():
    assert find_key_path({"x": {"y": 1}, "y": 0}, "y") == ("y",)
    assert find_key_path({"x": {"y": 1}}, "y") == ("x", "y")


def test_later_list_item():
    assert find_key_path([{"a": 1}, {"b": 2}], "b") == (1, "b")


def test_later_sibling():
    assert find_key_path({"a": {}, "b": {"k": None}}, "k") == ("b", "k")


def test_absent():
    assert find_key_path({"a": [1, 2]}, "z") is None
    assert find_key_path("text", "a") is None
''', tests_name="test_keypath.py")

    case("f27_page_ranges_mutable_default", "mutable default argument (pages=set())", 1, "pages.py", '''\
def parse_page_ranges(spec, pages=None):
    """Pages selected by a print-dialog spec such as '1-3, 7, 10-8': comma-separated page numbers and
    inclusive ranges (a range may run backwards), numbered from 1; returns them sorted, without duplicates.
    Given a set `pages`, the selected pages are also added to it. ValueError for anything malformed or a
    page below 1."""
    if pages is None:
        pages = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        try:
            lo, hi = int(first), int(last if sep else first)
        except ValueError:
            raise ValueError(f"bad range: {part!r}") from None
        if lo < 1 or hi < 1:
            raise ValueError(f"pages start at 1: {part!r}")
        pages.update(range(min(lo, hi), max(lo, hi) + 1))
    return sorted(pages)
''', [("def parse_page_ranges(spec, pages=None):", "def parse_page_ranges(spec, pages=set()):")], tests='''\
assert parse_page_ranges("1-3, 7") == [1, 2, 3, 7]
assert parse_page_ranges("10-8,9") == [8, 9, 10]
assert parse_page_ranges("5") == [5]
assert parse_page_ranges("") == []
assert parse_page_ranges(" 2 , ,2") == [2]
chosen = {100}
assert parse_page_ranges("1", chosen) == [1, 100]
assert chosen == {1, 100}
for bad in ["0", "a-b", "1-", "3--4", "-2"]:
    try:
        parse_page_ranges(bad)
    except ValueError:
        pass
    else:
        raise AssertionError(f"accepted {bad!r}")
''', verify="concat")

    case("f28_resolve_index_error", "wrong exception caught (KeyError for LookupError: an IndexError escapes)", 1,
         "dotted.py", '''\
def resolve(obj, path, default=None):
    """Follow a dotted path through nested dicts, lists and tuples (a part indexes them as an int, negative
    ones too) and object attributes: resolve(config, 'servers.0.host'). Returns `default` as soon as a step
    is missing: an absent key, an index out of range or not a number, an absent attribute."""
    for part in path.split("."):
        try:
            if isinstance(obj, (list, tuple)):
                obj = obj[int(part)]
            elif isinstance(obj, dict):
                obj = obj[part]
            else:
                obj = getattr(obj, part)
        except (LookupError, ValueError, AttributeError):
            return default
    return obj
''', [("except (LookupError, ValueError, AttributeError):", "except (KeyError, ValueError, AttributeError):")],
         tests='''\
import unittest
from types import SimpleNamespace

from dotted import resolve

CONFIG = {
    "servers": [{"host": "a", "port": 1}, {"host": "b"}],
    "owner": SimpleNamespace(name="ann", tags=("x", "y")),
}


class ResolveTest(unittest.TestCase):
    def test_found(self):
        self.assertEqual(resolve(CONFIG, "servers.1.host"), "b")
        self.assertEqual(resolve(CONFIG, "servers.-1.host"), "b")
        self.assertEqual(resolve(CONFIG, "owner.tags.1"), "y")
        self.assertEqual(resolve([1, [2, 3]], "1.0"), 2)

    def test_missing_key_or_attribute(self):
        self.assertEqual(resolve(CONFIG, "servers.1.port", 80), 80)
        self.assertIsNone(resolve(CONFIG, "owner.email"))

    def test_bad_index(self):
        self.assertEqual(resolve(CONFIG, "servers.9.host", "none"), "none")
        self.assertEqual(resolve(CONFIG, "owner.tags.5", "?"), "?")
        self.assertIsNone(resolve(CONFIG, "servers.first"))


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_dotted.py")

    # ---------------------------------------------------------------- f29..f34: one bug in a module or a class

    case("f29_prices_missing_return", "missing return in the helper apply_discount (seen through checkout)", 1,
         "prices.py", '''\
def parse_price(text):
    """'$1,234.5', '1234.50', '-$3', ' 0.05 ' -> cents as an int. ValueError for more than two decimals or
    anything that is not a price."""
    text = text.strip()
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    text = text.removeprefix("$").replace(",", "")
    whole, _, frac = text.partition(".")
    if not whole.isdigit() or len(frac) > 2 or (frac and not frac.isdigit()):
        raise ValueError(f"bad price: {text!r}")
    cents = int(whole) * 100 + int(frac.ljust(2, "0"))
    return -cents if negative else cents


def format_cents(cents):
    """1234567 -> '$12,345.67', -5 -> '-$0.05'."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    return f"{sign}${dollars:,}.{rest:02d}"


def apply_discount(cents, percent):
    """cents less percent % of it, the discount rounded half up to a whole cent. ValueError unless
    0 <= percent <= 100."""
    if not 0 <= percent <= 100:
        raise ValueError(f"bad percentage: {percent}")
    if percent == 0:
        return cents
    return cents - (cents * percent + 50) // 100


def checkout(prices, percent=0):
    """The total of price strings after a percentage discount, formatted as dollars."""
    return format_cents(apply_discount(sum(parse_price(p) for p in prices), percent))
''', [("    return cents - (cents * percent + 50) // 100\n", "    cents - (cents * percent + 50) // 100\n")],
         tests='''\
import pytest

from prices import apply_discount, checkout, format_cents, parse_price


def test_parse_price():
    assert parse_price("$1,234.5") == 123450
    assert parse_price("12.34") == 1234
    assert parse_price("-$3") == -300
    assert parse_price(" 0.05 ") == 5


@pytest.mark.parametrize("bad", ["1.234", "$", "abc", "1.2x", "--1"])
def test_parse_price_errors(bad):
    with pytest.raises(ValueError):
        parse_price(bad)


def test_format_cents():
    assert format_cents(1234567) == "$12,345.67"
    assert format_cents(-5) == "-$0.05"
    assert format_cents(0) == "$0.00"


def test_apply_discount():
    assert apply_discount(1999, 15) == 1699
    assert apply_discount(1000, 0) == 1000
    assert apply_discount(1000, 100) == 0
    with pytest.raises(ValueError):
        apply_discount(1000, 101)


def test_checkout():
    assert checkout(["$10.5", "4.25"], 10) == "$13.27"
    assert checkout(["$1,000", "-$1"]) == "$999.00"
''', tests_name="test_prices.py")

    case("f30_account_wrong_exception", "wrong exception raised (ValueError for InsufficientFunds) in withdraw", 1,
         "account.py", '''\
class InsufficientFunds(Exception):
    """Raised when a withdrawal or transfer exceeds the balance."""


class Account:
    """A bank account in cents with a history of (kind, amount) entries. Amounts must be positive ints
    (ValueError otherwise); taking out more than the balance raises InsufficientFunds and changes nothing."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.opening = balance
        self.balance = balance
        self.history = []

    def _check(self, amount):
        if not isinstance(amount, int) or amount <= 0:
            raise ValueError(f"bad amount: {amount!r}")

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance} is below {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
        self.history[-1] = ("transfer out", amount)
        other.history[-1] = ("transfer in", amount)

    def statement(self):
        """One line 'kind: amount -> balance' per history entry, with the running balance."""
        balance = self.opening
        lines = []
        for kind, amount in self.history:
            balance += amount if kind in ("deposit", "transfer in") else -amount
            lines.append(f"{kind}: {amount} -> {balance}")
        return lines
''', [("raise InsufficientFunds(f\"{self.owner}", "raise ValueError(f\"{self.owner}")], tests='''\
import pytest

from account import Account, InsufficientFunds


def test_deposit_withdraw_transfer():
    ann, bob = Account("ann", 100), Account("bob")
    ann.deposit(50)
    ann.withdraw(30)
    ann.transfer(bob, 20)
    assert (ann.balance, bob.balance) == (100, 20)
    assert ann.statement() == ["deposit: 50 -> 150", "withdraw: 30 -> 120", "transfer out: 20 -> 100"]
    assert bob.statement() == ["transfer in: 20 -> 20"]


def test_overdraw_changes_nothing():
    ann = Account("ann", 100)
    with pytest.raises(InsufficientFunds):
        ann.withdraw(101)
    assert ann.balance == 100 and ann.history == []


def test_failed_transfer_changes_nothing():
    ann, bob = Account("ann", 10), Account("bob", 5)
    with pytest.raises(InsufficientFunds):
        bob.transfer(ann, 6)
    assert (ann.balance, bob.balance) == (10, 5)
    assert ann.history == bob.history == []


def test_whole_balance_can_go():
    ann = Account("ann", 10)
    ann.withdraw(10)
    assert ann.balance == 0


@pytest.mark.parametrize("amount", [0, -5, 1.5, "3"])
def test_bad_amounts(amount):
    with pytest.raises(ValueError):
        Account("ann", 100).deposit(amount)
''', tests_name="test_account.py")

    case("f31_toc_fence_not", "missing `not` in headings(): only lines inside code fences are read", 1,
         "mdtoc.py", r'''import re

HEADING = re.compile(r"(#{1,6})\s+(.+?)\s*$")


def heading_anchor(title, used):
    """GitHub-style anchor of a heading: lower-cased, characters other than letters, digits, '_', '-' and
    spaces dropped, spaces turned into '-'; a repeated anchor gets '-1', '-2', ... (`used` maps an anchor
    to how many times it was given and is updated)."""
    anchor = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
    count = used.get(anchor, 0)
    used[anchor] = count + 1
    return anchor if count == 0 else f"{anchor}-{count}"


def headings(markdown):
    """(level, title) of each ATX heading ('#' to '######', then whitespace, then the title), leaving out
    lines inside fenced code blocks (between lines starting with ```)."""
    found = []
    in_fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence:
            m = HEADING.match(line)
            if m:
                found.append((len(m.group(1)), m.group(2)))
    return found


def table_of_contents(markdown, max_level=3):
    """A bullet list of links to the headings up to max_level, indented two spaces per level below the
    highest level present; '' when there are none."""
    items = [(level, title) for level, title in headings(markdown) if level <= max_level]
    if not items:
        return ""
    top = min(level for level, _ in items)
    used = {}
    return "\n".join(f"{'  ' * (level - top)}- [{title}](#{heading_anchor(title, used)})"
                     for level, title in items)
''', [("        if not in_fence:\n", "        if in_fence:\n")], tests='''\
from mdtoc import heading_anchor, headings, table_of_contents

DOC = """# Project

Intro text.

## Install

```sh
# not a heading
pip install project
```

## Usage
### Options
#### Deep detail
## Usage
"""


def test_anchor():
    assert heading_anchor("Hello, World!", {}) == "hello-world"
    assert heading_anchor("API & SDK", {}) == "api--sdk"
    used = {}
    assert [heading_anchor("Usage", used) for _ in range(3)] == ["usage", "usage-1", "usage-2"]


def test_headings_skip_fences():
    assert headings(DOC) == [(1, "Project"), (2, "Install"), (2, "Usage"), (3, "Options"), (4, "Deep detail"),
                             (2, "Usage")]


def test_not_headings():
    assert headings("#NoSpace\\n####### seven\\n# ok") == [(1, "ok")]


def test_toc():
    assert table_of_contents(DOC) == "\\n".join([
        "- [Project](#project)",
        "  - [Install](#install)",
        "  - [Usage](#usage)",
        "    - [Options](#options)",
        "  - [Usage](#usage-1)",
    ])


def test_toc_top_level_below_one():
    assert table_of_contents("## A\\n### B\\ntext") == "- [A](#a)\\n  - [B](#b)"
    assert table_of_contents("no headings") == ""
''', tests_name="test_mdtoc.py")

    case("f32_trie_size_indent", "misplaced statement (size counted before the duplicate check) in Trie.add", 1,
         "trie.py", '''\
END = ""


class Trie:
    """A set of words stored as a prefix tree."""

    def __init__(self, words=()):
        self.root = {}
        self.size = 0
        for word in words:
            self.add(word)

    def __len__(self):
        return self.size

    def add(self, word):
        """Add a word; False (and nothing changes) when it was there already."""
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        if END in node:
            return False
        node[END] = True
        self.size += 1
        return True

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def __contains__(self, word):
        node = self._find(word)
        return node is not None and END in node

    def with_prefix(self, prefix):
        """All words that start with prefix, in alphabetical order."""
        node = self._find(prefix)
        if node is None:
            return []
        words = []
        stack = [(node, prefix)]
        while stack:
            current, text = stack.pop()
            if END in current:
                words.append(text)
            for ch in sorted((k for k in current if k != END), reverse=True):
                stack.append((current[ch], text + ch))
        return words
''', [("        if END in node:\n            return False\n        node[END] = True\n        self.size += 1\n",
       "        self.size += 1\n        if END in node:\n            return False\n        node[END] = True\n")],
         tests='''\
from trie import Trie


def make():
    return Trie(["car", "cart", "cat", "dog"])


def test_membership():
    t = make()
    assert "car" in t and "cart" in t
    assert "ca" not in t and "cars" not in t and "" not in t


def test_len_ignores_duplicates():
    t = make()
    assert len(t) == 4
    assert t.add("car") is False
    assert len(t) == 4
    assert len(Trie(["a", "a", "b"])) == 2


def test_with_prefix():
    t = make()
    assert t.with_prefix("ca") == ["car", "cart", "cat"]
    assert t.with_prefix("") == ["car", "cart", "cat", "dog"]
    assert t.with_prefix("x") == []


def test_empty_word():
    t = make()
    assert t.add("") is True
    assert "" in t and len(t) == 5
''', tests_name="test_trie.py")

    case("f33_free_slots_break", "missing break for a meeting that starts after the working day", 1,
         "freeslots.py", '''\
def to_minutes(hhmm):
    """'09:30' -> 570. ValueError unless 'H:MM' or 'HH:MM' with hours 0-23 and minutes 0-59."""
    hours, sep, minutes = hhmm.partition(":")
    if not sep or not (hours.isdigit() and minutes.isdigit()) or len(hours) > 2 or len(minutes) != 2:
        raise ValueError(f"bad time: {hhmm!r}")
    h, m = int(hours), int(minutes)
    if h > 23 or m > 59:
        raise ValueError(f"bad time: {hhmm!r}")
    return h * 60 + m


def to_hhmm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def free_slots(busy, day=("09:00", "17:00"), min_length=30):
    """Free periods of at least min_length minutes within the working day, as ('HH:MM', 'HH:MM') pairs, given
    busy periods as such pairs (unsorted, maybe overlapping, maybe partly or wholly outside the day)."""
    day_start, day_end = map(to_minutes, day)
    periods = sorted((to_minutes(a), to_minutes(b)) for a, b in busy)
    slots = []
    cursor = day_start
    for start, end in periods:
        if start >= day_end:
            break
        if start - cursor >= min_length:
            slots.append((to_hhmm(cursor), to_hhmm(start)))
        cursor = max(cursor, end)
    if day_end - cursor >= min_length:
        slots.append((to_hhmm(cursor), to_hhmm(day_end)))
    return slots
''', [("        if start >= day_end:\n            break\n", "")], tests='''\
import pytest

from freeslots import free_slots, to_minutes


def test_to_minutes():
    assert to_minutes("09:30") == 570
    assert to_minutes("9:05") == 545
    for bad in ["9:5", "24:00", "ab:cd", "0900", "12:60"]:
        with pytest.raises(ValueError):
            to_minutes(bad)


def test_gaps_between_meetings():
    busy = [("12:00", "13:00"), ("09:00", "09:45"), ("16:45", "18:00"), ("13:00", "13:20")]
    assert free_slots(busy) == [("09:45", "12:00"), ("13:20", "16:45")]


def test_meeting_after_hours_is_ignored():
    assert free_slots([("09:00", "16:00"), ("17:30", "18:00")]) == [("16:00", "17:00")]
    assert free_slots([("18:00", "19:00")], day=("08:00", "12:00")) == [("08:00", "12:00")]


def test_overlaps_and_early_meetings():
    busy = [("07:00", "08:00"), ("10:00", "12:00"), ("11:00", "11:30")]
    assert free_slots(busy) == [("09:00", "10:00"), ("12:00", "17:00")]


def test_min_length():
    assert free_slots([("09:29", "16:30")]) == [("16:30", "17:00")]
    assert free_slots([("09:20", "16:30")], min_length=45) == []
''', tests_name="test_freeslots.py")

    case("f34_units_inverse", "wrong expression (factor for 1 / factor) for the inverse rule in build_graph", 1,
         "units.py", '''\
from collections import deque


def build_graph(rules):
    """Conversion graph from rules such as '1 km = 1000 m' or '1 in = 2.54 cm': {unit: {other: factor}} where
    1 unit = factor other; each rule also gives the inverse conversion."""
    graph = {}
    for rule in rules:
        left, right = rule.split("=")
        amount_a, unit_a = left.split()
        amount_b, unit_b = right.split()
        factor = float(amount_b) / float(amount_a)
        graph.setdefault(unit_a, {})[unit_b] = factor
        graph.setdefault(unit_b, {})[unit_a] = 1 / factor
    return graph


def convert(value, source, target, graph):
    """value in unit `source` expressed in unit `target`, chaining conversions (breadth-first, so through
    as few rules as possible). ValueError when there is no chain."""
    if source == target:
        return value
    queue = deque([(source, 1.0)])
    seen = {source}
    while queue:
        unit, factor = queue.popleft()
        for other, step in graph.get(unit, {}).items():
            if other in seen:
                continue
            if other == target:
                return value * factor * step
            seen.add(other)
            queue.append((other, factor * step))
    raise ValueError(f"cannot convert {source} to {target}")
''', [("graph.setdefault(unit_b, {})[unit_a] = 1 / factor", "graph.setdefault(unit_b, {})[unit_a] = factor")],
         tests='''\
import unittest

from units import build_graph, convert

RULES = ["1 km = 1000 m", "1 m = 100 cm", "1 in = 2.54 cm", "1 ft = 12 in", "1 mi = 5280 ft"]


class UnitsTest(unittest.TestCase):
    def setUp(self):
        self.graph = build_graph(RULES)

    def test_build_graph(self):
        self.assertEqual(build_graph(["2 a = 3 b"]), {"a": {"b": 1.5}, "b": {"a": 2 / 3}})

    def test_direct(self):
        self.assertEqual(convert(2, "km", "m", self.graph), 2000)
        self.assertAlmostEqual(convert(250, "cm", "m", self.graph), 2.5)

    def test_chains(self):
        self.assertAlmostEqual(convert(1, "ft", "cm", self.graph), 30.48)
        self.assertAlmostEqual(convert(1, "mi", "km", self.graph), 1.609344)
        self.assertAlmostEqual(convert(100, "cm", "in", self.graph), 39.37007874, places=6)

    def test_same_unit(self):
        self.assertEqual(convert(5, "m", "m", self.graph), 5)

    def test_no_chain(self):
        with self.assertRaises(ValueError):
            convert(1, "kg", "m", self.graph)
        with self.assertRaises(ValueError):
            convert(1, "m", "kg", self.graph)


if __name__ == "__main__":
    unittest.main()
''', tests_name="test_units.py")

    # ---------------------------------------------------------------- w01..w06: two bugs of different kinds

    case("w01_markdown_table", "2 bugs: rstrip for strip (cells); off-by-one slice (lines[1:] for lines[2:])", 2,
         "mdtable.py", '''\
def parse_table(text):
    """Rows of a Markdown pipe table as dicts keyed by the header cells: the first non-blank line is the
    header, the second the |---|:--:| separator (skipped); leading and trailing pipes are optional; cells are
    stripped of surrounding spaces; a row with fewer cells is padded with ''. Blank lines are ignored.
    ValueError without a header and a separator line."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise ValueError("need a header and a separator line")

    def cells(line):
        line = line.strip()
        if line.startswith("|"):
            line = line[1:]
        if line.endswith("|"):
            line = line[:-1]
        return [cell.strip() for cell in line.split("|")]

    header = cells(lines[0])
    rows = []
    for line in lines[2:]:
        values = cells(line)
        values += [""] * (len(header) - len(values))
        rows.append(dict(zip(header, values)))
    return rows
''', [("return [cell.strip() for cell", "return [cell.rstrip() for cell"),
      ("for line in lines[2:]:", "for line in lines[1:]:")], tests='''\
import pytest

from mdtable import parse_table

TABLE = """
| Name  | Qty | Note |
|-------|----:|------|
| apple | 3   | red  |

| pear  | 10  |
"""


def test_table():
    assert parse_table(TABLE) == [{"Name": "apple", "Qty": "3", "Note": "red"},
                                  {"Name": "pear", "Qty": "10", "Note": ""}]


def test_without_outer_pipes():
    assert parse_table("a | b\\n--|--\\n1 | 2") == [{"a": "1", "b": "2"}]


def test_empty_cell():
    assert parse_table("| a | b |\\n|---|---|\\n|   | x |") == [{"a": "", "b": "x"}]


def test_header_only():
    assert parse_table("| a |\\n|---|") == []


def test_too_short():
    with pytest.raises(ValueError):
        parse_table("| a |")
''', tests_name="test_mdtable.py")

    case("w02_sliding_max", "2 bugs: wrong index (window[0] for window[-1]); `if` for `while`", 2, "slidemax.py", '''\
from collections import deque


def sliding_max(values, k):
    """Maximum of each window of k consecutive values (len(values) - k + 1 of them; [] when there are fewer
    than k values), in O(n): the deque holds indexes of the window whose values decrease from front to
    back. ValueError when k < 1."""
    if k < 1:
        raise ValueError("k must be positive")
    window = deque()
    result = []
    for i, value in enumerate(values):
        while window and values[window[-1]] <= value:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            result.append(values[window[0]])
    return result
''', [("values[window[-1]] <= value", "values[window[0]] <= value"),
      ("while window and values", "if window and values")], tests='''\
import pytest

from slidemax import sliding_max


@pytest.mark.parametrize("values, k, expected", [
    ([1, 3, -1, -3, 5, 3, 6, 7], 3, [3, 3, 5, 5, 6, 7]),
    ([3, 1, 2], 2, [3, 2]),
    ([9, 8, 7, 6], 2, [9, 8, 7]),
    ([1, 2, 3, 4], 4, [4]),
    ([5, 4, 3, 6], 1, [5, 4, 3, 6]),
    ([2, 2, 2], 2, [2, 2]),
    ([1, 2], 3, []),
])
def test_sliding_max(values, k, expected):
    assert sliding_max(values, k) == expected


def test_bad_k():
    with pytest.raises(ValueError):
        sliding_max([1, 2], 0)
''', tests_name="test_slidemax.py")

    case("w03_anagram_groups", "2 bugs: missing `not` (word in group); missing unary minus in the sort key", 2,
         "anagrams.py", '''\
from collections import defaultdict


def anagram_groups(words, min_size=2):
    """Groups of words that are anagrams of each other, ignoring case and spaces: each group lists its words
    in input order without repeats; only groups of at least min_size words are kept; the largest group
    comes first, and groups of equal size are ordered by their first word."""
    groups = defaultdict(list)
    for word in words:
        key = "".join(sorted(word.lower().replace(" ", "")))
        if word not in groups[key]:
            groups[key].append(word)
    result = [group for group in groups.values() if len(group) >= min_size]
    result.sort(key=lambda group: (-len(group), group[0]))
    return result
''', [("if word not in groups[key]:", "if word in groups[key]:"),
      ("key=lambda group: (-len(group), group[0])", "key=lambda group: (len(group), group[0])")], tests='''\
from anagrams import anagram_groups


def test_groups_largest_first():
    words = ["listen", "silent", "google", "enlist", "gogole", "cat"]
    assert anagram_groups(words) == [["listen", "silent", "enlist"], ["google", "gogole"]]


def test_case_and_spaces():
    words = ["Dormitory", "Astronomer", "dirty room", "moon starer"]
    assert anagram_groups(words) == [["Astronomer", "moon starer"], ["Dormitory", "dirty room"]]


def test_repeats_counted_once():
    assert anagram_groups(["ab", "ba", "ab"]) == [["ab", "ba"]]
    assert anagram_groups(["ab", "ab"]) == []


def test_min_size_one():
    assert anagram_groups(["b", "a", "ab", "ba", "b"], min_size=1) == [["ab", "ba"], ["a"], ["b"]]


def test_empty():
    assert anagram_groups([]) == []
''', tests_name="test_anagrams.py")

    case("w04_timesheet", "2 bugs in 2 functions: missing maxsplit (parse_entry); wrong variable returned "
         "(busiest_day)", 2, "timesheet.py", '''\
def _minutes(hhmm):
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def parse_entry(line):
    """'2024-05-01 09:15-10:45 Write report: part 2' -> ('2024-05-01', 555, 645, 'Write report: part 2'):
    the date, the start and end in minutes after midnight, and the task (the rest of the line, which may
    hold spaces and colons). ValueError when the end is not after the start."""
    date, span, task = line.split(" ", 2)
    start, end = (_minutes(t) for t in span.split("-"))
    if end <= start:
        raise ValueError(f"end before start: {line!r}")
    return date, start, end, task.strip()


def entries(lines):
    """The parsed entries of timesheet lines, skipping blank lines and '#' comments."""
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield parse_entry(line)


def minutes_per_task(lines):
    """Total minutes per task, in order of first appearance."""
    totals = {}
    for _, start, end, task in entries(lines):
        totals[task] = totals.get(task, 0) + end - start
    return totals


def busiest_day(lines):
    """(date, minutes) of the day with the most minutes logged, the earliest such date on a tie; None when
    there are no entries."""
    per_day = {}
    for date, start, end, _ in entries(lines):
        per_day[date] = per_day.get(date, 0) + end - start
    best = None
    for date in sorted(per_day):
        if best is None or per_day[date] > per_day[best]:
            best = date
    return None if best is None else (best, per_day[best])
''', [('line.split(" ", 2)', 'line.split(" ")'),
      ("return None if best is None else (best, per_day[best])",
       "return None if best is None else (date, per_day[date])")], tests='''\
import pytest

from timesheet import busiest_day, minutes_per_task, parse_entry

SHEET = """
# week 18
2024-05-02 09:00-10:00 Code review
2024-05-01 09:15-10:45 Write report: part 2
2024-05-01 13:00-16:30 Code review

2024-05-03 08:00-09:00 Standup
""".splitlines()


def test_parse_entry():
    assert parse_entry("2024-05-01 09:15-10:45 Write report: part 2") == (
        "2024-05-01", 555, 645, "Write report: part 2")
    assert parse_entry("2024-05-01 00:00-00:01 x") == ("2024-05-01", 0, 1, "x")
    with pytest.raises(ValueError):
        parse_entry("2024-05-01 10:00-09:00 Backwards")


def test_minutes_per_task():
    assert minutes_per_task(SHEET) == {"Code review": 270, "Write report: part 2": 90, "Standup": 60}


def test_busiest_day():
    assert busiest_day(SHEET) == ("2024-05-01", 300)


def test_busiest_day_tie_and_empty():
    lines = ["2024-01-02 10:00-11:00 A", "2024-01-01 10:00-11:00 B", "2024-01-03 10:00-10:30 C"]
    assert busiest_day(lines) == ("2024-01-01", 60)
    assert busiest_day(["# nothing", ""]) is None
''', tests_name="test_timesheet.py")

    case("w05_json_pointer", "2 bugs: two calls in the wrong order (~0 unescaped before ~1); wrong exception "
         "raised (IndexError for KeyError)", 2, "jsonpointer.py", '''\
def resolve_pointer(document, pointer):
    """The value a JSON Pointer (RFC 6901) refers to: '' is the whole document; otherwise '/'-separated
    reference tokens in which '~1' stands for '/' and '~0' for '~' (so '~01' is the key '~1'). A list is
    indexed by a decimal number without leading zeros; '-', another token or an index past the end does
    not resolve. KeyError for anything that does not resolve."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        raise KeyError(f"a pointer starts with '/': {pointer!r}")
    current = document
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, list):
            if not token.isdigit() or (len(token) > 1 and token[0] == "0") or int(token) >= len(current):
                raise KeyError(f"bad index {token!r} in {pointer!r}")
            current = current[int(token)]
        elif isinstance(current, dict) and token in current:
            current = current[token]
        else:
            raise KeyError(f"no {token!r} in {pointer!r}")
    return current
''', [('token = raw.replace("~1", "/").replace("~0", "~")', 'token = raw.replace("~0", "~").replace("~1", "/")'),
      ("raise KeyError(f\"bad index", "raise IndexError(f\"bad index")], tests='''\
import pytest

from jsonpointer import resolve_pointer

DOC = {"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, " ": 7, "m~n": 8, "~1": 9,
       "deep": {"list": [{"x": [10, 11]}]}}


@pytest.mark.parametrize("pointer, value", [
    ("/foo/0", "bar"),
    ("/", 0),
    ("/a~1b", 1),
    ("/m~0n", 8),
    ("/~01", 9),
    ("/deep/list/0/x/1", 11),
])
def test_resolves(pointer, value):
    assert resolve_pointer(DOC, pointer) == value


def test_whole_document():
    assert resolve_pointer(DOC, "") is DOC


@pytest.mark.parametrize("pointer", ["foo", "/nope", "/foo/2", "/foo/-", "/foo/01", "/~1/x"])
def test_does_not_resolve(pointer):
    with pytest.raises(KeyError):
        resolve_pointer(DOC, pointer)
''', tests_name="test_jsonpointer.py")

    case("w06_deep_merge", "2 bugs: wrong boolean operator (or for and); missing copy (override's value shared)", 2,
         "merge.py", '''\
import copy


def deep_merge(base, override):
    """A new dict: base updated by override, recursively where both sides hold a dict under the same key;
    any other value in override (lists included) replaces base's; a None value in override deletes the key.
    Neither argument is changed, and the result shares no mutable value with them."""
    result = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result
''', [("isinstance(value, dict) and isinstance", "isinstance(value, dict) or isinstance"),
      ("result[key] = copy.deepcopy(value)", "result[key] = value")], tests='''\
from merge import deep_merge


def test_recursive():
    base = {"a": 1, "b": {"x": 1, "y": 2}}
    assert deep_merge(base, {"b": {"y": 3, "z": 4}, "c": 5}) == {"a": 1, "b": {"x": 1, "y": 3, "z": 4}, "c": 5}


def test_none_deletes():
    assert deep_merge({"a": 1, "b": 2}, {"a": None, "q": None}) == {"b": 2}


def test_replacing():
    assert deep_merge({"l": [1, 2]}, {"l": [3]}) == {"l": [3]}
    assert deep_merge({"a": 1}, {"a": {"x": 1}}) == {"a": {"x": 1}}
    assert deep_merge({"a": {"x": 1}}, {"a": 2}) == {"a": 2}


def test_nothing_shared():
    base = {"n": {"l": [1]}}
    override = {"m": {"k": [2]}, "t": [3]}
    merged = deep_merge(base, override)
    merged["n"]["l"].append(9)
    merged["m"]["k"].append(9)
    merged["t"].append(9)
    assert base == {"n": {"l": [1]}}
    assert override == {"m": {"k": [2]}, "t": [3]}
''', tests_name="test_merge.py")
