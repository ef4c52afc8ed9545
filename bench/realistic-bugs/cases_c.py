"""Set c: single-bug cases d01..d30 and two-bug cases u01..u10, registered by gen_cases.py (see `case` there).

Written in session 45 by a helper that did not read Kelp's edit menu (src/), as an unseen dev set: bugs from the
PySStuBs / ManySStuBs taxonomies and common Python pitfalls, no more than three bugs of one kind over the set.
"""


def register(case):
    case("d01_env_lstrip", "wrong method called (lstrip for strip)", 1, "envfile.py", '''\
def parse_env(text):
    """Parse .env-style text: KEY=value lines, optional 'export ', '#' comment lines, ' #' inline comments
    and single- or double-quoted values."""
    env = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):]
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"line {number}: expected KEY=value")
        if " #" in value:
            value = value.split(" #", 1)[0]
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\\"'":
            value = value[1:-1]
        env[key.strip()] = value
    return env
''', [("value = value.strip()", "value = value.lstrip()")], tests='''\
import pytest

from envfile import parse_env


def test_basic():
    assert parse_env("A=1\\nB = two\\n") == {"A": "1", "B": "two"}


def test_comments_blank_export():
    assert parse_env("# top\\n\\nexport HOST=localhost\\n") == {"HOST": "localhost"}


def test_inline_comment():
    assert parse_env("PORT=8080   # web port") == {"PORT": "8080"}


def test_quotes():
    text = 'GREETING="hello world"\\nSINGLE=\\'x\\'  # c'
    assert parse_env(text) == {"GREETING": "hello world", "SINGLE": "x"}


def test_bad_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_env("A=1\\nnonsense")
''', tests_name="test_envfile.py")

    case("d02_bracket_return", "wrong return value (-1 for the open bracket's index)", 1, "brackets.py", '''\
PAIRS = {")": "(", "]": "[", "}": "{"}


def first_mismatch(text):
    """Index of the first bracket that is unmatched or closes the wrong kind; -1 if all are balanced."""
    stack = []
    for i, ch in enumerate(text):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack or stack[-1][0] != PAIRS[ch]:
                return i
            stack.pop()
    if stack:
        return stack[0][1]
    return -1
''', [("return stack[0][1]", "return -1")], tests='''\
assert first_mismatch("") == -1
assert first_mismatch("f(a[1], {b: 2})") == -1
assert first_mismatch("(]") == 1
assert first_mismatch("x)") == 1
assert first_mismatch("a{[}") == 3
assert first_mismatch("((x)") == 0
assert first_mismatch("ok [()") == 3
''', verify="concat")

    case("d03_rpn_swapped", "arguments swapped in a call", 1, "rpn.py", '''\
import operator

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": lambda a, b: int(a / b)}


def eval_rpn(expr):
    """Evaluate a space-separated RPN expression of integers; '/' truncates toward zero."""
    stack = []
    for token in expr.split():
        if token in OPS:
            if len(stack) < 2:
                raise ValueError(f"not enough operands for {token}")
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[token](a, b))
        else:
            stack.append(int(token))
    if len(stack) != 1:
        raise ValueError("malformed expression")
    return stack[0]
''', [("stack.append(OPS[token](a, b))", "stack.append(OPS[token](b, a))")], tests='''\
import pytest

from rpn import eval_rpn


def test_add():
    assert eval_rpn("3 4 +") == 7


def test_nested():
    assert eval_rpn("5 1 2 + 4 * + 3 -") == 14


def test_division_truncates():
    assert eval_rpn("10 3 /") == 3
    assert eval_rpn("-7 2 /") == -3


def test_subtract_order():
    assert eval_rpn("2 3 4 * -") == -10


def test_malformed():
    with pytest.raises(ValueError):
        eval_rpn("1 +")
    with pytest.raises(ValueError):
        eval_rpn("1 2")
''', tests_name="test_rpn.py")

    case("d04_islands_bound", "wrong variable (rows for cols) in a bounds check", 1, "islands.py", '''\
from collections import deque


def count_islands(grid):
    """Number of 4-connected groups of '#' cells in a list of equal-length strings."""
    if not grid:
        return 0
    rows, cols = len(grid), len(grid[0])
    seen = set()
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] != "#" or (r, c) in seen:
                continue
            islands += 1
            seen.add((r, c))
            queue = deque([(r, c)])
            while queue:
                cr, cc = queue.popleft()
                for nr, nc in ((cr + 1, cc), (cr - 1, cc), (cr, cc + 1), (cr, cc - 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "#" and (nr, nc) not in seen:
                        seen.add((nr, nc))
                        queue.append((nr, nc))
    return islands
''', [("0 <= nc < cols", "0 <= nc < rows")], tests='''\
from islands import count_islands


def test_empty():
    assert count_islands([]) == 0


def test_diagonal_cells_are_separate():
    assert count_islands(["#..", ".#.", "..#"]) == 3


def test_wide():
    assert count_islands(["####", "...."]) == 1


def test_tall():
    assert count_islands(["#.", "#.", ".#", ".#"]) == 2


def test_two_shapes():
    assert count_islands(["##.", "#..", "..#", ".##"]) == 2
''', tests_name="test_islands.py")

    case("d05_transpose_alias", "aliased rows ([row] * n instead of a fresh list per row)", 1, "transpose.py", '''\
def transpose(matrix):
    """Transpose a list of equal-length rows; ValueError for ragged input."""
    if not matrix:
        return []
    rows, cols = len(matrix), len(matrix[0])
    if any(len(row) != cols for row in matrix):
        raise ValueError("ragged matrix")
    result = [[None] * rows for _ in range(cols)]
    for r in range(rows):
        for c in range(cols):
            result[c][r] = matrix[r][c]
    return result
''', [("result = [[None] * rows for _ in range(cols)]", "result = [[None] * rows] * cols")], tests='''\
import pytest

from transpose import transpose


def test_rectangular():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_single_row():
    assert transpose([[1, 2]]) == [[1], [2]]


def test_one_by_one():
    assert transpose([[7]]) == [[7]]


def test_empty():
    assert transpose([]) == []


def test_ragged():
    with pytest.raises(ValueError):
        transpose([[1, 2], [3]])
''', tests_name="test_transpose.py")

    case("d06_spiral_range", "off-by-one in range end (left - 1 -> left)", 1, "spiral.py", '''\
def spiral_order(matrix):
    """Elements of a rectangular matrix in clockwise spiral order, starting top-left."""
    result = []
    if not matrix:
        return result
    top, bottom = 0, len(matrix) - 1
    left, right = 0, len(matrix[0]) - 1
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            result.append(matrix[top][c])
        top += 1
        for r in range(top, bottom + 1):
            result.append(matrix[r][right])
        right -= 1
        if top <= bottom:
            for c in range(right, left - 1, -1):
                result.append(matrix[bottom][c])
            bottom -= 1
        if left <= right:
            for r in range(bottom, top - 1, -1):
                result.append(matrix[r][left])
            left += 1
    return result
''', [("for c in range(right, left - 1, -1):", "for c in range(right, left, -1):")], tests='''\
def check(candidate):
    assert candidate([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == [1, 2, 3, 6, 9, 8, 7, 4, 5]
    assert candidate([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]) == [1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7]
    assert candidate([[1, 2, 3]]) == [1, 2, 3]
    assert candidate([[1], [2], [3]]) == [1, 2, 3]
    assert candidate([]) == []
''', verify="check", entry="spiral_order")

    case("d07_insert_interval_lt", "comparison operator (< -> <=) for touching intervals", 1, "insertiv.py", '''\
def insert_interval(intervals, new):
    """intervals: sorted, non-overlapping closed [start, end] pairs. Insert `new`, merging any interval that
    overlaps or touches it; returns a new list."""
    result = []
    start, end = new
    i, n = 0, len(intervals)
    while i < n and intervals[i][1] < start:
        result.append(intervals[i])
        i += 1
    while i < n and intervals[i][0] <= end:
        start = min(start, intervals[i][0])
        end = max(end, intervals[i][1])
        i += 1
    result.append([start, end])
    result.extend(intervals[i:])
    return result
''', [("intervals[i][1] < start", "intervals[i][1] <= start")], tests='''\
from insertiv import insert_interval


def test_overlap():
    assert insert_interval([[1, 3], [6, 9]], [2, 5]) == [[1, 5], [6, 9]]


def test_spans_several():
    assert insert_interval([[1, 2], [3, 5], [6, 7], [8, 10], [12, 16]], [4, 8]) == [[1, 2], [3, 10], [12, 16]]


def test_touching_end():
    assert insert_interval([[1, 2], [5, 6]], [2, 4]) == [[1, 4], [5, 6]]


def test_before_and_after():
    assert insert_interval([[3, 4]], [0, 1]) == [[0, 1], [3, 4]]
    assert insert_interval([[1, 2]], [5, 6]) == [[1, 2], [5, 6]]


def test_empty():
    assert insert_interval([], [4, 5]) == [[4, 5]]
''', tests_name="test_insertiv.py")

    case("d08_top_words_neg", "missing unary minus in a sort key", 1, "topwords.py", '''\
import re


def top_words(text, n, stopwords=()):
    """The n most frequent words of text (lower-cased, without stopwords) as (word, count) pairs,
    most frequent first, ties in alphabetical order."""
    counts = {}
    for word in re.findall(r"[a-z']+", text.lower()):
        word = word.strip("'")
        if not word or word in stopwords:
            continue
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:n]
''', [("key=lambda kv: (-kv[1], kv[0])", "key=lambda kv: (kv[1], kv[0])")], tests='''\
from topwords import top_words


def test_most_frequent_first():
    assert top_words("the cat and the hat", 2) == [("the", 2), ("and", 1)]


def test_stopwords():
    assert top_words("The cat and the hat. The end!", 3, stopwords={"the", "and"}) == [
        ("cat", 1), ("end", 1), ("hat", 1)]


def test_apostrophes():
    assert top_words("Don't stop, don't 'quote'", 5) == [("don't", 2), ("quote", 1), ("stop", 1)]


def test_empty():
    assert top_words("", 3) == []
''', tests_name="test_topwords.py")

    case("d09_votes_get_default", "wrong dict.get default (1 for 0)", 1, "votes.py", '''\
def tally_votes(ballots):
    """Count votes by normalised name (whitespace collapsed, title-cased); blank ballots are spoiled.
    Returns (counts, spoiled)."""
    counts = {}
    spoiled = 0
    for ballot in ballots:
        name = " ".join(ballot.split()).title()
        if not name:
            spoiled += 1
            continue
        counts[name] = counts.get(name, 0) + 1
    return counts, spoiled
''', [("counts.get(name, 0)", "counts.get(name, 1)")], tests='''\
from votes import tally_votes


def test_normalised():
    assert tally_votes(["alice", "Bob", " ALICE "]) == ({"Alice": 2, "Bob": 1}, 0)


def test_spoiled():
    assert tally_votes(["", "   ", "carol"]) == ({"Carol": 1}, 2)


def test_multiword():
    assert tally_votes(["mary  ann smith", "Mary Ann Smith"]) == ({"Mary Ann Smith": 2}, 0)


def test_none():
    assert tally_votes([]) == ({}, 0)
''', tests_name="test_votes.py")

    case("d10_leap_and_or", "wrong boolean operator (or -> and) in the leap-year rule", 1, "dayofyear.py", '''\
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def day_of_year(year, month, day):
    """1-based day number within the year of a Gregorian date given as ints; ValueError if invalid."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not 1 <= month <= 12:
        raise ValueError(f"bad month {month}")
    limit = DAYS_IN_MONTH[month - 1] + (1 if month == 2 and leap else 0)
    if not 1 <= day <= limit:
        raise ValueError(f"bad day {day}")
    return sum(DAYS_IN_MONTH[:month - 1]) + day + (1 if leap and month > 2 else 0)
''', [("(year % 100 != 0 or year % 400 == 0)", "(year % 100 != 0 and year % 400 == 0)")], tests='''\
import pytest

from dayofyear import day_of_year


def test_common_year():
    assert day_of_year(2023, 1, 1) == 1
    assert day_of_year(2023, 3, 1) == 60


def test_leap_year():
    assert day_of_year(2024, 2, 29) == 60
    assert day_of_year(2024, 3, 1) == 61


def test_centuries():
    assert day_of_year(2000, 12, 31) == 366
    assert day_of_year(1900, 3, 1) == 60


def test_invalid():
    with pytest.raises(ValueError):
        day_of_year(2023, 2, 29)
    with pytest.raises(ValueError):
        day_of_year(2023, 13, 1)
''', tests_name="test_dayofyear.py")

    case("d11_mode_bitand", "wrong binary operator (& -> |) in a bit test", 1, "filemode.py", '''\
def mode_string(mode):
    """'755' -> 'rwxr-xr-x': a 3-digit octal permission string as `ls -l` shows it."""
    if len(mode) != 3:
        raise ValueError(f"expected 3 octal digits: {mode!r}")
    out = []
    for digit in mode:
        bits = int(digit, 8)
        for letter, flag in (("r", 4), ("w", 2), ("x", 1)):
            out.append(letter if bits & flag else "-")
    return "".join(out)
''', [("bits & flag", "bits | flag")], tests='''\
import pytest

from filemode import mode_string


def test_755():
    assert mode_string("755") == "rwxr-xr-x"


def test_644():
    assert mode_string("644") == "rw-r--r--"


def test_extremes():
    assert mode_string("000") == "---------"
    assert mode_string("777") == "rwxrwxrwx"


def test_invalid():
    with pytest.raises(ValueError):
        mode_string("7555")
    with pytest.raises(ValueError):
        mode_string("758")
''', tests_name="test_filemode.py")

    case("d12_prefix_index", "off-by-one index into a prefix-sum table", 1, "rangesum.py", '''\
class RangeSum:
    """Constant-time sums of xs[i..j] (inclusive) after O(n) preprocessing."""

    def __init__(self, xs):
        self.prefix = [0]
        for x in xs:
            self.prefix.append(self.prefix[-1] + x)

    def __len__(self):
        return len(self.prefix) - 1

    def sum(self, i, j):
        if not 0 <= i <= j < len(self):
            raise IndexError(f"bad range {i}..{j}")
        return self.prefix[j + 1] - self.prefix[i]

    def mean(self, i, j):
        return self.sum(i, j) / (j - i + 1)
''', [("return self.prefix[j + 1] - self.prefix[i]", "return self.prefix[j] - self.prefix[i]")], tests='''\
import pytest

from rangesum import RangeSum

XS = [3, -1, 4, 1, 5]


def test_whole():
    assert RangeSum(XS).sum(0, 4) == 12


def test_middle_and_single():
    rs = RangeSum(XS)
    assert rs.sum(1, 3) == 4
    assert rs.sum(2, 2) == 4


def test_mean_and_len():
    rs = RangeSum(XS)
    assert rs.mean(0, 1) == 1.0
    assert len(rs) == 5


def test_bad_ranges():
    rs = RangeSum(XS)
    with pytest.raises(IndexError):
        rs.sum(3, 5)
    with pytest.raises(IndexError):
        rs.sum(2, 1)
''', tests_name="test_rangesum.py")

    case("d13_palindrome_continue", "missing continue after skipping a character", 1, "palin.py", '''\
def is_clean_palindrome(s):
    """True if s reads the same both ways, looking only at letters and digits, ignoring case."""
    i, j = 0, len(s) - 1
    while i < j:
        if not s[i].isalnum():
            i += 1
            continue
        if not s[j].isalnum():
            j -= 1
            continue
        if s[i].lower() != s[j].lower():
            return False
        i += 1
        j -= 1
    return True
''', [("            i += 1\n            continue\n", "            i += 1\n")], tests='''\
from palin import is_clean_palindrome


def test_classic():
    assert is_clean_palindrome("A man, a plan, a canal: Panama")


def test_not_palindrome():
    assert not is_clean_palindrome("race a car")
    assert not is_clean_palindrome("0P")


def test_punctuation_runs():
    assert is_clean_palindrome("No 'x' in Nixon!")
    assert is_clean_palindrome("?!, a")


def test_empty():
    assert is_clean_palindrome("")
''', tests_name="test_palin.py")

    case("d14_leaf_paths_default", "mutable default argument", 1, "treepaths.py", '''\
def leaf_paths(tree, prefix="", out=None):
    """Slash-joined paths to the leaves of a nested dict (a None value or an empty dict is a leaf)."""
    if out is None:
        out = []
    for key, child in tree.items():
        path = f"{prefix}/{key}" if prefix else key
        if isinstance(child, dict) and child:
            leaf_paths(child, path, out)
        else:
            out.append(path)
    return out
''', [('out=None):\n    """Slash-joined paths to the leaves of a nested dict (a None value or an empty dict '
       'is a leaf)."""\n    if out is None:\n        out = []\n',
       'out=[]):\n    """Slash-joined paths to the leaves of a nested dict (a None value or an empty dict '
       'is a leaf)."""\n')],
         tests='''\
from treepaths import leaf_paths


def test_nested():
    tree = {"src": {"main.py": None, "util": {"io.py": None}}, "README": None}
    assert leaf_paths(tree) == ["src/main.py", "src/util/io.py", "README"]


def test_called_twice():
    assert leaf_paths({"a": None}) == ["a"]
    assert leaf_paths({"b": None}) == ["b"]


def test_empty_dir_is_leaf():
    assert leaf_paths({"docs": {}}) == ["docs"]


def test_prefix():
    assert leaf_paths({"x": None}, prefix="root") == ["root/x"]
''', tests_name="test_treepaths.py")

    case("d15_coin_ways_base", "wrong numeric literal (base case 1 -> 0)", 1, "coinways.py", '''\
def count_ways(amount, coins):
    """Number of ways to make amount from unlimited coins of the given values (order does not matter)."""
    coins = sorted(set(coins))
    memo = {}

    def ways(remaining, index):
        if remaining == 0:
            return 1
        if remaining < 0 or index == len(coins):
            return 0
        key = (remaining, index)
        if key not in memo:
            memo[key] = ways(remaining - coins[index], index) + ways(remaining, index + 1)
        return memo[key]

    return ways(amount, 0)
''', [("        if remaining == 0:\n            return 1\n", "        if remaining == 0:\n            return 0\n")],
         tests='''\
assert count_ways(5, [1, 2, 5]) == 4
assert count_ways(3, [2]) == 0
assert count_ways(0, [7]) == 1
assert count_ways(10, [10]) == 1
assert count_ways(4, [2, 1, 2]) == 3
assert count_ways(12, [3, 5]) == 1
''', verify="concat")

    case("d16_percentile_floordiv", "// instead of /", 1, "percentile.py", '''\
def percentile(values, p):
    """p-th percentile (0..100) of values, interpolating linearly between the closest ranks."""
    if not values:
        raise ValueError("no values")
    if not 0 <= p <= 100:
        raise ValueError(f"bad percentile {p}")
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    lo = int(rank)
    hi = min(lo + 1, len(ordered) - 1)
    frac = rank - lo
    return ordered[lo] + (ordered[hi] - ordered[lo]) * frac
''', [("rank = p / 100 * (len(ordered) - 1)", "rank = p // 100 * (len(ordered) - 1)")], tests='''\
import pytest

from percentile import percentile


def test_median_odd():
    assert percentile([5, 1, 3, 2, 4], 50) == 3


def test_median_even_interpolates():
    assert percentile([10, 20, 30, 40], 50) == 25


def test_ends():
    assert percentile([10, 20, 30, 40], 0) == 10
    assert percentile([10, 20, 30, 40], 100) == 40


def test_quartile_and_single():
    assert percentile([1, 2, 3, 4, 5], 25) == 2
    assert percentile([7], 90) == 7


def test_errors():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)
''', tests_name="test_percentile.py")

    case("d17_gaps_is_not", "`is not` instead of `!=` on computed ints", 1, "idgaps.py", '''\
def missing_ids(ids):
    """Ranges (first, last) of the ids missing between the smallest and largest id; duplicates allowed."""
    gaps = []
    prev = None
    for value in sorted(ids):
        if prev is not None and value != prev + 1 and value != prev:
            gaps.append((prev + 1, value - 1))
        prev = value
    return gaps
''', [("value != prev + 1", "value is not prev + 1")], tests='''\
from idgaps import missing_ids


def test_none_missing():
    assert missing_ids([1, 2, 3]) == []


def test_unsorted():
    assert missing_ids([3, 1, 7]) == [(2, 2), (4, 6)]


def test_duplicates():
    assert missing_ids([5, 5, 6]) == []


def test_large_ids():
    assert missing_ids([1000, 1001, 1003, 1003]) == [(1002, 1002)]


def test_empty():
    assert missing_ids([]) == []
''', tests_name="test_idgaps.py")

    case("d18_alias_keyerror", "wrong exception caught (IndexError for KeyError)", 1, "aliases.py", '''\
def expand_aliases(command_lines, aliases):
    """Replace the first word of each command by its alias expansion (unknown words are kept);
    blank lines are dropped and runs of spaces collapsed."""
    out = []
    for line in command_lines:
        words = line.split()
        if not words:
            continue
        try:
            expansion = aliases[words[0]]
        except KeyError:
            expansion = words[0]
        out.append(" ".join([expansion] + words[1:]))
    return out
''', [("except KeyError:", "except IndexError:")], tests='''\
from aliases import expand_aliases

ALIASES = {"ll": "ls -l", "gs": "git status"}


def test_alias():
    assert expand_aliases(["ll /tmp"], ALIASES) == ["ls -l /tmp"]


def test_unknown_and_blank():
    assert expand_aliases(["gs", "", "echo hi"], ALIASES) == ["git status", "echo hi"]


def test_spaces():
    assert expand_aliases(["  ll   -a  "], ALIASES) == ["ls -l -a"]


def test_empty():
    assert expand_aliases([], ALIASES) == []
''', tests_name="test_aliases.py")

    case("d19_csv_join_sep", "string join missing its separator", 1, "csvline.py", '''\
def to_csv_line(fields):
    """One CSV line: None becomes an empty field; fields with a comma, quote or newline are quoted."""
    out = []
    for field in fields:
        text = "" if field is None else str(field)
        if any(ch in text for ch in ',"\\n'):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return ",".join(out)
''', [('return ",".join(out)', 'return "".join(out)')], tests='''\
def check(candidate):
    assert candidate(["a", "b", "c"]) == "a,b,c"
    assert candidate([1, None, 2.5]) == "1,,2.5"
    assert candidate(['say "hi"', "x,y"]) == '"say ""hi""","x,y"'
    assert candidate(["one"]) == "one"
    assert candidate([]) == ""
''', verify="check", entry="to_csv_line")

    case("d20_luhn_step", "wrong slice step (-2 -> 2)", 1, "luhn.py", '''\
def luhn_valid(number):
    """Luhn checksum of the digits in number (spaces and dashes ignored); needs at least two digits."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) < 2:
        return False
    checksum = sum(digits[-1::-2])
    for d in digits[-2::-2]:
        d *= 2
        checksum += d - 9 if d > 9 else d
    return checksum % 10 == 0
''', [("for d in digits[-2::-2]:", "for d in digits[-2::2]:")], tests='''\
from luhn import luhn_valid


def test_valid():
    assert luhn_valid("79927398713")
    assert luhn_valid("4539 1488 0343 6467")


def test_invalid():
    assert not luhn_valid("79927398710")
    assert not luhn_valid("1234 5678 9012 3456")


def test_separators():
    assert luhn_valid("7992-7398-713")


def test_too_short():
    assert not luhn_valid("0")
''', tests_name="test_luhn.py")

    case("d21_shadow_len", "builtin shadowed by a local (len)", 1, "lenhist.py", '''\
def length_histogram(text):
    """Lines 'N: count' for each word length N in text (surrounding punctuation stripped), shortest first."""
    counts = {}
    for word in text.split():
        word = word.strip(".,;:!?\\"'()")
        if word:
            counts[len(word)] = counts.get(len(word), 0) + 1
    lines = []
    for length in sorted(counts):
        lines.append(f"{length}: {counts[length]}")
    return lines
''', [('    for length in sorted(counts):\n        lines.append(f"{length}: {counts[length]}")\n',
       '    for len in sorted(counts):\n        lines.append(f"{len}: {counts[len]}")\n')], tests='''\
from lenhist import length_histogram


def test_basic():
    assert length_histogram("a bb cc ddd") == ["1: 1", "2: 2", "3: 1"]


def test_punctuation():
    assert length_histogram("Hi, there! Hi.") == ["2: 2", "5: 1"]


def test_empty():
    assert length_histogram("") == []
    assert length_histogram("... !!!") == []
''', tests_name="test_lenhist.py")

    case("d22_placeholders_index", "wrong method called (index for find)", 1, "templ.py", '''\
def placeholders(template):
    """Distinct names of the {{ name }} placeholders in template, in order of first use."""
    names = []
    pos = 0
    while True:
        start = template.find("{{", pos)
        if start == -1:
            break
        end = template.find("}}", start + 2)
        if end == -1:
            raise ValueError(f"unclosed placeholder at {start}")
        name = template[start + 2:end].strip()
        if name and name not in names:
            names.append(name)
        pos = end + 2
    return names
''', [('start = template.find("{{", pos)', 'start = template.index("{{", pos)')], tests='''\
import pytest

from templ import placeholders


def test_two():
    assert placeholders("Hello {{ name }}, you owe {{amount}}.") == ["name", "amount"]


def test_repeated():
    assert placeholders("{{a}}{{b}}{{a}}") == ["a", "b"]


def test_none():
    assert placeholders("no tags") == []


def test_blank_name_skipped():
    assert placeholders("{{}} {{ x }}") == ["x"]


def test_unclosed():
    with pytest.raises(ValueError, match="unclosed"):
        placeholders("oops {{name")
''', tests_name="test_templ.py")

    case("d23_wrap_reset_indent", "statement at the wrong indentation (reset moved out of its if)", 1, "wrap.py", '''\
def wrap(text, width):
    """Greedy word wrap: lines of at most width characters (a longer word gets a line of its own)."""
    lines = []
    current = []
    length = 0
    for word in text.split():
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current = []
            length = 0
        if current:
            length += 1
        current.append(word)
        length += len(word)
    if current:
        lines.append(" ".join(current))
    return lines
''', [("            current = []\n            length = 0\n", "            current = []\n        length = 0\n")],
         tests='''\
assert wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]
assert wrap("", 5) == []
assert wrap("a b c d", 3) == ["a b", "c d"]
assert wrap("supercalifragilistic is long", 8) == ["supercalifragilistic", "is long"]
assert wrap("one two three four five six", 9) == ["one two", "three", "four five", "six"]
''', verify="concat")

    case("d24_rect_attr", "wrong attribute (w for h)", 1, "rect.py", '''\
class Rect:
    """Axis-aligned rectangle: corner (x, y), width w, height h."""

    def __init__(self, x, y, w, h):
        if w < 0 or h < 0:
            raise ValueError("negative size")
        self.x, self.y, self.w, self.h = x, y, w, h

    def area(self):
        return self.w * self.h

    def intersection(self, other):
        """The overlapping Rect, or None when they do not overlap (touching edges do not count)."""
        left = max(self.x, other.x)
        top = max(self.y, other.y)
        right = min(self.x + self.w, other.x + other.w)
        bottom = min(self.y + self.h, other.y + other.h)
        if right <= left or bottom <= top:
            return None
        return Rect(left, top, right - left, bottom - top)

    def __eq__(self, other):
        return isinstance(other, Rect) and (self.x, self.y, self.w, self.h) == (other.x, other.y, other.w, other.h)

    def __repr__(self):
        return f"Rect({self.x}, {self.y}, {self.w}, {self.h})"
''', [("other.y + other.h)", "other.y + other.w)")], tests='''\
import pytest

from rect import Rect


def test_overlap():
    a, b = Rect(0, 0, 10, 10), Rect(2, 3, 6, 2)
    assert a.intersection(b) == Rect(2, 3, 6, 2)
    assert b.intersection(a) == Rect(2, 3, 6, 2)


def test_partial():
    assert Rect(0, 0, 4, 2).intersection(Rect(1, 1, 5, 3)) == Rect(1, 1, 3, 1)


def test_disjoint_and_touching():
    assert Rect(0, 0, 2, 2).intersection(Rect(5, 5, 1, 1)) is None
    assert Rect(0, 0, 2, 2).intersection(Rect(2, 0, 2, 2)) is None


def test_area_and_validation():
    assert Rect(1, 1, 3, 1).area() == 3
    with pytest.raises(ValueError):
        Rect(0, 0, -1, 1)
''', tests_name="test_rect.py")

    case("d25_kadane_init", "wrong initial value of the running best (0 for nums[0])", 1, "kadane.py", '''\
def max_subarray(nums):
    """Largest sum of a non-empty contiguous slice and its (start, end) indices, end exclusive."""
    if not nums:
        raise ValueError("empty input")
    best = nums[0]
    best_range = (0, 1)
    current = 0
    start = 0
    for i, x in enumerate(nums):
        if current <= 0:
            current = x
            start = i
        else:
            current += x
        if current > best:
            best = current
            best_range = (start, i + 1)
    return best, best_range
''', [("best = nums[0]", "best = 0")], tests='''\
def check(candidate):
    assert candidate([-2, 1, -3, 4, -1, 2, 1, -5, 4]) == (6, (3, 7))
    assert candidate([5]) == (5, (0, 1))
    assert candidate([-3, -1, -2]) == (-1, (1, 2))
    assert candidate([0, -1]) == (0, (0, 1))
    try:
        candidate([])
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError")
''', verify="check", entry="max_subarray")

    case("d26_lexer_wrong_var", "wrong variable (i for j) in a scanning loop", 1, "exprlex.py", '''\
def tokenize(expr):
    """Yield (kind, value) tokens of an arithmetic expression: NUM (int), NAME, OP; ValueError on other characters."""
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(expr) and expr[j].isdigit():
                j += 1
            yield ("NUM", int(expr[i:j]))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(expr) and (expr[j].isalnum() or expr[j] == "_"):
                j += 1
            yield ("NAME", expr[i:j])
            i = j
        elif ch in "+-*/()":
            yield ("OP", ch)
            i += 1
        else:
            raise ValueError(f"unexpected {ch!r} at position {i}")
''', [("while j < len(expr) and expr[j].isdigit():", "while j < len(expr) and expr[i].isdigit():")], tests='''\
import pytest

from exprlex import tokenize


def test_expression():
    assert list(tokenize("12 + x1*(3-y)")) == [
        ("NUM", 12), ("OP", "+"), ("NAME", "x1"), ("OP", "*"), ("OP", "("),
        ("NUM", 3), ("OP", "-"), ("NAME", "y"), ("OP", ")")]


def test_single_number():
    assert list(tokenize("42")) == [("NUM", 42)]


def test_names():
    assert list(tokenize("a_b+_c")) == [("NAME", "a_b"), ("OP", "+"), ("NAME", "_c")]


def test_empty():
    assert list(tokenize("")) == []


def test_bad_character():
    with pytest.raises(ValueError, match="position 2"):
        list(tokenize("1 $ 2"))
''', tests_name="test_exprlex.py")

    case("d27_csv_quote_state", "wrong boolean literal (initial state True)", 1, "csvsplit.py", '''\
def split_csv_line(line, sep=","):
    """Split one CSV line into fields; double quotes group text and "" inside quotes is a literal quote."""
    fields = []
    current = []
    in_quotes = False
    i = 0
    while i < len(line):
        ch = line[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    current.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                current.append(ch)
        elif ch == '"':
            in_quotes = True
        elif ch == sep:
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    fields.append("".join(current))
    return fields
''', [("    in_quotes = False\n    i = 0\n", "    in_quotes = True\n    i = 0\n")], tests='''\
from csvsplit import split_csv_line


def test_plain():
    assert split_csv_line("a,b,c") == ["a", "b", "c"]


def test_quoted_comma():
    assert split_csv_line('1,"x, y",3') == ["1", "x, y", "3"]


def test_escaped_quote():
    assert split_csv_line('"say ""hi""",end') == ['say "hi"', "end"]


def test_empty_fields():
    assert split_csv_line("") == [""]
    assert split_csv_line("a,,") == ["a", "", ""]


def test_other_separator():
    assert split_csv_line("a;b", sep=";") == ["a", "b"]
''', tests_name="test_csvsplit.py")

    case("d28_emails_chained", "comparison chained wrongly (x in s == False)", 1, "emails.py", '''\
def unique_emails(addresses):
    """Normalise e-mail addresses (trimmed, lower-case, '+tag' dropped, dots dropped in gmail.com local parts)
    and return the distinct ones in first-seen order; entries without '@' are skipped."""
    seen = set()
    result = []
    for address in addresses:
        local, _, domain = address.strip().lower().partition("@")
        if not domain:
            continue
        local = local.split("+", 1)[0]
        if domain == "gmail.com":
            local = local.replace(".", "")
        normalised = f"{local}@{domain}"
        if normalised not in seen:
            seen.add(normalised)
            result.append(normalised)
    return result
''', [("if normalised not in seen:", "if normalised in seen == False:")], tests='''\
from emails import unique_emails


def test_case_and_space():
    assert unique_emails(["A@x.org", "a@x.org "]) == ["a@x.org"]


def test_gmail_rules():
    addresses = ["j.doe+news@gmail.com", "jdoe@gmail.com", "j.doe@work.com"]
    assert unique_emails(addresses) == ["jdoe@gmail.com", "j.doe@work.com"]


def test_invalid_skipped():
    assert unique_emails(["not-an-address", ""]) == []


def test_empty():
    assert unique_emails([]) == []
''', tests_name="test_emails.py")

    case("d29_hex_base_missing", "missing argument (int base 16)", 1, "hexcolor.py", '''\
def hex_to_rgb(color):
    """'#ff8000' or 'f80' (surrounding spaces and '#' optional) -> (r, g, b) ints."""
    color = color.strip().lstrip("#")
    if len(color) == 3:
        color = "".join(ch * 2 for ch in color)
    if len(color) != 6:
        raise ValueError(f"bad colour: {color!r}")
    return tuple(int(color[i:i + 2], 16) for i in range(0, 6, 2))
''', [("int(color[i:i + 2], 16)", "int(color[i:i + 2])")], tests='''\
import pytest

from hexcolor import hex_to_rgb


def test_six_digits():
    assert hex_to_rgb("#ff8000") == (255, 128, 0)


def test_no_hash():
    assert hex_to_rgb("102030") == (16, 32, 48)


def test_short_form():
    assert hex_to_rgb("#abc") == (170, 187, 204)


def test_black_with_spaces():
    assert hex_to_rgb(" #000000 ") == (0, 0, 0)


def test_bad_length():
    with pytest.raises(ValueError):
        hex_to_rgb("#12345")
''', tests_name="test_hexcolor.py")

    case("d30_headline_split_arg", "extra argument (split(' ') for split())", 1, "headline.py", '''\
SMALL = {"a", "an", "and", "in", "of", "on", "the", "to"}


def headline(text):
    """Title-case text for a headline: small words stay lower-case unless first or last; spaces normalised."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if 0 < i < len(words) - 1 and lower in SMALL:
            out.append(lower)
        else:
            out.append(lower[:1].upper() + lower[1:])
    return " ".join(out)
''', [("words = text.split()", 'words = text.split(" ")')], tests='''\
from headline import headline


def test_small_words():
    assert headline("the lord of the rings") == "The Lord of the Rings"


def test_extra_spaces():
    assert headline("  a tale   of two cities ") == "A Tale of Two Cities"


def test_upper_input():
    assert headline("WAR AND PEACE") == "War and Peace"


def test_edges():
    assert headline("") == ""
    assert headline("of") == "Of"
    assert headline("gone with the wind") == "Gone With the Wind"
''', tests_name="test_headline.py")

    # ---------------- two-bug cases ----------------
    case("u01_coverage", "2 bugs: wrong key in sort lambda (end for start); `is` for `is not`", 2, "covered.py", '''\
def covered_length(intervals):
    """Total length covered by the union of half-open intervals [start, end)."""
    total = 0
    cur_start = cur_end = None
    for start, end in sorted(intervals, key=lambda iv: iv[0]):
        if cur_end is None or start > cur_end:
            if cur_end is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None:
        total += cur_end - cur_start
    return total
''', [("key=lambda iv: iv[0]", "key=lambda iv: iv[1]"),
      ("            if cur_end is not None:\n", "            if cur_end is None:\n")], tests='''\
from covered import covered_length


def test_empty():
    assert covered_length([]) == 0


def test_one():
    assert covered_length([(1, 4)]) == 3


def test_overlap_and_gap():
    assert covered_length([(1, 3), (2, 5), (7, 8)]) == 5


def test_contained():
    assert covered_length([(0, 10), (2, 3)]) == 10


def test_unsorted_touching():
    assert covered_length([(5, 6), (1, 2), (2, 3)]) == 3
''', tests_name="test_covered.py")

    case("u02_editor_undo", "2 bugs: extra argument (pop(0) for pop()); min for max", 2, "editor.py", '''\
class Editor:
    """A text buffer with insert, delete-from-end and multi-level undo."""

    def __init__(self, text=""):
        self.text = text
        self._undo = []

    def insert(self, s):
        self._undo.append(self.text)
        self.text += s

    def delete(self, n):
        """Delete the last n characters (all of them if n exceeds the length)."""
        self._undo.append(self.text)
        self.text = self.text[:max(0, len(self.text) - n)]

    def undo(self):
        """Revert the most recent insert or delete; no-op when there is nothing to undo. Returns the text."""
        if self._undo:
            self.text = self._undo.pop()
        return self.text
''', [("self.text = self._undo.pop()", "self.text = self._undo.pop(0)"),
      ("max(0, len(self.text) - n)", "min(0, len(self.text) - n)")], tests='''\
from editor import Editor


def test_insert():
    e = Editor()
    e.insert("hello")
    e.insert(" world")
    assert e.text == "hello world"


def test_delete():
    e = Editor("hello")
    e.delete(2)
    assert e.text == "hel"


def test_delete_too_many():
    e = Editor("abc")
    e.delete(10)
    assert e.text == ""


def test_undo_order():
    e = Editor()
    e.insert("a")
    e.insert("b")
    e.delete(1)
    assert e.undo() == "ab"
    assert e.undo() == "a"
    assert e.undo() == ""
    assert e.undo() == ""


def test_undo_delete():
    e = Editor("xyz")
    e.delete(1)
    e.undo()
    assert e.text == "xyz"
''', tests_name="test_editor.py")

    case("u03_add_days", "2 bugs: `<` for `<=`; wrong literal (month reset to 0)", 2, "datemath.py", '''\
import calendar

DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def add_days(year, month, day, n):
    """The date n >= 0 days after (year, month, day), as a (year, month, day) tuple."""
    if n < 0:
        raise ValueError("n must be non-negative")
    while n > 0:
        in_month = DAYS[month - 1] + (1 if month == 2 and calendar.isleap(year) else 0)
        if day + n <= in_month:
            return year, month, day + n
        n -= in_month - day + 1
        day = 1
        month += 1
        if month > 12:
            month = 1
            year += 1
    return year, month, day
''', [("if day + n <= in_month:", "if day + n < in_month:"), ("month = 1\n", "month = 0\n")], tests='''\
import pytest

from datemath import add_days


def test_zero():
    assert add_days(2024, 1, 1, 0) == (2024, 1, 1)


def test_end_of_month():
    assert add_days(2024, 1, 30, 1) == (2024, 1, 31)


def test_february():
    assert add_days(2024, 2, 28, 1) == (2024, 2, 29)
    assert add_days(2023, 2, 28, 1) == (2023, 3, 1)


def test_new_year():
    assert add_days(2023, 12, 31, 1) == (2024, 1, 1)


def test_whole_leap_year():
    assert add_days(2024, 1, 1, 365) == (2024, 12, 31)


def test_negative():
    with pytest.raises(ValueError):
        add_days(2024, 1, 1, -1)
''', tests_name="test_datemath.py")

    case("u04_word_break", "2 bugs: missing break; wrong return value in the base case ([] -> None)", 2,
         "wordbreak.py", '''\
def word_break(s, words):
    """Split s into dictionary words, preferring the longest first word; a list of words, or None if impossible."""
    vocab = set(words)
    longest = max(map(len, vocab), default=0)
    memo = {}

    def solve(i):
        if i == len(s):
            return []
        if i in memo:
            return memo[i]
        result = None
        for j in range(min(len(s), i + longest), i, -1):
            if s[i:j] in vocab:
                rest = solve(j)
                if rest is not None:
                    result = [s[i:j]] + rest
                    break
        memo[i] = result
        return result

    return solve(0)
''', [("                    result = [s[i:j]] + rest\n                    break\n",
       "                    result = [s[i:j]] + rest\n"),
      ("        if i == len(s):\n            return []\n", "        if i == len(s):\n            return None\n")],
         tests='''\
from wordbreak import word_break


def test_simple():
    assert word_break("applepie", ["apple", "pie"]) == ["apple", "pie"]


def test_longest_first_word():
    words = ["apple", "pen", "applepen", "pine", "pineapple"]
    assert word_break("pineapplepen", words) == ["pineapple", "pen"]


def test_impossible():
    assert word_break("catsandog", ["cats", "dog", "sand", "and", "cat"]) is None


def test_empty_string():
    assert word_break("", ["a"]) == []


def test_repeated_letters():
    assert word_break("aaa", ["a", "aa"]) == ["aa", "a"]
''', tests_name="test_wordbreak.py")

    case("u05_station_stats", "2 bugs: wrong initial values (0 for the first reading); missing round() argument", 2,
         "stations.py", '''\
def station_summary(readings):
    """readings: (station, temperature) pairs. Returns {station: (min, max, mean rounded to 1 decimal)}."""
    stats = {}
    for station, temp in readings:
        if station not in stats:
            stats[station] = [temp, temp, 0.0, 0]
        s = stats[station]
        s[0] = min(s[0], temp)
        s[1] = max(s[1], temp)
        s[2] += temp
        s[3] += 1
    return {name: (s[0], s[1], round(s[2] / s[3], 1)) for name, s in stats.items()}
''', [("stats[station] = [temp, temp, 0.0, 0]", "stats[station] = [0, 0, 0.0, 0]"),
      ("round(s[2] / s[3], 1)", "round(s[2] / s[3])")], tests='''\
from stations import station_summary

READINGS = [("oslo", 3.5), ("rome", 21.0), ("oslo", -2.0), ("rome", 24.0), ("oslo", 1.0), ("rome", 23.0)]


def test_two_stations():
    assert station_summary(READINGS) == {"oslo": (-2.0, 3.5, 0.8), "rome": (21.0, 24.0, 22.7)}


def test_single_reading():
    assert station_summary([("x", 5)]) == {"x": (5, 5, 5.0)}


def test_empty():
    assert station_summary([]) == {}
''', tests_name="test_stations.py")

    case("u06_polygon_area", "2 bugs: + for - in the cross product; // for /", 2, "polygon.py", '''\
def polygon_area(points):
    """Area of a simple polygon given its vertices in order (either direction), by the shoelace formula."""
    n = len(points)
    if n < 3:
        return 0.0
    twice = 0
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        twice += x1 * y2 - x2 * y1
    return abs(twice) / 2
''', [("twice += x1 * y2 - x2 * y1", "twice += x1 * y2 + x2 * y1"), ("abs(twice) / 2", "abs(twice) // 2")], tests='''\
assert polygon_area([(0, 0), (4, 0), (4, 3), (0, 3)]) == 12
assert polygon_area([(0, 0), (1, 0), (0, 1)]) == 0.5
assert polygon_area([(1, 1), (3, 1), (3, 3), (1, 3)]) == 4
assert polygon_area([(0, 0), (0, 2), (2, 2), (2, 0)]) == 4
assert polygon_area([(1, 1), (4, 1), (1, 5)]) == 6
assert polygon_area([(0, 0), (5, 5)]) == 0
''', verify="concat")

    case("u07_receipt", "2 bugs: join without newline; `>=` for `>`", 2, "receipt.py", '''\
def format_receipt(items, width=30):
    """items: (name, qty, unit_price). One line per item (name, 'xN' when N > 1, cost right-aligned),
    a rule and a TOTAL line, all width characters wide."""
    lines = []
    total = 0
    for name, qty, price in items:
        cost = qty * price
        total += cost
        left = f"{name} x{qty}" if qty > 1 else name
        right = f"{cost:.2f}"
        lines.append(left + " " * (width - len(left) - len(right)) + right)
    lines.append("-" * width)
    lines.append("TOTAL" + f"{total:.2f}".rjust(width - 5))
    return "\\n".join(lines)
''', [('return "\\n".join(lines)', 'return "".join(lines)'), ("if qty > 1 else name", "if qty >= 1 else name")],
         tests='''\
from receipt import format_receipt

ITEMS = [("apple", 3, 0.5), ("bread", 1, 2.25), ("milk", 2, 1.25)]


def test_receipt():
    assert format_receipt(ITEMS) == "\\n".join([
        "apple x3                  1.50",
        "bread                     2.25",
        "milk x2                   2.50",
        "------------------------------",
        "TOTAL                     6.25",
    ])


def test_single_item_narrow():
    assert format_receipt([("tea", 1, 3.0)], width=12) == "tea     3.00\\n------------\\nTOTAL   3.00"


def test_empty():
    assert format_receipt([], width=10) == "----------\\nTOTAL 0.00"


def test_line_count():
    assert len(format_receipt(ITEMS).splitlines()) == 5
''', tests_name="test_receipt.py")

    case("u08_grid_path", "2 bugs: swapped names in a tuple assignment; missing return", 2, "gridpath.py", '''\
from collections import deque


def shortest_path(grid, start, goal):
    """grid: list of equal-length strings, '#' is a wall. Number of steps of the shortest 4-neighbour path
    from start to goal ((row, col) pairs), or -1 if there is none."""
    rows, cols = len(grid), len(grid[0])
    queue = deque([(start, 0)])
    seen = {start}
    while queue:
        (r, c), dist = queue.popleft()
        if (r, c) == goal:
            return dist
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                queue.append(((nr, nc), dist + 1))
    return -1
''', [("rows, cols = len(grid), len(grid[0])", "cols, rows = len(grid), len(grid[0])"), ("    return -1\n", "")],
         tests='''\
from gridpath import shortest_path

GRID = [
    "..#.",
    "..#.",
    "....",
]


def test_around_wall():
    assert shortest_path(GRID, (0, 0), (0, 3)) == 7


def test_same_cell():
    assert shortest_path(GRID, (1, 1), (1, 1)) == 0


def test_one_row():
    assert shortest_path(["...."], (0, 0), (0, 3)) == 3


def test_unreachable():
    assert shortest_path([".#.", ".#.", ".#."], (0, 0), (0, 2)) == -1
''', tests_name="test_gridpath.py")

    case("u09_task_queue", "2 bugs: caller's list aliased (missing copy); missing argument (pop() for pop(0))", 2,
         "taskqueue.py", '''\
class TaskQueue:
    """Named tasks ordered by priority (1 = most urgent); equal priorities keep insertion order."""

    def __init__(self, tasks=None):
        self._tasks = list(tasks) if tasks else []
        self._tasks.sort(key=lambda t: t[0])

    def add(self, priority, name):
        self._tasks.append((priority, name))
        self._tasks.sort(key=lambda t: t[0])

    def pop(self):
        if not self._tasks:
            raise IndexError("pop from an empty TaskQueue")
        priority, name = self._tasks.pop(0)
        return name

    def names(self):
        return [name for _, name in self._tasks]

    def __len__(self):
        return len(self._tasks)
''', [("list(tasks) if tasks else []", "tasks if tasks else []"), ("self._tasks.pop(0)", "self._tasks.pop()")],
         tests='''\
import pytest

from taskqueue import TaskQueue


def test_order():
    q = TaskQueue()
    q.add(2, "write")
    q.add(1, "fix")
    q.add(3, "read")
    assert q.names() == ["fix", "write", "read"]
    assert q.pop() == "fix"
    assert len(q) == 2


def test_ties_keep_order():
    q = TaskQueue([(1, "a"), (1, "b")])
    q.add(1, "c")
    assert [q.pop(), q.pop(), q.pop()] == ["a", "b", "c"]


def test_initial_list_not_changed():
    initial = [(2, "b"), (1, "a")]
    q = TaskQueue(initial)
    q.add(0, "z")
    assert initial == [(2, "b"), (1, "a")]
    assert q.names() == ["z", "a", "b"]


def test_empty_pop():
    with pytest.raises(IndexError):
        TaskQueue().pop()
''', tests_name="test_taskqueue.py")

    case("u10_moving_average", "2 bugs: yield moved out of the loop (indentation); += for -=", 2, "movavg.py", '''\
def moving_average(values, window):
    """Yield the mean of each full window of `window` consecutive values (any iterable)."""
    if window <= 0:
        raise ValueError("window must be positive")
    buf = []
    total = 0
    for x in values:
        buf.append(x)
        total += x
        if len(buf) > window:
            total -= buf.pop(0)
        if len(buf) == window:
            yield total / window
''', [("        if len(buf) == window:\n            yield total / window\n",
       "    if len(buf) == window:\n        yield total / window\n"),
      ("total -= buf.pop(0)", "total += buf.pop(0)")], tests='''\
import pytest

from movavg import moving_average


def test_basic():
    assert list(moving_average([1, 2, 3, 4, 5], 3)) == [2.0, 3.0, 4.0]


def test_window_one():
    assert list(moving_average([4, 6], 1)) == [4.0, 6.0]


def test_short_input():
    assert list(moving_average([1, 2], 3)) == []


def test_iterator_input():
    assert list(moving_average(iter(range(6)), 2)) == [0.5, 1.5, 2.5, 3.5, 4.5]


def test_bad_window():
    with pytest.raises(ValueError):
        list(moving_average([1], 0))
''', tests_name="test_movavg.py")
