"""Single-bug cases c01..c18, registered by gen_cases.py (see `case` there for the arguments)."""


def register(case):
    case("c01_bsearch_le", "loop boundary (<= -> <) in binary search", 1, "search.py", '''\
def binary_search(xs, target):
    """Return the index of target in the sorted list xs, or -1."""
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
''', [("while lo <= hi:", "while lo < hi:")], tests='''\
from search import binary_search


def test_middle():
    assert binary_search([1, 3, 5, 7, 9], 5) == 2


def test_first_last():
    assert binary_search([1, 3, 5, 7, 9], 1) == 0
    assert binary_search([1, 3, 5, 7, 9], 9) == 4


def test_single():
    assert binary_search([4], 4) == 0


def test_missing():
    assert binary_search([1, 3, 5], 4) == -1
    assert binary_search([], 4) == -1


def test_two():
    assert binary_search([2, 8], 8) == 1
''', tests_name="test_search.py")

    case("c02_merge_max", "accumulator update missing max()", 1, "intervals.py", '''\
def merge_intervals(intervals):
    """Merge overlapping [start, end] intervals; result sorted by start."""
    if not intervals:
        return []
    intervals = sorted(intervals, key=lambda iv: iv[0])
    merged = [list(intervals[0])]
    for start, end in intervals[1:]:
        last = merged[-1]
        if start <= last[1]:
            last[1] = max(last[1], end)
        else:
            merged.append([start, end])
    return merged
''', [("last[1] = max(last[1], end)", "last[1] = end")], tests='''\
from intervals import merge_intervals


def test_basic():
    assert merge_intervals([[1, 3], [2, 6], [8, 10], [15, 18]]) == [[1, 6], [8, 10], [15, 18]]


def test_touching():
    assert merge_intervals([[1, 4], [4, 5]]) == [[1, 5]]


def test_contained():
    assert merge_intervals([[1, 10], [2, 3], [4, 5]]) == [[1, 10]]


def test_unsorted():
    assert merge_intervals([[5, 6], [1, 2]]) == [[1, 2], [5, 6]]


def test_empty():
    assert merge_intervals([]) == []
''', tests_name="test_intervals.py")

    case("c03_count_get", "d[k] instead of d.get(k, 0)", 1, "wordfreq.py", '''\
def word_frequencies(text):
    """Count words case-insensitively, ignoring surrounding punctuation."""
    counts = {}
    for raw in text.split():
        word = raw.strip(".,;:!?\\"'()").lower()
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1
    return counts
''', [("counts[word] = counts.get(word, 0) + 1", "counts[word] = counts[word] + 1")], tests='''\
from wordfreq import word_frequencies


def test_simple():
    assert word_frequencies("a b a") == {"a": 2, "b": 1}


def test_case_punct():
    assert word_frequencies("The cat. the CAT!") == {"the": 2, "cat": 2}


def test_only_punct():
    assert word_frequencies("-- ... !!") == {"--": 1}


def test_empty():
    assert word_frequencies("") == {}
''', tests_name="test_wordfreq.py")

    case("c04_flatten_extend", "append instead of extend", 1, "flat.py", '''\
def flatten(items):
    """Flatten arbitrarily nested lists and tuples into one list."""
    out = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
''', [("out.extend(flatten(item))", "out.append(flatten(item))")], tests='''\
assert flatten([1, 2, 3]) == [1, 2, 3]
assert flatten([1, [2, 3], 4]) == [1, 2, 3, 4]
assert flatten([[1, [2, [3]]], (4, 5)]) == [1, 2, 3, 4, 5]
assert flatten([]) == []
assert flatten([[], [[]]]) == []
assert flatten(["ab", ["c"]]) == ["ab", "c"]
''', verify="concat")

    case("c05_csv_split", "split() instead of split(',')", 1, "sales.py", '''\
def total_by_region(lines):
    """Sum the amount column per region from 'region,product,amount' CSV lines (first line is a header)."""
    totals = {}
    for line in lines[1:]:
        line = line.strip()
        if not line:
            continue
        region, _product, amount = line.split(",")
        totals[region] = totals.get(region, 0.0) + float(amount)
    return totals
''', [('line.split(",")', "line.split()")], tests='''\
from sales import total_by_region

HEADER = "region,product,amount"


def test_one_region():
    assert total_by_region([HEADER, "north,apple,2.5", "north,pear,1.5"]) == {"north": 4.0}


def test_two_regions():
    got = total_by_region([HEADER, "north,apple,2", "south,apple,3", "north,fig,1"])
    assert got == {"north": 3.0, "south": 3.0}


def test_blank_lines():
    assert total_by_region([HEADER, "", "east,kiwi,10", "  "]) == {"east": 10.0}


def test_header_only():
    assert total_by_region([HEADER]) == {}
''', tests_name="test_sales.py")

    case("c06_indent_strip", "strip() instead of rstrip() (loses indentation)", 1, "outline.py", '''\
def parse_outline(text, indent=2):
    """Parse an indented outline into (depth, title) pairs; blank lines are skipped."""
    result = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line:
            continue
        spaces = len(line) - len(line.lstrip(" "))
        result.append((spaces // indent, line.strip()))
    return result
''', [("line = raw.rstrip()", "line = raw.strip()")], tests='''\
from outline import parse_outline


def test_flat():
    assert parse_outline("a\\nb") == [(0, "a"), (0, "b")]


def test_nested():
    text = "root\\n  child\\n    leaf\\n  child2"
    assert parse_outline(text) == [(0, "root"), (1, "child"), (2, "leaf"), (1, "child2")]


def test_trailing_space_and_blank():
    assert parse_outline("x  \\n\\n  y   \\n") == [(0, "x"), (1, "y")]


def test_indent_4():
    assert parse_outline("a\\n    b", indent=4) == [(0, "a"), (1, "b")]
''', tests_name="test_outline.py")

    case("c07_avg_floordiv", "// instead of /", 1, "grades.py", '''\
def average_by_student(records):
    """records: list of (name, score). Return {name: mean score} rounded to 2 places."""
    sums = {}
    counts = {}
    for name, score in records:
        sums[name] = sums.get(name, 0) + score
        counts[name] = counts.get(name, 0) + 1
    return {name: round(sums[name] / counts[name], 2) for name in sums}
''', [("round(sums[name] / counts[name], 2)", "round(sums[name] // counts[name], 2)")], tests='''\
def check(candidate):
    assert candidate([("ann", 90), ("ann", 80)]) == {"ann": 85}
    assert candidate([("bob", 70), ("bob", 75)]) == {"bob": 72.5}
    assert candidate([("a", 1), ("b", 2), ("a", 2)]) == {"a": 1.5, "b": 2}
    assert candidate([("c", 10), ("c", 10), ("c", 11)]) == {"c": 10.33}
    assert candidate([]) == {}
''', verify="check", entry="average_by_student")

    case("c08_window_range", "off-by-one in range bound (len-k+1 -> len-k)", 1, "window.py", '''\
def max_window_sum(xs, k):
    """Largest sum of k consecutive elements (None if fewer than k elements)."""
    if k <= 0 or len(xs) < k:
        return None
    window = sum(xs[:k])
    best = window
    for i in range(1, len(xs) - k + 1):
        window += xs[i + k - 1] - xs[i - 1]
        best = max(best, window)
    return best
''', [("range(1, len(xs) - k + 1)", "range(1, len(xs) - k)")], tests='''\
from window import max_window_sum


def test_end_window():
    assert max_window_sum([1, 2, 3, 4, 5], 2) == 9


def test_start_window():
    assert max_window_sum([9, 1, 1, 1], 2) == 10


def test_whole():
    assert max_window_sum([1, 2, 3], 3) == 6


def test_negative():
    assert max_window_sum([-1, -2, -3, -4], 1) == -1


def test_too_short():
    assert max_window_sum([1], 2) is None
''', tests_name="test_window.py")

    case("c09_return_in_loop", "return inside loop instead of after (indentation)", 1, "primes.py", '''\
def primes_up_to(n):
    """All primes <= n by trial division against the primes found so far."""
    primes = []
    for candidate in range(2, n + 1):
        is_prime = True
        for p in primes:
            if p * p > candidate:
                break
            if candidate % p == 0:
                is_prime = False
                break
        if is_prime:
            primes.append(candidate)
    return primes
''', [("            primes.append(candidate)\n    return primes", "            primes.append(candidate)\n        return primes")], tests='''\
from primes import primes_up_to


def test_small():
    assert primes_up_to(10) == [2, 3, 5, 7]


def test_thirty():
    assert primes_up_to(30) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]


def test_edge():
    assert primes_up_to(1) == []
    assert primes_up_to(2) == [2]
''', tests_name="test_primes.py")

    case("c10_missing_return_rec", "missing return on recursive call", 1, "bsrec.py", '''\
def find_rec(xs, target, lo=0, hi=None):
    """Recursive binary search: index of target in sorted xs, or -1."""
    if hi is None:
        hi = len(xs) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return find_rec(xs, target, mid + 1, hi)
    return find_rec(xs, target, lo, mid - 1)
''', [("        return find_rec(xs, target, mid + 1, hi)", "        find_rec(xs, target, mid + 1, hi)")], tests='''\
from bsrec import find_rec


def test_right_half():
    assert find_rec([1, 2, 3, 4, 5, 6, 7], 6) == 5


def test_left_half():
    assert find_rec([1, 2, 3, 4, 5, 6, 7], 2) == 1


def test_mid():
    assert find_rec([1, 2, 3], 2) == 1


def test_missing():
    assert find_rec([1, 2, 3], 9) == -1
    assert find_rec([], 1) == -1
''', tests_name="test_bsrec.py")

    case("c11_mutable_default", "mutable default argument kept by reference", 1, "cart.py", '''\
class Cart:
    def __init__(self, owner, items=[]):
        self.owner = owner
        self.items = list(items)

    def add(self, item, qty=1):
        for _ in range(qty):
            self.items.append(item)
        return len(self.items)

    def count(self, item):
        return sum(1 for x in self.items if x == item)
''', [("        self.items = list(items)", "        self.items = items")], tests='''\
from cart import Cart


def test_fresh_carts_are_independent():
    a = Cart("ann")
    a.add("apple")
    b = Cart("bob")
    assert b.items == []


def test_add_qty():
    c = Cart("cy")
    assert c.add("pear", 3) == 3
    assert c.count("pear") == 3


def test_initial_items_not_aliased():
    start = ["fig"]
    c = Cart("dee", start)
    c.add("fig")
    assert start == ["fig"]
    assert c.count("fig") == 2
''', tests_name="test_cart.py", args=["--function", "__init__"])

    case("c12_is_vs_eq", "`is` instead of `==` on computed ints", 1, "twosum.py", '''\
def pair_with_sum(nums, target):
    """Two pointers on a sorted list: return (i, j) with nums[i] + nums[j] == target, or None."""
    i, j = 0, len(nums) - 1
    while i < j:
        s = nums[i] + nums[j]
        if s == target:
            return (i, j)
        if s < target:
            i += 1
        else:
            j -= 1
    return None
''', [("if s == target:", "if s is target:")], tests='''\
from twosum import pair_with_sum


def test_small():
    assert pair_with_sum([1, 2, 4, 7], 6) == (1, 2)


def test_large_values():
    assert pair_with_sum([1000, 2500, 4000, 9000], 6500) == (1, 2)


def test_big_target():
    assert pair_with_sum([100000, 200000, 300000], 500000) == (1, 2)


def test_none():
    assert pair_with_sum([1, 2, 3], 100) is None
''', tests_name="test_twosum.py")

    case("c13_sort_returns_none", "x.sort() result used instead of sorted(x)", 1, "ranking.py", '''\
def rank_players(scores):
    """scores: {name: points}. Return names ordered by points desc, ties by name."""
    pairs = list(scores.items())
    ordered = sorted(pairs, key=lambda p: (-p[1], p[0]))
    return [name for name, _ in ordered]
''', [("ordered = sorted(pairs, key=lambda p: (-p[1], p[0]))", "ordered = pairs.sort(key=lambda p: (-p[1], p[0]))")], tests='''\
from ranking import rank_players


def test_order():
    assert rank_players({"a": 1, "b": 3, "c": 2}) == ["b", "c", "a"]


def test_ties():
    assert rank_players({"zed": 5, "amy": 5, "bo": 7}) == ["bo", "amy", "zed"]


def test_empty():
    assert rank_players({}) == []
''', tests_name="test_ranking.py")

    case("c14_sort_wrong_key", "wrong key in sorted(key=...)", 1, "people.py", '''\
def youngest_names(people, n):
    """people: list of dicts with 'name' and 'age'. Names of the n youngest, youngest first."""
    by_age = sorted(people, key=lambda person: person["age"])
    return [person["name"] for person in by_age[:n]]
''', [('key=lambda person: person["age"]', 'key=lambda person: person["name"]')], tests='''\
from people import youngest_names

PEOPLE = [
    {"name": "alice", "age": 41},
    {"name": "bob", "age": 19},
    {"name": "carol", "age": 33},
    {"name": "dave", "age": 25},
]


def test_one():
    assert youngest_names(PEOPLE, 1) == ["bob"]


def test_three():
    assert youngest_names(PEOPLE, 3) == ["bob", "dave", "carol"]


def test_all():
    assert youngest_names(PEOPLE, 10) == ["bob", "dave", "carol", "alice"]
''', tests_name="test_people.py")

    case("c15_reverse_missing", "missing reverse=True", 1, "leader.py", '''\
def top_k_scores(scores, k):
    """Return the k highest distinct scores, highest first."""
    if k <= 0:
        return []
    unique = set(scores)
    return sorted(unique, reverse=True)[:k]
''', [("sorted(unique, reverse=True)[:k]", "sorted(unique)[:k]")], tests='''\
assert top_k_scores([10, 50, 30, 50, 20], 2) == [50, 30]
assert top_k_scores([5], 3) == [5]
assert top_k_scores([1, 2, 3], 0) == []
assert top_k_scores([7, 7, 7], 1) == [7]
assert top_k_scores([4, 9, 1, 8], 4) == [9, 8, 4, 1]
''', verify="concat")

    case("c16_except_type", "wrong exception type in except", 1, "ints.py", '''\
def parse_ints(tokens, default=None):
    """Convert each token to int; tokens that are not integers become `default`."""
    out = []
    for tok in tokens:
        try:
            out.append(int(tok.strip()))
        except ValueError:
            out.append(default)
    return out
''', [("except ValueError:", "except TypeError:")], tests='''\
from ints import parse_ints


def test_all_good():
    assert parse_ints(["1", " 2 ", "-3"]) == [1, 2, -3]


def test_bad():
    assert parse_ints(["1", "x", "2.5"]) == [1, None, None]


def test_default():
    assert parse_ints(["", "7"], default=0) == [0, 7]
''', tests_name="test_ints.py")

    case("c17_range_start", "range(1, n) instead of range(n)", 1, "prefix.py", '''\
def running_balance(transactions, opening=0):
    """Balance after each transaction (list of signed amounts)."""
    balances = []
    current = opening
    for i in range(len(transactions)):
        current += transactions[i]
        balances.append(current)
    return balances
''', [("for i in range(len(transactions)):", "for i in range(1, len(transactions)):")], tests='''\
from prefix import running_balance


def test_basic():
    assert running_balance([10, -5, 20]) == [10, 5, 25]


def test_opening():
    assert running_balance([1, 1], opening=100) == [101, 102]


def test_empty():
    assert running_balance([]) == []


def test_single():
    assert running_balance([-3]) == [-3]
''', tests_name="test_prefix.py")

    case("c18_max_for_min", "max instead of min in accumulator", 1, "stock.py", '''\
def max_profit(prices):
    """Best profit from one buy then one later sell (0 if no profit is possible)."""
    if not prices:
        return 0
    lowest = prices[0]
    best = 0
    for price in prices[1:]:
        best = max(best, price - lowest)
        lowest = min(lowest, price)
    return best
''', [("lowest = min(lowest, price)", "lowest = max(lowest, price)")], tests='''\
def check(candidate):
    assert candidate([7, 1, 5, 3, 6, 4]) == 5
    assert candidate([7, 6, 4, 3, 1]) == 0
    assert candidate([2, 4, 1, 7]) == 6
    assert candidate([3, 8, 1, 2]) == 5
    assert candidate([]) == 0
    assert candidate([5]) == 0
''', verify="check", entry="max_profit")
