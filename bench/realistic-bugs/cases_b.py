"""Single-bug cases c19..c35 and two-bug cases t01..t08, registered by gen_cases.py (see `case` there)."""


def register(case):
    case("c19_enumerate_swap", "enumerate unpacking order swapped", 1, "logscan.py", '''\
def error_lines(lines, keyword="ERROR"):
    """Return (line_number, message) for each log line containing keyword; numbers start at 1."""
    found = []
    for number, line in enumerate(lines, start=1):
        if keyword not in line:
            continue
        message = line.split(keyword, 1)[1].strip(" :")
        found.append((number, message))
    return found
''', [("for number, line in enumerate(lines, start=1):", "for line, number in enumerate(lines, start=1):")], tests='''\
from logscan import error_lines

LOG = [
    "INFO start",
    "ERROR: disk full",
    "WARN slow",
    "ERROR timeout",
]


def test_found():
    assert error_lines(LOG) == [(2, "disk full"), (4, "timeout")]


def test_keyword():
    assert error_lines(LOG, "WARN") == [(3, "slow")]


def test_none():
    assert error_lines(["ok"]) == []
''', tests_name="test_logscan.py")

    case("c20_init_inf", "wrong initial value (0 for float('inf'))", 1, "closest.py", '''\
def closest_pair_gap(points):
    """Smallest absolute difference between any two numbers (None for fewer than two)."""
    if len(points) < 2:
        return None
    ordered = sorted(points)
    best = float("inf")
    for a, b in zip(ordered, ordered[1:]):
        gap = b - a
        if gap < best:
            best = gap
    return best
''', [('best = float("inf")', "best = 0")], tests='''\
from closest import closest_pair_gap


def test_basic():
    assert closest_pair_gap([10, 4, 7, 1]) == 3


def test_dupes():
    assert closest_pair_gap([5, 9, 5]) == 0


def test_floats():
    assert closest_pair_gap([1.5, 3.0, 2.0]) == 0.5


def test_short():
    assert closest_pair_gap([1]) is None
''', tests_name="test_closest.py")

    case("c21_init_one", "wrong initial value (0 for 1) in product", 1, "digits.py", '''\
def digit_product_chain(n):
    """Multiply the digits of n repeatedly until one digit remains; return the number of steps."""
    steps = 0
    while n >= 10:
        product = 1
        for ch in str(n):
            product *= int(ch)
        n = product
        steps += 1
    return steps
''', [("product = 1", "product = 0")], tests='''\
assert digit_product_chain(7) == 0
assert digit_product_chain(39) == 3
assert digit_product_chain(999) == 4
assert digit_product_chain(25) == 2
assert digit_product_chain(10) == 1
''', verify="concat")

    case("c22_none_init", "[] instead of None as 'nothing yet' sentinel", 1, "longest.py", '''\
def longest_word(text):
    """Longest word in text (first one on ties); None for no words."""
    best = None
    for word in text.split():
        word = word.strip(".,!?")
        if best is None or len(word) > len(best):
            best = word
    return best
''', [("best = None", "best = []")], tests='''\
from longest import longest_word


def test_basic():
    assert longest_word("a quick brown fox") == "quick"


def test_tie_first():
    assert longest_word("cat dog") == "cat"


def test_punct():
    assert longest_word("hi, everyone!") == "everyone"


def test_empty():
    assert longest_word("") is None
''', tests_name="test_longest.py")

    case("c23_missing_not", "missing `not` in validation early return", 1, "zipcode.py", '''\
def is_valid_zip(code):
    """US ZIP: 5 digits, optionally '-' and 4 more digits."""
    if not isinstance(code, str):
        return False
    main, sep, ext = code.partition("-")
    if len(main) != 5 or not main.isdigit():
        return False
    if sep and (len(ext) != 4 or not ext.isdigit()):
        return False
    return True
''', [("if len(main) != 5 or not main.isdigit():", "if len(main) != 5 or main.isdigit():")], tests='''\
from zipcode import is_valid_zip


def test_five():
    assert is_valid_zip("12345")


def test_plus_four():
    assert is_valid_zip("12345-6789")


def test_letters():
    assert not is_valid_zip("12a45")


def test_short():
    assert not is_valid_zip("1234")


def test_bad_ext():
    assert not is_valid_zip("12345-67")


def test_not_str():
    assert not is_valid_zip(12345)
''', tests_name="test_zipcode.py")

    case("c24_and_or", "`and` instead of `or` in character test", 1, "ident.py", '''\
def is_identifier(name):
    """Python-style identifier: letter or underscore first, then letters, digits, underscores."""
    if not name:
        return False
    first = name[0]
    if not (first.isalpha() or first == "_"):
        return False
    for ch in name[1:]:
        if not (ch.isalnum() or ch == "_"):
            return False
    return True
''', [('if not (ch.isalnum() or ch == "_"):', 'if not (ch.isalnum() and ch == "_"):')], tests='''\
assert is_identifier("x")
assert is_identifier("foo_bar")
assert is_identifier("_private1")
assert not is_identifier("1abc")
assert not is_identifier("a-b")
assert not is_identifier("")
assert is_identifier("CamelCase2")
''', verify="concat")

    case("c25_wrong_var_left_right", "wrong variable (right for left) in sliding window", 1, "substr.py", '''\
def longest_unique_substring(s):
    """Length of the longest substring without repeated characters."""
    seen = {}
    left = 0
    best = 0
    for right, ch in enumerate(s):
        seen[ch] = seen.get(ch, 0) + 1
        while seen[ch] > 1:
            seen[s[left]] -= 1
            left += 1
        best = max(best, right - left + 1)
    return best
''', [("seen[s[left]] -= 1", "seen[s[right]] -= 1")], tests='''\
from substr import longest_unique_substring


def test_abc():
    assert longest_unique_substring("abcabcbb") == 3


def test_same():
    assert longest_unique_substring("bbbbb") == 1


def test_pwwkew():
    assert longest_unique_substring("pwwkew") == 3


def test_empty():
    assert longest_unique_substring("") == 0


def test_tail():
    assert longest_unique_substring("abba") == 2
''', tests_name="test_substr.py")

    case("c26_chunk_slice", "off-by-one in slice end", 1, "chunks.py", '''\
def chunked(xs, size):
    """Split xs into lists of length `size` (the last may be shorter)."""
    if size <= 0:
        raise ValueError("size must be positive")
    out = []
    for i in range(0, len(xs), size):
        out.append(xs[i:i + size])
    return out
''', [("out.append(xs[i:i + size])", "out.append(xs[i:i + size - 1])")], tests='''\
from chunks import chunked
import pytest


def test_even():
    assert chunked([1, 2, 3, 4], 2) == [[1, 2], [3, 4]]


def test_uneven():
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def test_one():
    assert chunked([1, 2], 1) == [[1], [2]]


def test_bad_size():
    with pytest.raises(ValueError):
        chunked([1], 0)
''', tests_name="test_chunks.py")

    case("c27_len_minus_one", "range(len(xs)) instead of range(len(xs) - 1)", 1, "ascents.py", '''\
def count_ascents(xs):
    """Number of positions i where xs[i] < xs[i + 1]."""
    count = 0
    for i in range(len(xs) - 1):
        if xs[i] < xs[i + 1]:
            count += 1
    return count
''', [("for i in range(len(xs) - 1):", "for i in range(len(xs)):")], tests='''\
from ascents import count_ascents


def test_basic():
    assert count_ascents([1, 2, 1, 3]) == 2


def test_flat():
    assert count_ascents([2, 2, 2]) == 0


def test_short():
    assert count_ascents([]) == 0
    assert count_ascents([5]) == 0
''', tests_name="test_ascents.py")

    case("c28_plus_eq", "`=` instead of `+=`", 1, "rle.py", '''\
def run_lengths(s):
    """Run-length encode: 'aaabcc' -> [('a', 3), ('b', 1), ('c', 2)]."""
    runs = []
    for ch in s:
        if runs and runs[-1][0] == ch:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return [(ch, n) for ch, n in runs]
''', [("runs[-1][1] += 1", "runs[-1][1] = 1")], tests='''\
from rle import run_lengths


def test_basic():
    assert run_lengths("aaabcc") == [("a", 3), ("b", 1), ("c", 2)]


def test_single():
    assert run_lengths("x") == [("x", 1)]


def test_empty():
    assert run_lengths("") == []


def test_alternating():
    assert run_lengths("abab") == [("a", 1), ("b", 1), ("a", 1), ("b", 1)]
''', tests_name="test_rle.py")

    case("c29_missing_break", "missing break (first match wanted)", 1, "firstdup.py", '''\
def first_repeat_index(xs):
    """Index of the first element that already appeared earlier, or -1."""
    seen = set()
    result = -1
    for i, x in enumerate(xs):
        if x in seen:
            result = i
            break
        seen.add(x)
    return result
''', [("            result = i\n            break\n", "            result = i\n")], tests='''\
def check(candidate):
    assert candidate([1, 2, 3, 2, 1]) == 3
    assert candidate([1, 2, 3]) == -1
    assert candidate([4, 4, 4, 4]) == 1
    assert candidate([]) == -1
    assert candidate(["a", "b", "a", "b"]) == 2
''', verify="check", entry="first_repeat_index")

    case("c30_missing_continue", "missing continue after skipping a comment line", 1, "config.py", '''\
def parse_config(text):
    """Parse 'key = value' lines; '#' lines are comments; returns (settings, comment_count)."""
    settings = {}
    comments = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            comments += 1
            continue
        key, _, value = line.partition("=")
        settings[key.strip()] = value.strip()
    return settings, comments
''', [("            comments += 1\n            continue\n", "            comments += 1\n")], tests='''\
from config import parse_config


def test_plain():
    assert parse_config("a = 1\\nb=2") == ({"a": "1", "b": "2"}, 0)


def test_comments():
    text = "# top\\nname = kelp\\n\\n# end"
    assert parse_config(text) == ({"name": "kelp"}, 2)


def test_value_with_equals():
    assert parse_config("url = a=b") == ({"url": "a=b"}, 0)
''', tests_name="test_config.py")

    case("c31_lower_upper", "upper() on one side of a case-insensitive comparison", 1, "headers.py", '''\
def get_header(headers, name, default=None):
    """Case-insensitive lookup in a list of (name, value) HTTP header pairs; first match wins."""
    wanted = name.lower()
    for key, value in headers:
        if key.lower() == wanted:
            return value.strip()
    return default
''', [("if key.lower() == wanted:", "if key.upper() == wanted:")], tests='''\
from headers import get_header

H = [("Content-Type", " text/html "), ("X-Id", "7"), ("content-type", "ignored")]


def test_found():
    assert get_header(H, "content-type") == "text/html"


def test_upper_query():
    assert get_header(H, "X-ID") == "7"


def test_default():
    assert get_header(H, "Accept", "none") == "none"
''', tests_name="test_headers.py")

    case("c32_divmod_args", "arguments swapped in divmod", 1, "duration.py", '''\
def format_duration(seconds):
    """Format a non-negative number of seconds as H:MM:SS."""
    if seconds < 0:
        raise ValueError("negative duration")
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
''', [("minutes, secs = divmod(seconds, 60)", "minutes, secs = divmod(60, seconds)")], tests='''\
from duration import format_duration


def test_zero_ish():
    assert format_duration(5) == "0:00:05"


def test_minutes():
    assert format_duration(125) == "0:02:05"


def test_hours():
    assert format_duration(3661) == "1:01:01"


def test_exact_hour():
    assert format_duration(7200) == "2:00:00"
''', tests_name="test_duration.py")

    case("c33_decode_ways_bound", "comparison boundary (<= 26 -> < 26) in DP", 1, "decode.py", '''\
def num_decodings(s):
    """Ways to decode a digit string where 'A'=1 .. 'Z'=26 (LeetCode 91)."""
    if not s:
        return 0
    memo = {}

    def ways(i):
        if i == len(s):
            return 1
        if s[i] == "0":
            return 0
        if i in memo:
            return memo[i]
        total = ways(i + 1)
        if i + 1 < len(s) and 10 <= int(s[i:i + 2]) <= 26:
            total += ways(i + 2)
        memo[i] = total
        return total

    return ways(0)
''', [("10 <= int(s[i:i + 2]) <= 26", "10 <= int(s[i:i + 2]) < 26")], tests='''\
assert num_decodings("12") == 2
assert num_decodings("226") == 3
assert num_decodings("06") == 0
assert num_decodings("26") == 2
assert num_decodings("10") == 1
assert num_decodings("2626") == 4
''', verify="concat", args=["--function", "num_decodings"])

    case("c34_gen_last_batch", "generator forgets the final partial batch", 1, "batches.py", '''\
def batches(iterable, size):
    """Yield lists of `size` items from iterable; the final batch may be shorter."""
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
''', [("            batch = []\n    if batch:\n        yield batch\n", "            batch = []\n")], tests='''\
from batches import batches


def test_even():
    assert list(batches(range(4), 2)) == [[0, 1], [2, 3]]


def test_remainder():
    assert list(batches("abcde", 2)) == [["a", "b"], ["c", "d"], ["e"]]


def test_empty():
    assert list(batches([], 3)) == []


def test_big():
    assert list(batches([1, 2], 5)) == [[1, 2]]
''', tests_name="test_batches.py")

    case("c35_append_inside_loop", "statement inside loop that belongs after it (indentation)", 1, "groups.py", '''\
def group_consecutive(nums):
    """Group runs of consecutive integers: [1,2,3,5,6,9] -> [[1,2,3],[5,6],[9]]."""
    if not nums:
        return []
    groups = []
    current = [nums[0]]
    for x in nums[1:]:
        if x == current[-1] + 1:
            current.append(x)
        else:
            groups.append(current)
            current = [x]
    groups.append(current)
    return groups
''', [("            current = [x]\n    groups.append(current)\n", "            current = [x]\n        groups.append(current)\n")], tests='''\
from groups import group_consecutive


def test_basic():
    assert group_consecutive([1, 2, 3, 5, 6, 9]) == [[1, 2, 3], [5, 6], [9]]


def test_single():
    assert group_consecutive([4]) == [[4]]


def test_all_consecutive():
    assert group_consecutive([7, 8, 9]) == [[7, 8, 9]]


def test_empty():
    assert group_consecutive([]) == []
''', tests_name="test_groups.py")

    # ---------------- two-bug cases ----------------
    case("t01_lower_bound", "2 bugs: hi init len-1; < for <=", 2, "bisect_left_.py", '''\
def lower_bound(xs, target):
    """First index i with xs[i] >= target (len(xs) if none), like bisect_left."""
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
''', [("lo, hi = 0, len(xs)", "lo, hi = 0, len(xs) - 1"), ("if xs[mid] < target:", "if xs[mid] <= target:")], tests='''\
from bisect_left_ import lower_bound


def test_present():
    assert lower_bound([1, 3, 5, 7], 5) == 2


def test_dupes():
    assert lower_bound([1, 2, 2, 2, 3], 2) == 1


def test_past_end():
    assert lower_bound([1, 2, 3], 10) == 3


def test_before_start():
    assert lower_bound([4, 5], 1) == 0


def test_gap():
    assert lower_bound([1, 3, 5], 4) == 2


def test_empty():
    assert lower_bound([], 1) == 0
''', tests_name="test_bisect_left_.py")

    case("t02_csv_agg", "2 bugs: split() for split(','); d[k] for d.get(k, 0)", 2, "inventory.py", '''\
def stock_levels(rows):
    """rows: 'sku,qty' strings (qty may be negative for sales). Return {sku: total qty}."""
    levels = {}
    for row in rows:
        sku, qty = row.split(",")
        sku = sku.strip().upper()
        levels[sku] = levels.get(sku, 0) + int(qty)
    return levels
''', [('row.split(",")', "row.split()"), ("levels.get(sku, 0) + int(qty)", "levels[sku] + int(qty)")], tests='''\
from inventory import stock_levels


def test_one():
    assert stock_levels(["a1,5"]) == {"A1": 5}


def test_sum():
    assert stock_levels(["a1,5", "A1,-2", "b2,1"]) == {"A1": 3, "B2": 1}


def test_spaces():
    assert stock_levels([" x9 , 4"]) == {"X9": 4}


def test_empty():
    assert stock_levels([]) == {}
''', tests_name="test_inventory.py")

    case("t03_meeting_rooms", "2 bugs: wrong sort key (length for start); `<=` for `<` in overlap test", 2, "rooms.py", '''\
def can_attend_all(meetings):
    """meetings: list of (start, end). True if none overlap (end == next start is fine)."""
    ordered = sorted(meetings, key=lambda m: m[0])
    for prev, cur in zip(ordered, ordered[1:]):
        if cur[0] < prev[1]:
            return False
    return True
''', [("key=lambda m: m[0]", "key=lambda m: m[1] - m[0]"), ("if cur[0] < prev[1]:", "if cur[0] <= prev[1]:")], tests='''\
from rooms import can_attend_all


def test_ok():
    assert can_attend_all([(0, 5), (5, 10), (10, 12)])


def test_overlap():
    assert not can_attend_all([(0, 30), (5, 10), (15, 20)])


def test_unsorted_ok():
    assert can_attend_all([(7, 10), (2, 4)])
    assert can_attend_all([(0, 5), (6, 7)])


def test_nested_long():
    assert not can_attend_all([(1, 2), (0, 10)])


def test_empty():
    assert can_attend_all([])
''', tests_name="test_rooms.py")

    case("t04_compress", "2 bugs: count init 0 for 1; final run not emitted", 2, "compress.py", '''\
def compress(s):
    """String compression: 'aabcccccaaa' -> 'a2b1c5a3'; return s if not shorter."""
    if not s:
        return s
    parts = []
    count = 1
    for i in range(1, len(s)):
        if s[i] == s[i - 1]:
            count += 1
        else:
            parts.append(s[i - 1] + str(count))
            count = 1
    parts.append(s[-1] + str(count))
    result = "".join(parts)
    return result if len(result) < len(s) else s
''', [("    count = 1\n    for", "    count = 0\n    for"), ("    parts.append(s[-1] + str(count))\n", "")], tests='''\
def check(candidate):
    assert candidate("aabcccccaaa") == "a2b1c5a3"
    assert candidate("abc") == "abc"
    assert candidate("") == ""
    assert candidate("aaaa") == "a4"
    assert candidate("aaab") == "a3b1" or candidate("aaab") == "aaab"
    assert candidate("zzzzzy") == "z5y1"
''', verify="check", entry="compress")

    case("t05_clock_fmt", "2 bugs: / for //; {minutes} for {minutes:02d}", 2, "clock.py", '''\
def minutes_to_clock(total_minutes):
    """Minutes since midnight (may exceed a day) -> 'HH:MM' on a 24h clock."""
    total_minutes %= 24 * 60
    hours = total_minutes // 60
    minutes = total_minutes % 60
    return f"{hours:02d}:{minutes:02d}"
''', [("hours = total_minutes // 60", "hours = total_minutes / 60"), ('{minutes:02d}', '{minutes}')], tests='''\
from clock import minutes_to_clock


def test_midnight():
    assert minutes_to_clock(0) == "00:00"


def test_morning():
    assert minutes_to_clock(545) == "09:05"


def test_evening():
    assert minutes_to_clock(1439) == "23:59"


def test_wrap():
    assert minutes_to_clock(1440 + 61) == "01:01"


def test_type():
    assert isinstance(minutes_to_clock(90), str) and minutes_to_clock(90) == "01:30"
''', tests_name="test_clock.py")

    case("t06_password", "2 bugs: and for or; missing not", 2, "password.py", '''\
def password_problems(pw):
    """List the rules the password breaks (empty list = strong)."""
    problems = []
    if len(pw) < 8:
        problems.append("too short")
    if not any(c.isdigit() for c in pw):
        problems.append("no digit")
    if not any(c.isupper() for c in pw) or not any(c.islower() for c in pw):
        problems.append("needs mixed case")
    if pw.strip() != pw:
        problems.append("leading or trailing space")
    return problems
''', [("if not any(c.isdigit() for c in pw):", "if any(c.isdigit() for c in pw):"),
      ("for c in pw) or not any(c.islower()", "for c in pw) and not any(c.islower()")], tests='''\
from password import password_problems


def test_strong():
    assert password_problems("Abcdefg1") == []


def test_short():
    assert password_problems("Ab1") == ["too short"]


def test_no_digit():
    assert password_problems("Abcdefgh") == ["no digit"]


def test_lower_only():
    assert password_problems("abcdefg1") == ["needs mixed case"]


def test_space():
    assert password_problems(" Abcdef1") == ["leading or trailing space"]
''', tests_name="test_password.py")

    case("t07_k_distinct", "2 bugs: wrong var (right for left); off-by-one window length", 2, "kdistinct.py", '''\
def longest_k_distinct(s, k):
    """Length of the longest substring with at most k distinct characters."""
    counts = {}
    left = 0
    best = 0
    for right in range(len(s)):
        counts[s[right]] = counts.get(s[right], 0) + 1
        while len(counts) > k:
            counts[s[left]] -= 1
            if counts[s[left]] == 0:
                del counts[s[left]]
            left += 1
        best = max(best, right - left + 1)
    return best
''', [("            if counts[s[left]] == 0:\n                del counts[s[left]]",
       "            if counts[s[left]] == 0:\n                del counts[s[right]]"),
      ("best = max(best, right - left + 1)", "best = max(best, right - left)")], tests='''\
from kdistinct import longest_k_distinct


def test_eceba():
    assert longest_k_distinct("eceba", 2) == 3


def test_aa():
    assert longest_k_distinct("aa", 1) == 2


def test_abaccc():
    assert longest_k_distinct("abaccc", 2) == 4


def test_zero():
    assert longest_k_distinct("abc", 0) == 0


def test_many_shrink():
    assert longest_k_distinct("aaaabbbbcd", 1) == 4
    assert longest_k_distinct("aabbcc", 1) == 2
''', tests_name="test_kdistinct.py")

    case("t08_log_durations", "2 bugs: enumerate start lost; % for //", 2, "sessions.py", '''\
from datetime import datetime


def session_durations(lines):
    """Lines 'USER LOGIN|LOGOUT YYYY-mm-ddTHH:MM'. Return {user: total minutes logged in}."""
    started = {}
    totals = {}
    for lineno, line in enumerate(lines, start=1):
        user, action, stamp = line.split()
        when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M")
        if action == "LOGIN":
            started[user] = when
        elif action == "LOGOUT":
            if user not in started:
                raise ValueError(f"line {lineno}: logout without login")
            delta = when - started.pop(user)
            totals[user] = totals.get(user, 0) + delta.seconds // 60
    return totals
''', [("enumerate(lines, start=1)", "enumerate(lines)"), ("delta.seconds // 60", "delta.seconds % 60")], tests='''\
from sessions import session_durations
import pytest


def test_one_session():
    lines = ["ann LOGIN 2024-01-01T09:00", "ann LOGOUT 2024-01-01T10:30"]
    assert session_durations(lines) == {"ann": 90}


def test_two_users():
    lines = [
        "ann LOGIN 2024-01-01T09:00",
        "bob LOGIN 2024-01-01T09:10",
        "ann LOGOUT 2024-01-01T09:20",
        "bob LOGOUT 2024-01-01T09:15",
        "ann LOGIN 2024-01-01T11:00",
        "ann LOGOUT 2024-01-01T11:05",
    ]
    assert session_durations(lines) == {"ann": 25, "bob": 5}


def test_bad_logout():
    with pytest.raises(ValueError, match="line 2"):
        session_durations(["ann LOGIN 2024-01-01T09:00", "bob LOGOUT 2024-01-01T09:01"])
''', tests_name="test_sessions.py")
