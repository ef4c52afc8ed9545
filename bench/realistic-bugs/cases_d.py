"""Set d: single-bug cases e01..e20, multi-function cases m01..m12 and two-bug-in-one-function cases v01..v08,
registered by gen_cases.py (see `case` there).

Written by a helper session that did not read Kelp's source (src/) or tests nor run Kelp, as an unseen dev
set: bugs from the PySStuBs / ManySStuBs taxonomies and common Python pitfalls, no more than two bugs of one kind
over the set's 56 bugs. m01..m04 have one bug, in a helper that another tested function or method calls (so the
caller's tests fail too); m05..m12 have two bugs, each in a different function or method of a module or class;
v01..v08 have two bugs of different kinds in one function.
"""


def register(case):
    # ---------------------------------------------------------------- e: one bug in one mid-size function

    case("e01_slugify_runs", "wrong literal (regex class without `+`)", 1, "slug.py", '''\
import re


def slugify(title, max_len=40):
    """URL slug: lower-case ASCII letters and digits; every run of other characters becomes a single '-';
    no leading or trailing '-'; at most max_len characters, cut at a '-' when there is one to cut at."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) <= max_len:
        return slug
    cut = slug[:max_len + 1].rfind("-")
    if cut <= 0:
        return slug[:max_len]
    return slug[:cut]
''', [('r"[^a-z0-9]+"', 'r"[^a-z0-9]"')], tests='''\
from slug import slugify


def test_simple():
    assert slugify("Hello, World!") == "hello-world"


def test_runs_and_ends():
    assert slugify("  Rust & Python: 2024 edition ") == "rust-python-2024-edition"
    assert slugify("---") == ""


def test_non_ascii_is_a_separator():
    assert slugify("Caf\\u00e9 au lait") == "caf-au-lait"


def test_cut_at_dash():
    assert slugify("the quick brown fox jumps", max_len=15) == "the-quick-brown"
    assert slugify("the quick brown fox jumps", max_len=12) == "the-quick"


def test_cut_without_dash():
    assert slugify("abcdefghij", max_len=4) == "abcd"
''', tests_name="test_slug.py")

    case("e02_logline_maxsplit", "missing argument (split without maxsplit)", 1, "logline.py", '''\
LEVELS = ("DEBUG", "INFO", "WARN", "ERROR")


def parse_log_line(line):
    """Parse 'YYYY-MM-DD HH:MM:SS [LEVEL] source: message' into a dict with keys date, time, level, source
    and message (which may contain spaces and colons). ValueError for a malformed line or an unknown level."""
    parts = line.strip().split(" ", 3)
    if len(parts) != 4:
        raise ValueError(f"malformed line: {line!r}")
    date, time, level, rest = parts
    if not (level.startswith("[") and level.endswith("]")):
        raise ValueError(f"malformed level: {level!r}")
    level = level[1:-1]
    if level not in LEVELS:
        raise ValueError(f"unknown level: {level}")
    source, sep, message = rest.partition(": ")
    if not sep or not source:
        raise ValueError(f"missing source: {line!r}")
    return {"date": date, "time": time, "level": level, "source": source, "message": message}
''', [('split(" ", 3)', 'split(" ")')], tests='''\
import pytest

from logline import parse_log_line


def test_full_line():
    assert parse_log_line("2024-03-05 12:30:01 [WARN] disk: almost full") == {
        "date": "2024-03-05", "time": "12:30:01", "level": "WARN", "source": "disk", "message": "almost full"}


def test_message_with_colon_and_newline():
    rec = parse_log_line("2024-03-05 00:00:09 [INFO] api: GET /items: 200\\n")
    assert rec["source"] == "api"
    assert rec["message"] == "GET /items: 200"


def test_one_word_message():
    assert parse_log_line("2024-01-01 10:00:00 [ERROR] db: down")["message"] == "down"


def test_unknown_level():
    with pytest.raises(ValueError):
        parse_log_line("2024-03-05 12:30:01 [LOUD] disk: full")


def test_malformed():
    with pytest.raises(ValueError):
        parse_log_line("2024-03-05 12:30:01")
    with pytest.raises(ValueError):
        parse_log_line("2024-03-05 12:30:01 WARN disk: full")
    with pytest.raises(ValueError):
        parse_log_line("2024-03-05 12:30:01 [WARN] no source here")
''', tests_name="test_logline.py")

    case("e03_to_base_truediv", "/ for // (true division of an int)", 1, "radix.py", '''\
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def to_base(n, base):
    """The integer n written in base 2..36 with upper-case digits; a negative n gets a leading '-'.
    ValueError for a base out of range."""
    if not 2 <= base <= 36:
        raise ValueError(f"base out of range: {base}")
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    digits = []
    while n:
        digits.append(DIGITS[n % base])
        n //= base
    return sign + "".join(reversed(digits))
''', [("n //= base", "n /= base")], tests='''\
import pytest

from radix import to_base


def test_hex_and_binary():
    assert to_base(255, 16) == "FF"
    assert to_base(5, 2) == "101"


def test_zero():
    assert to_base(0, 7) == "0"


def test_negative():
    assert to_base(-10, 2) == "-1010"


def test_base_36():
    assert to_base(35, 36) == "Z"
    assert to_base(36 ** 3, 36) == "1000"


def test_bad_base():
    with pytest.raises(ValueError):
        to_base(10, 1)
    with pytest.raises(ValueError):
        to_base(10, 37)
''', tests_name="test_radix.py")

    case("e04_weekday_march", "`<=` for `<` (March treated as a month of the previous year)", 1, "weekday.py", '''\
def weekday(year, month, day):
    """Day of the week of a Gregorian date, 0 = Monday ... 6 = Sunday, by Zeller's congruence.
    ValueError for a month outside 1..12."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month: {month}")
    if month < 3:
        # January and February count as months 13 and 14 of the previous year
        month += 12
        year -= 1
    k = year % 100
    j = year // 100
    h = (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    # h: 0 = Saturday, 1 = Sunday, ..., 6 = Friday
    return (h + 5) % 7
''', [("if month < 3:", "if month <= 3:")], tests='''\
import datetime

import pytest

from weekday import weekday


def test_known_dates():
    assert weekday(2024, 1, 1) == 0
    assert weekday(2000, 2, 29) == 1
    assert weekday(1969, 7, 20) == 6
    assert weekday(1900, 1, 1) == 0


def test_march():
    assert weekday(2024, 3, 15) == 4


def test_whole_year_against_datetime():
    day = datetime.date(2023, 1, 1)
    while day.year == 2023:
        assert weekday(day.year, day.month, day.day) == day.weekday(), day
        day += datetime.timedelta(days=1)


def test_bad_month():
    with pytest.raises(ValueError):
        weekday(2024, 13, 1)
''', tests_name="test_weekday.py")

    case("e05_toposort_indent", "wrong indentation (the final check moved into the loop)", 1, "buildorder.py", '''\
import heapq


def build_order(deps):
    """deps maps a task to the tasks it depends on. Return all tasks in an order where each comes after its
    dependencies, taking the alphabetically smallest ready task first. ValueError on a dependency cycle."""
    tasks = set(deps)
    for reqs in deps.values():
        tasks.update(reqs)
    waiting = {t: 0 for t in tasks}
    users = {t: [] for t in tasks}
    for task, reqs in deps.items():
        for r in set(reqs):
            waiting[task] += 1
            users[r].append(task)
    ready = [t for t in tasks if waiting[t] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        t = heapq.heappop(ready)
        order.append(t)
        for u in users[t]:
            waiting[u] -= 1
            if waiting[u] == 0:
                heapq.heappush(ready, u)
    if len(order) != len(tasks):
        raise ValueError("dependency cycle")
    return order
''', [("    if len(order) != len(tasks):\n        raise ValueError(\"dependency cycle\")\n",
       "        if len(order) != len(tasks):\n            raise ValueError(\"dependency cycle\")\n")], tests='''\
import pytest

from buildorder import build_order


def test_diamond():
    assert build_order({"a": ["b", "c"], "b": ["d"], "c": ["d"]}) == ["d", "b", "c", "a"]


def test_independent_alphabetical():
    assert build_order({"x": [], "a": []}) == ["a", "x"]


def test_chain():
    assert build_order({"c": ["b"], "b": ["a"]}) == ["a", "b", "c"]


def test_duplicate_dependency():
    assert build_order({"app": ["lib", "lib"]}) == ["lib", "app"]


def test_empty():
    assert build_order({}) == []


def test_cycle():
    with pytest.raises(ValueError):
        build_order({"a": ["b"], "b": ["a"]})
''', tests_name="test_buildorder.py")

    case("e06_edit_distance_diag", "off-by-one index (prev[j] for prev[j - 1])", 1, "editdist.py", '''\
def edit_distance(a, b):
    """Levenshtein distance: the fewest single-character inserts, deletes and substitutions turning a into b."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1,          # delete ca
                         cur[j - 1] + 1,       # insert cb
                         prev[j - 1] + cost)   # keep or substitute
        prev = cur
    return prev[-1]
''', [("prev[j - 1] + cost", "prev[j] + cost")], tests='''\
from editdist import edit_distance


def test_classic():
    assert edit_distance("kitten", "sitting") == 3


def test_empty():
    assert edit_distance("", "abc") == 3
    assert edit_distance("abc", "") == 3
    assert edit_distance("", "") == 0


def test_equal():
    assert edit_distance("same", "same") == 0


def test_substitution_and_shift():
    assert edit_distance("a", "b") == 1
    assert edit_distance("flaw", "lawn") == 2
''', tests_name="test_editdist.py")

    case("e07_table_width_var", "wrong variable (rows for cells)", 1, "table.py", '''\
def format_table(headers, rows):
    """Render rows as a plain-text table: each column as wide as its widest cell (header included), columns
    separated by two spaces, numeric columns right-aligned and others left-aligned, a dashed rule under the
    header, no trailing spaces."""
    cells = [[str(h) for h in headers]] + [[str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [bool(rows) and all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(headers))]
    lines = []
    for row in cells:
        parts = [cell.rjust(w) if num else cell.ljust(w) for cell, w, num in zip(row, widths, numeric)]
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\\n".join(lines)
''', [("max(len(row[i]) for row in cells)", "max(len(row[i]) for row in rows)")], tests='''\
from table import format_table


def test_text_and_numbers():
    assert format_table(["name", "qty"], [["apple", 3], ["kiwi", 12]]).splitlines() == [
        "name   qty",
        "-----  ---",
        "apple    3",
        "kiwi    12",
    ]


def test_header_wider_than_cells():
    assert format_table(["name", "city"], [["Al", "Oslo"]]).splitlines() == [
        "name  city",
        "----  ----",
        "Al    Oslo",
    ]


def test_no_rows():
    assert format_table(["a", "bb"], []) == "a  bb\\n-  --"


def test_no_trailing_spaces():
    assert format_table(["x", "note"], [[1, "hi"]]).splitlines()[2] == "1  hi"


def test_floats_right_aligned():
    assert format_table(["price"], [[1.5], [10.25]]) == "price\\n-----\\n  1.5\\n10.25"


def test_mixed_column_is_text():
    assert format_table(["v"], [[1], ["one"]]) == "v\\n---\\n1\\none"
''', tests_name="test_table.py")

    case("e08_monthly_slice", "wrong slice bound (date[:6] for date[:7])", 1, "ledger.py", '''\
def monthly_totals(transactions):
    """transactions: (ISO date 'YYYY-MM-DD', category, amount in cents). Returns {'YYYY-MM': {category: total}}
    with refunds (negative amounts) netted; categories netting to zero are left out (a month may map to {}).
    ValueError for a malformed date."""
    months = {}
    for date, category, amount in transactions:
        if len(date) != 10 or date[4] != "-" or date[7] != "-":
            raise ValueError(f"bad date: {date!r}")
        month = date[:7]
        per_cat = months.setdefault(month, {})
        per_cat[category] = per_cat.get(category, 0) + amount
    return {month: {c: t for c, t in cats.items() if t != 0} for month, cats in months.items()}
''', [("month = date[:7]", "month = date[:6]")], tests='''\
import pytest

from ledger import monthly_totals


def test_two_months():
    tx = [("2024-01-05", "food", 1200), ("2024-01-20", "food", 800), ("2024-02-01", "rent", 50000)]
    assert monthly_totals(tx) == {"2024-01": {"food": 2000}, "2024-02": {"rent": 50000}}


def test_refund_netted_and_zero_dropped():
    tx = [("2023-11-02", "books", 3000), ("2023-11-09", "books", -3000), ("2023-11-10", "games", 500),
          ("2023-11-11", "games", -200)]
    assert monthly_totals(tx) == {"2023-11": {"games": 300}}


def test_month_with_nothing_left():
    assert monthly_totals([("2023-12-01", "x", 5), ("2023-12-02", "x", -5)]) == {"2023-12": {}}


def test_empty():
    assert monthly_totals([]) == {}


def test_bad_date():
    with pytest.raises(ValueError):
        monthly_totals([("2024/01/05", "food", 1)])
''', tests_name="test_ledger.py")

    case("e09_flatten_swapped", "arguments swapped in a recursive call", 1, "flatdict.py", '''\
def flatten_dict(d, sep=".", prefix=""):
    """Flatten nested dicts into one level, joining keys with sep: {'a': {'b': 1}} -> {'a.b': 1}.
    Keys are turned into strings; an empty nested dict is kept as a value."""
    flat = {}
    for key, value in d.items():
        name = f"{prefix}{sep}{key}" if prefix else str(key)
        if isinstance(value, dict) and value:
            flat.update(flatten_dict(value, sep, name))
        else:
            flat[name] = value
    return flat
''', [("flatten_dict(value, sep, name)", "flatten_dict(value, name, sep)")], tests='''\
from flatdict import flatten_dict


def test_nested():
    assert flatten_dict({"a": {"b": 1, "c": {"d": 2}}, "e": 3}) == {"a.b": 1, "a.c.d": 2, "e": 3}


def test_custom_separator():
    assert flatten_dict({"db": {"host": "x", "port": 5432}}, sep="/") == {"db/host": "x", "db/port": 5432}


def test_empty_nested_kept():
    assert flatten_dict({"a": {}, "b": None}) == {"a": {}, "b": None}


def test_non_string_keys():
    assert flatten_dict({1: {2: "x"}}) == {"1.2": "x"}


def test_flat_input():
    assert flatten_dict({"k": [1, 2]}) == {"k": [1, 2]}
''', tests_name="test_flatdict.py")

    case("e10_justseen_sentinel", "wrong initial value (None for a sentinel)", 1, "justseen.py", '''\
_MISSING = object()


def unique_justseen(iterable, key=None):
    """Yield the items of iterable, skipping any that equal (compared by key, when given) the item just
    before: 'AAAABBBCCDAABBB' -> A B C D A B. Any values, None included, may occur."""
    last = _MISSING
    for item in iterable:
        k = item if key is None else key(item)
        if last is _MISSING or k != last:
            yield item
        last = k
''', [("    last = _MISSING\n", "    last = None\n")], tests='''\
from justseen import unique_justseen


def test_letters():
    assert list(unique_justseen("AAAABBBCCDAABBB")) == ["A", "B", "C", "D", "A", "B"]


def test_key():
    assert list(unique_justseen("aAbBa", key=str.lower)) == ["a", "b", "a"]


def test_none_values():
    assert list(unique_justseen([None, None, 1, None])) == [None, 1, None]


def test_empty():
    assert list(unique_justseen([])) == []


def test_lazy():
    gen = unique_justseen(iter([1, 1, 2]))
    assert next(gen) == 1
    assert next(gen) == 2
''', tests_name="test_justseen.py")

    case("e11_roundrobin_except", "wrong exception caught (IndexError for StopIteration)", 1, "roundrobin.py", '''\
def roundrobin(*iterables):
    """Yield one item from each iterable in turn, dropping those that run out:
    roundrobin('ABC', 'D', 'EF') -> A D E B F C."""
    iterators = [iter(it) for it in iterables]
    while iterators:
        alive = []
        for it in iterators:
            try:
                item = next(it)
            except StopIteration:
                continue
            yield item
            alive.append(it)
        iterators = alive
''', [("except StopIteration:", "except IndexError:")], tests='''\
from roundrobin import roundrobin


def test_strings():
    assert "".join(roundrobin("ABC", "D", "EF")) == "ADEBFC"


def test_no_iterables():
    assert list(roundrobin()) == []


def test_all_empty():
    assert list(roundrobin([], "")) == []


def test_ranges():
    assert list(roundrobin(range(3), range(10, 12))) == [0, 10, 1, 11, 2]
''', tests_name="test_roundrobin.py")

    case("e12_matmul_row_init", "accumulator initialised outside the loop (row = [] before `for i`)", 1,
         "matmul.py", '''\
def matmul(a, b):
    """Product of two matrices given as lists of rows. ValueError for an empty matrix or when a's rows are
    not as long as b has rows."""
    if not a or not b:
        raise ValueError("empty matrix")
    n, m, p = len(a), len(b), len(b[0])
    if any(len(row) != m for row in a):
        raise ValueError("inner dimensions differ")
    result = []
    for i in range(n):
        row = []
        for j in range(p):
            row.append(sum(a[i][k] * b[k][j] for k in range(m)))
        result.append(row)
    return result
''', [("    result = []\n    for i in range(n):\n        row = []\n",
       "    result = []\n    row = []\n    for i in range(n):\n")], tests='''\
import pytest

from matmul import matmul


def test_square():
    assert matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]) == [[19, 22], [43, 50]]


def test_rectangular():
    assert matmul([[1, 2, 3], [4, 5, 6]], [[1], [0], [2]]) == [[7], [16]]


def test_identity():
    m = [[2, -1], [0, 3]]
    assert matmul(m, [[1, 0], [0, 1]]) == m


def test_one_by_one():
    assert matmul([[3]], [[4]]) == [[12]]


def test_errors():
    with pytest.raises(ValueError):
        matmul([[1, 2]], [[1, 2]])
    with pytest.raises(ValueError):
        matmul([], [[1]])
''', tests_name="test_matmul.py")

    case("e13_comments_elif", "`if` for `elif` in a state machine (escaped quote closes the string)", 1,
         "comments.py", '''\
def strip_comment(line):
    """Remove a '#' comment from a line of Python-like code, ignoring '#' inside '...' or "..." strings (in
    which a backslash escapes the next character); trailing whitespace is removed too."""
    quote = None
    escaped = False
    for i, ch in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\\\":
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "'\\"":
            quote = ch
        elif ch == "#":
            return line[:i].rstrip()
    return line.rstrip()
''', [("            elif ch == quote:", "            if ch == quote:")], tests='''\
from comments import strip_comment


def test_plain_comment():
    assert strip_comment("x = 1  # set x") == "x = 1"


def test_hash_in_string():
    assert strip_comment("s = '#not a comment'") == "s = '#not a comment'"
    assert strip_comment('d = {"k#": 1}#x') == 'd = {"k#": 1}'


def test_escaped_quote():
    assert strip_comment(r'x = "a\\"#"  # c') == r'x = "a\\"#"'
    assert strip_comment(r"y = 'it\\'s # here'") == r"y = 'it\\'s # here'"


def test_whole_line_and_no_comment():
    assert strip_comment("# only a comment") == ""
    assert strip_comment("no comment   ") == "no comment"
''', tests_name="test_comments.py")

    case("e14_camel_and", "`and` for `or`", 1, "casing.py", '''\
def camel_to_snake(name):
    """'parseHTTPResponse' -> 'parse_http_response', 'userID2' -> 'user_id2', 'v2Beta' -> 'v2_beta';
    an upper-case letter starts a new word after a lower-case letter or digit, or when it begins a
    capitalised word after an acronym. snake_case input is unchanged."""
    out = []
    for i, ch in enumerate(name):
        if ch.isupper():
            prev = name[i - 1] if i > 0 else ""
            nxt = name[i + 1] if i + 1 < len(name) else ""
            if prev and prev != "_" and (prev.islower() or prev.isdigit() or nxt.islower()):
                out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)
''', [("prev.isdigit() or nxt.islower()", "prev.isdigit() and nxt.islower()")], tests='''\
from casing import camel_to_snake


def test_simple():
    assert camel_to_snake("getX") == "get_x"
    assert camel_to_snake("userName") == "user_name"


def test_acronyms():
    assert camel_to_snake("parseHTTPResponse") == "parse_http_response"
    assert camel_to_snake("HTTPServer") == "http_server"
    assert camel_to_snake("userID2") == "user_id2"


def test_digits():
    assert camel_to_snake("v2Beta") == "v2_beta"


def test_unchanged_and_edges():
    assert camel_to_snake("already_snake") == "already_snake"
    assert camel_to_snake("snake_Case") == "snake_case"
    assert camel_to_snake("") == ""
    assert camel_to_snake("A") == "a"
''', tests_name="test_casing.py")

    case("e15_ini_continue", "missing continue (section header parsed as a key)", 1, "ini.py", '''\
def parse_ini(text):
    """Parse INI text into {section: {key: value}}. Keys before any section go in section '' (left out
    when empty); a repeated section adds to the first; ';' and '#' start comment lines; keys are
    lower-cased; values may contain '='. ValueError (with the line number) for a line without '='."""
    data = {"": {}}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            data.setdefault(section, {})
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {number}: expected key = value")
        data[section][key.strip().lower()] = value.strip()
    if not data[""]:
        del data[""]
    return data
''', [("            data.setdefault(section, {})\n            continue\n",
       "            data.setdefault(section, {})\n")], tests='''\
import pytest

from ini import parse_ini


def test_sections():
    text = """
[server]
host = example.org
Port = 8080

[client]
retries=3
"""
    assert parse_ini(text) == {"server": {"host": "example.org", "port": "8080"}, "client": {"retries": "3"}}


def test_global_keys_and_comments():
    text = """
; settings
debug = yes
# another comment
[x]
url = http://h/?a=b
"""
    assert parse_ini(text) == {"": {"debug": "yes"}, "x": {"url": "http://h/?a=b"}}


def test_repeated_section_merges():
    assert parse_ini("[a]\\nx=1\\n[b]\\ny=2\\n[a]\\nz=3") == {"a": {"x": "1", "z": "3"}, "b": {"y": "2"}}


def test_empty():
    assert parse_ini("") == {}


def test_bad_line():
    with pytest.raises(ValueError, match="line 3"):
        parse_ini("[a]\\nk=v\\nnonsense")
''', tests_name="test_ini.py")

    case("e16_describe_floordiv", "// for /", 1, "describe.py", '''\
import math


def describe(xs):
    """(count, mean, sample standard deviation, min, max) of a non-empty sequence of numbers; the
    standard deviation of a single value is 0.0. ValueError for no data."""
    n = len(xs)
    if n == 0:
        raise ValueError("no data")
    mean = sum(xs) / n
    if n == 1:
        return (1, mean, 0.0, xs[0], xs[0])
    ss = sum((x - mean) ** 2 for x in xs)
    return (n, mean, math.sqrt(ss / (n - 1)), min(xs), max(xs))
''', [("mean = sum(xs) / n", "mean = sum(xs) // n")], tests='''\
import math

import pytest

from describe import describe


def test_classic():
    n, mean, sd, lo, hi = describe([2, 4, 4, 4, 5, 5, 7, 9])
    assert (n, mean, lo, hi) == (8, 5.0, 2, 9)
    assert sd == pytest.approx(math.sqrt(32 / 7))


def test_fractional_mean():
    n, mean, sd, lo, hi = describe([1, 2])
    assert mean == 1.5
    assert sd == pytest.approx(math.sqrt(0.5))


def test_single():
    assert describe([3]) == (1, 3.0, 0.0, 3, 3)


def test_negative_floats():
    n, mean, sd, lo, hi = describe([-1.5, -0.5])
    assert mean == -1.0 and lo == -1.5 and hi == -0.5


def test_empty():
    with pytest.raises(ValueError):
        describe([])
''', tests_name="test_describe.py")

    case("e17_components_find", "helper call dropped (parent[node] for find(node))", 1, "components.py", '''\
def components(n, edges):
    """Connected components of an undirected graph on nodes 0..n-1: a list of sorted lists, ordered by
    their smallest node."""
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for node in range(n):
        groups.setdefault(find(node), []).append(node)
    return sorted(groups.values())
''', [("groups.setdefault(find(node), [])", "groups.setdefault(parent[node], [])")], tests='''\
from components import components


def test_two_pairs_and_a_single():
    assert components(5, [(0, 1), (3, 4)]) == [[0, 1], [2], [3, 4]]


def test_chain_in_reverse():
    assert components(4, [(2, 3), (1, 2), (0, 1)]) == [[0, 1, 2, 3]]


def test_no_edges():
    assert components(3, []) == [[0], [1], [2]]


def test_empty_graph():
    assert components(0, []) == []


def test_loops_and_duplicates():
    assert components(4, [(1, 1), (3, 1), (1, 3), (2, 0)]) == [[0, 2], [1, 3]]
''', tests_name="test_components.py")

    case("e18_lcs_range_stop", "off-by-one range stop (row 0 never filled)", 1, "lcs.py", '''\
def lcs(a, b):
    """A longest common subsequence of strings a and b; when both choices keep the length, it skips a
    character of a rather than of b."""
    m, n = len(a), len(b)
    table = [[0] * (n + 1) for _ in range(m + 1)]   # table[i][j]: LCS length of a[i:] and b[j:]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i = j = 0
    while i < m and j < n:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return "".join(out)
''', [("for i in range(m - 1, -1, -1):", "for i in range(m - 1, 0, -1):")], tests='''\
from lcs import lcs


def is_subsequence(s, t):
    it = iter(t)
    return all(ch in it for ch in s)


def test_prefix_in_b():
    assert lcs("AB", "XAB") == "AB"


def test_classic_length():
    result = lcs("ABCBDAB", "BDCABA")
    assert len(result) == 4
    assert is_subsequence(result, "ABCBDAB") and is_subsequence(result, "BDCABA")


def test_unique_answer():
    assert lcs("XMJYAUZ", "MZJAWXU") == "MJAU"


def test_edges():
    assert lcs("", "abc") == ""
    assert lcs("abc", "def") == ""
    assert lcs("abc", "abc") == "abc"
''', tests_name="test_lcs.py")

    case("e19_windows_copy", "missing copy (the live deque yielded instead of a tuple)", 1, "windows.py", '''\
from collections import deque


def windows(iterable, n, step=1):
    """Yield tuples of n consecutive items, moving on by step items each time; a final partial window is
    not yielded: windows('ABCDE', 3) -> ABC BCD CDE; windows('ABCDEFG', 3, step=2) -> ABC CDE EFG.
    ValueError unless n and step are positive."""
    if n < 1 or step < 1:
        raise ValueError("n and step must be positive")
    window = deque(maxlen=n)
    skip = 0
    for item in iterable:
        window.append(item)
        if skip:
            skip -= 1
            continue
        if len(window) == n:
            yield tuple(window)
            skip = step - 1
''', [("yield tuple(window)", "yield window")], tests='''\
import pytest

from windows import windows


def test_step_one():
    assert list(windows("ABCDE", 3)) == [("A", "B", "C"), ("B", "C", "D"), ("C", "D", "E")]


def test_step_two():
    assert ["".join(w) for w in windows("ABCDEFG", 3, step=2)] == ["ABC", "CDE", "EFG"]


def test_step_larger_than_window():
    assert list(windows(range(10), 2, step=4)) == [(0, 1), (4, 5), (8, 9)]


def test_too_short():
    assert list(windows([1, 2], 3)) == []


def test_bad_arguments():
    with pytest.raises(ValueError):
        list(windows("abc", 0))
    with pytest.raises(ValueError):
        list(windows("abc", 2, step=0))
''', tests_name="test_windows.py")

    case("e20_human_size_abs", "missing abs() (negative sizes never scaled)", 1, "humansize.py", '''\
UNITS = ["B", "KiB", "MiB", "GiB", "TiB"]


def human_size(n, precision=1):
    """A byte count with binary units: 512 -> '512 B', 1536 -> '1.5 KiB', 1048576 -> '1.0 MiB'.
    Plain bytes get no decimals; a negative count keeps its sign; TiB is the largest unit."""
    sign = "-" if n < 0 else ""
    size = abs(n)
    unit = 0
    while size >= 1024 and unit < len(UNITS) - 1:
        size /= 1024
        unit += 1
    if unit == 0:
        return f"{sign}{size} B"
    return f"{sign}{size:.{precision}f} {UNITS[unit]}"
''', [("size = abs(n)", "size = n")], tests='''\
from humansize import human_size


def test_bytes():
    assert human_size(0) == "0 B"
    assert human_size(512) == "512 B"


def test_scaled():
    assert human_size(1536) == "1.5 KiB"
    assert human_size(1048576) == "1.0 MiB"


def test_precision():
    assert human_size(1234567, precision=2) == "1.18 MiB"


def test_negative():
    assert human_size(-2048) == "-2.0 KiB"
    assert human_size(-5) == "-5 B"


def test_largest_unit():
    assert human_size(2 ** 50) == "1024.0 TiB"
''', tests_name="test_humansize.py")

    # ---------------------------------------------------------------- m: bugs spread over a module or a class
    # m01..m04: one bug, in a helper that the tested entry points call

    case("m01_durations_helper", "= for += in the helper parse_duration (seen through total_duration)", 1,
         "durations.py", '''\
import re

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
TOKEN = re.compile(r"(\\d+)([dhms])")


def parse_duration(text):
    """'1h30m' -> 5400 seconds. Units d, h, m and s, each at most once and largest first; spaces are
    ignored. ValueError for anything else."""
    text = text.replace(" ", "").lower()
    if not text:
        raise ValueError("empty duration")
    pos = 0
    total = 0
    seen = []
    for m in TOKEN.finditer(text):
        if m.start() != pos:
            raise ValueError(f"bad duration: {text!r}")
        number, unit = m.groups()
        if seen and "dhms".index(unit) <= "dhms".index(seen[-1]):
            raise ValueError(f"units out of order: {text!r}")
        seen.append(unit)
        total += int(number) * UNITS[unit]
        pos = m.end()
    if pos != len(text):
        raise ValueError(f"bad duration: {text!r}")
    return total


def describe_duration(seconds):
    """5400 -> '1h 30m', 0 -> '0s': the non-zero units, largest first. ValueError for a negative count."""
    if seconds < 0:
        raise ValueError("negative duration")
    parts = []
    for unit in "dhms":
        count, seconds = divmod(seconds, UNITS[unit])
        if count:
            parts.append(f"{count}{unit}")
    return " ".join(parts) or "0s"


def total_duration(texts):
    """The sum of several durations, described: ['1h30m', '45m'] -> '2h 15m'."""
    return describe_duration(sum(parse_duration(t) for t in texts))
''', [("total += int(number) * UNITS[unit]", "total = int(number) * UNITS[unit]")], tests='''\
import pytest

from durations import describe_duration, parse_duration, total_duration


def test_parse():
    assert parse_duration("1h30m") == 5400
    assert parse_duration("2d") == 172800
    assert parse_duration("1H 2m 3s") == 3723


def test_parse_errors():
    for bad in ["", "90", "1x", "30m1h", "1h1h", "h", "1h 30"]:
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_describe():
    assert describe_duration(5400) == "1h 30m"
    assert describe_duration(90061) == "1d 1h 1m 1s"
    assert describe_duration(0) == "0s"
    with pytest.raises(ValueError):
        describe_duration(-1)


def test_total():
    assert total_duration(["1h30m", "45m"]) == "2h 15m"
    assert total_duration(["1d23h", "59m", "61s"]) == "2d 1s"


def test_total_empty():
    assert total_duration([]) == "0s"
''', tests_name="test_durations.py")

    case("m02_lru_touch", "wrong method (insert(0, k) for append(k)) in the helper _touch (seen through get/put)", 1,
         "lru.py", '''\
class LRUCache:
    """A mapping that holds at most `capacity` entries and evicts the least recently used one."""

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data = {}
        self._order = []  # keys, least recently used first

    def _touch(self, key):
        """Mark key as the most recently used."""
        if key in self._order:
            self._order.remove(key)
        self._order.append(key)

    def get(self, key, default=None):
        """The value for key (which counts as a use), or default."""
        if key not in self._data:
            return default
        self._touch(key)
        return self._data[key]

    def put(self, key, value):
        """Set key to value (a use), evicting the least recently used entry when over capacity."""
        self._data[key] = value
        self._touch(key)
        if len(self._data) > self.capacity:
            oldest = self._order.pop(0)
            del self._data[oldest]

    def keys(self):
        """Keys from the least to the most recently used."""
        return list(self._order)
''', [("self._order.append(key)", "self._order.insert(0, key)")], tests='''\
import pytest

from lru import LRUCache


def test_get_and_default():
    c = LRUCache(2)
    c.put("a", 1)
    assert c.get("a") == 1
    assert c.get("zz") is None
    assert c.get("zz", 0) == 0


def test_evicts_least_recent():
    c = LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    c.get("a")
    c.put("c", 3)
    assert c.get("b") is None
    assert c.get("a") == 1
    assert c.get("c") == 3


def test_update_counts_as_use():
    c = LRUCache(2)
    c.put("a", 1)
    c.put("b", 2)
    c.put("a", 10)
    c.put("c", 3)
    assert c.keys() == ["a", "c"]
    assert c.get("a") == 10


def test_keys_order():
    c = LRUCache(3)
    for k in "xyz":
        c.put(k, k)
    c.get("x")
    assert c.keys() == ["y", "z", "x"]


def test_bad_capacity():
    with pytest.raises(ValueError):
        LRUCache(0)
''', tests_name="test_lru.py")

    case("m03_sentences_not", "missing `not` in the helper split_sentences (seen through the statistics)", 1,
         "sentences.py", '''\
import re


def split_sentences(text):
    """Split text into sentences ending in '.', '!' or '?' (the last may lack one), each with its
    whitespace normalised to single spaces; empty pieces are dropped."""
    sentences = []
    for piece in re.split(r"(?<=[.!?])\\s+", text):
        piece = " ".join(piece.split())
        if not piece:
            continue
        sentences.append(piece)
    return sentences


def words(sentence):
    """The words of a sentence: runs of letters, digits and apostrophes."""
    return re.findall(r"[A-Za-z0-9']+", sentence)


def average_sentence_length(text):
    """Mean number of words per sentence; 0.0 for text without sentences."""
    sentences = split_sentences(text)
    if not sentences:
        return 0.0
    return sum(len(words(s)) for s in sentences) / len(sentences)


def longest_sentence(text):
    """The sentence with the most words (the first of equals); '' for text without sentences."""
    return max(split_sentences(text), key=lambda s: len(words(s)), default="")
''', [("        if not piece:\n", "        if piece:\n")], tests='''\
from sentences import average_sentence_length, longest_sentence, split_sentences, words


def test_split():
    assert split_sentences("Hi there.  How are you?\\nFine!") == ["Hi there.", "How are you?", "Fine!"]


def test_split_last_without_stop():
    assert split_sentences("One. Two") == ["One.", "Two"]


def test_split_blank():
    assert split_sentences("   ") == []


def test_words():
    assert words("It's 5 o'clock, Bob.") == ["It's", "5", "o'clock", "Bob"]


def test_average():
    assert average_sentence_length("I am here. You are there too!") == 3.5
    assert average_sentence_length("") == 0.0


def test_longest():
    assert longest_sentence("Short one. This one is\\n  longer. Tiny.") == "This one is longer."
    assert longest_sentence("") == ""
''', tests_name="test_sentences.py")

    case("m04_routes_default", "wrong dict default (get(y, 0) for get(y, w)) in the helper parse_edges", 1,
         "routes.py", '''\
import heapq


def parse_edges(text):
    """Undirected weighted edges, one 'A B weight' per line ('#' starts a comment, blank lines are skipped),
    as an adjacency dict {node: {neighbour: weight}}; of duplicate edges the lighter is kept."""
    graph = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        a, b, w = line.split()
        w = int(w)
        for x, y in ((a, b), (b, a)):
            nbrs = graph.setdefault(x, {})
            nbrs[y] = min(w, nbrs.get(y, w))
    return graph


def shortest_distances(graph, start):
    """Dijkstra: {node: distance from start} for every node reachable from start."""
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist[node]:
            continue
        for nbr, w in graph.get(node, {}).items():
            nd = d + w
            if nd < dist.get(nbr, float("inf")):
                dist[nbr] = nd
                heapq.heappush(heap, (nd, nbr))
    return dist


def route_length(text, start, goal):
    """Length of the shortest route from start to goal over the edges in text; None if there is none."""
    return shortest_distances(parse_edges(text), start).get(goal)
''', [("nbrs.get(y, w)", "nbrs.get(y, 0)")], tests='''\
import pytest

from routes import parse_edges, route_length, shortest_distances

TEXT = """
# roads
A B 4
A C 1
C B 2
B D 5
C D 8   # slow road
A B 3
"""


def test_parse():
    g = parse_edges(TEXT)
    assert g["A"] == {"B": 3, "C": 1}
    assert g["B"] == {"A": 3, "C": 2, "D": 5}


def test_parse_bad_line():
    with pytest.raises(ValueError):
        parse_edges("A B")


def test_distances():
    assert shortest_distances(parse_edges(TEXT), "A") == {"A": 0, "B": 3, "C": 1, "D": 8}


def test_distances_hand_built_graph():
    g = {"x": {"y": 2}, "y": {"x": 2}, "z": {}}
    assert shortest_distances(g, "x") == {"x": 0, "y": 2}


def test_route():
    assert route_length(TEXT, "D", "A") == 8
    assert route_length(TEXT, "A", "A") == 0


def test_no_route():
    assert route_length("p q 1\\nr s 1", "p", "s") is None
''', tests_name="test_routes.py")

    # m05..m12: two bugs, each in a different function or method

    case("m05_gradebook", "2 bugs in 2 methods: `>` for `>=` (letter); missing unary minus in a sort key (ranking)",
         2, "gradebook.py", '''\
class Gradebook:
    """Scores per student, with averages, letter grades and a ranking."""

    CUTOFFS = [(90, "A"), (80, "B"), (70, "C"), (60, "D")]

    def __init__(self):
        self._scores = {}

    def add(self, student, score):
        """Record a score in 0..100; ValueError otherwise."""
        if not 0 <= score <= 100:
            raise ValueError(f"score out of range: {score}")
        self._scores.setdefault(student, []).append(score)

    def average(self, student):
        """Mean score of a student; KeyError for an unknown student."""
        scores = self._scores[student]
        return sum(scores) / len(scores)

    def letter(self, student):
        """'A' for an average of at least 90, 'B' from 80, 'C' from 70, 'D' from 60, else 'F'."""
        avg = self.average(student)
        for cutoff, grade in self.CUTOFFS:
            if avg >= cutoff:
                return grade
        return "F"

    def ranking(self):
        """Students by average, best first; equal averages by name."""
        return sorted(self._scores, key=lambda s: (-self.average(s), s))
''', [("if avg >= cutoff:", "if avg > cutoff:"),
      ("key=lambda s: (-self.average(s), s)", "key=lambda s: (self.average(s), s)")], tests='''\
import pytest

from gradebook import Gradebook


def test_average():
    g = Gradebook()
    g.add("ann", 80)
    g.add("ann", 91)
    assert g.average("ann") == 85.5


def test_letters():
    g = Gradebook()
    for name, score in [("a", 95), ("b", 90), ("c", 79.5), ("d", 60), ("e", 59)]:
        g.add(name, score)
    assert [g.letter(s) for s in "abcde"] == ["A", "A", "C", "D", "F"]


def test_ranking():
    g = Gradebook()
    for name, score in [("bob", 70), ("amy", 90), ("cat", 90), ("dan", 85)]:
        g.add(name, score)
    assert g.ranking() == ["amy", "cat", "dan", "bob"]


def test_unknown_student():
    with pytest.raises(KeyError):
        Gradebook().average("nobody")


def test_bad_score():
    g = Gradebook()
    with pytest.raises(ValueError):
        g.add("x", 101)
    with pytest.raises(ValueError):
        g.add("x", -1)
''', tests_name="test_gradebook.py")

    case("m06_csv_report", "2 bugs in 2 functions: extra argument (split(',', 1)) in parse_rows; "
         "wrong format spec (.2 for .2f) in render", 2, "csvreport.py", '''\
def parse_rows(text):
    """Parse CSV text (no quoting) with a header line into a list of dicts; spaces around fields are
    stripped and blank lines skipped. ValueError for a row with the wrong number of fields."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    header = [h.strip() for h in lines[0].split(",")]
    rows = []
    for line in lines[1:]:
        values = [v.strip() for v in line.split(",")]
        if len(values) != len(header):
            raise ValueError(f"expected {len(header)} fields: {line!r}")
        rows.append(dict(zip(header, values)))
    return rows


def group_sum(rows, key, field):
    """{row[key]: sum of float(row[field])} over the rows."""
    totals = {}
    for row in rows:
        totals[row[key]] = totals.get(row[key], 0) + float(row[field])
    return totals


def render(totals):
    """One 'name: total' line per group, largest total first (equal totals by name), 2 decimals."""
    items = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\\n".join(f"{name}: {total:.2f}" for name, total in items)


def report(text, key, field):
    """The rendered sums of field per key over the CSV text."""
    return render(group_sum(parse_rows(text), key, field))
''', [('line.split(",")', 'line.split(",", 1)'), ("{total:.2f}", "{total:.2}")], tests='''\
import pytest

from csvreport import group_sum, parse_rows, render, report

TEXT = "region, amount\\nnorth, 10.5\\nsouth, 4\\n\\nnorth, 2\\neast, 12.5\\n"


def test_parse_rows():
    assert parse_rows("a,b,c\\n1, 2 ,3\\n") == [{"a": "1", "b": "2", "c": "3"}]
    assert parse_rows("") == []


def test_parse_rows_bad_field_count():
    with pytest.raises(ValueError):
        parse_rows("a,b\\n1,2,3")


def test_group_sum():
    assert group_sum(parse_rows(TEXT), "region", "amount") == {"north": 12.5, "south": 4.0, "east": 12.5}


def test_render():
    assert render({"x": 3, "y": 10.256}) == "y: 10.26\\nx: 3.00"
    assert render({}) == ""


def test_report():
    assert report(TEXT, "region", "amount") == "east: 12.50\\nnorth: 12.50\\nsouth: 4.00"


def test_report_three_columns():
    text = "day,shop,sales\\nmon,a,5\\ntue,b,7.25\\nwed,a,1\\n"
    assert report(text, "shop", "sales") == "b: 7.25\\na: 6.00"
''', tests_name="test_csvreport.py")

    case("m07_inventory", "2 bugs in 2 methods: + for - (available); wrong method (get for pop) (ship)", 2,
         "inventory.py", '''\
class Inventory:
    """Stock levels per SKU, with reservations that are later shipped."""

    def __init__(self):
        self._stock = {}
        self._reserved = {}

    def receive(self, sku, qty):
        """Add qty (> 0) units to the stock; ValueError otherwise."""
        if qty <= 0:
            raise ValueError("quantity must be positive")
        self._stock[sku] = self._stock.get(sku, 0) + qty

    def available(self, sku):
        """Units in stock and not reserved (0 for an unknown SKU)."""
        return self._stock.get(sku, 0) - self._reserved.get(sku, 0)

    def reserve(self, sku, qty):
        """Reserve qty units; ValueError if fewer are available."""
        if qty > self.available(sku):
            raise ValueError(f"only {self.available(sku)} of {sku} available")
        self._reserved[sku] = self._reserved.get(sku, 0) + qty

    def ship(self, sku):
        """Ship everything reserved for sku and return how many units that was; a SKU whose stock
        reaches zero is dropped."""
        qty = self._reserved.pop(sku, 0)
        if qty:
            self._stock[sku] -= qty
            if self._stock[sku] == 0:
                del self._stock[sku]
        return qty

    def skus(self):
        """The SKUs in stock, sorted."""
        return sorted(self._stock)
''', [("self._stock.get(sku, 0) - self._reserved", "self._stock.get(sku, 0) + self._reserved"),
      ("qty = self._reserved.pop(sku, 0)", "qty = self._reserved.get(sku, 0)")], tests='''\
import pytest

from inventory import Inventory


def test_receive_and_available():
    inv = Inventory()
    inv.receive("pen", 10)
    inv.receive("pen", 5)
    assert inv.available("pen") == 15
    assert inv.available("ink") == 0


def test_receive_bad_quantity():
    with pytest.raises(ValueError):
        Inventory().receive("pen", 0)


def test_reserve():
    inv = Inventory()
    inv.receive("pen", 10)
    inv.reserve("pen", 4)
    assert inv.available("pen") == 6
    with pytest.raises(ValueError):
        inv.reserve("pen", 7)


def test_ship():
    inv = Inventory()
    inv.receive("pen", 10)
    inv.reserve("pen", 4)
    assert inv.ship("pen") == 4
    assert inv.available("pen") == 6
    assert inv.ship("pen") == 0


def test_ship_everything_drops_sku():
    inv = Inventory()
    inv.receive("a", 2)
    inv.receive("b", 1)
    inv.reserve("a", 2)
    inv.ship("a")
    assert inv.skus() == ["b"]


def test_ship_unknown():
    assert Inventory().ship("zzz") == 0
''', tests_name="test_inventory.py")

    case("m08_dates", "2 bugs in 2 functions: wrong literal in a tuple of months (days_in_month); off-by-one range "
         "start (ordinal)", 2,
         "dates.py", '''\
def is_leap(year):
    """Gregorian leap year: divisible by 4, except centuries not divisible by 400."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    """Number of days in the month; ValueError for a month outside 1..12."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month: {month}")
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def ordinal(year, month, day):
    """Days since 0001-01-01 (day 0) in the proleptic Gregorian calendar; ValueError for an invalid date."""
    if not 1 <= day <= days_in_month(year, month):
        raise ValueError(f"bad day: {year}-{month}-{day}")
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        days += days_in_month(year, m)
    return days + day - 1


def days_between(a, b):
    """Days from date a to date b, each a (year, month, day) tuple; negative when b is earlier."""
    return ordinal(*b) - ordinal(*a)
''', [("month in (4, 6, 9, 11)", "month in (4, 6, 8, 11)"),
      ("for m in range(1, month):", "for m in range(month):")], tests='''\
import datetime

import pytest

from dates import days_between, days_in_month, is_leap, ordinal


def test_is_leap():
    assert [is_leap(y) for y in (1900, 2000, 2023, 2024)] == [False, True, False, True]


def test_days_in_month():
    assert days_in_month(2023, 2) == 28
    assert days_in_month(2024, 2) == 29
    assert days_in_month(2024, 4) == 30
    assert days_in_month(2024, 8) == 31
    assert days_in_month(2024, 9) == 30
    assert days_in_month(2024, 12) == 31
    with pytest.raises(ValueError):
        days_in_month(2024, 13)


def test_ordinal():
    assert ordinal(1, 1, 1) == 0
    for d in [datetime.date(2000, 1, 1), datetime.date(2024, 3, 1), datetime.date(1999, 12, 31),
              datetime.date(1900, 3, 1), datetime.date(2021, 9, 30)]:
        assert ordinal(d.year, d.month, d.day) == d.toordinal() - 1


def test_bad_day():
    for bad in [(2023, 2, 29), (2024, 4, 31), (2024, 1, 0)]:
        with pytest.raises(ValueError):
            ordinal(*bad)


def test_days_between():
    assert days_between((2024, 1, 1), (2024, 3, 1)) == 60
    assert days_between((2024, 3, 1), (2024, 1, 1)) == -60
    assert days_between((1999, 12, 31), (2000, 1, 1)) == 1
''', tests_name="test_dates.py")

    case("m09_vending", "2 bugs in 2 methods: missing reverse=True (_change); swapped operands (select)", 2,
         "vending.py", '''\
class VendingMachine:
    """Sells items for coins (in cents) and gives change greedily, largest coins first."""

    COINS = (5, 10, 20, 50, 100, 200)

    def __init__(self, prices):
        self.prices = dict(prices)
        self.balance = 0

    def insert(self, coin):
        """Add a coin to the balance and return the balance; ValueError for an unknown coin."""
        if coin not in self.COINS:
            raise ValueError(f"unknown coin: {coin}")
        self.balance += coin
        return self.balance

    def _change(self, amount):
        """Coins, largest first, adding up to amount."""
        coins = []
        for coin in sorted(self.COINS, reverse=True):
            while amount >= coin:
                coins.append(coin)
                amount -= coin
        return coins

    def select(self, item):
        """Buy item: return the change as coins and reset the balance. KeyError for an unknown item;
        ValueError when the balance is too low (the balance is kept)."""
        price = self.prices[item]
        if self.balance < price:
            raise ValueError(f"insert {price - self.balance} more")
        change = self._change(self.balance - price)
        self.balance = 0
        return change

    def cancel(self):
        """Give back the whole balance as coins."""
        change = self._change(self.balance)
        self.balance = 0
        return change
''', [("sorted(self.COINS, reverse=True)", "sorted(self.COINS)"),
      ("self._change(self.balance - price)", "self._change(price - self.balance)")], tests='''\
import pytest

from vending import VendingMachine


def test_insert():
    vm = VendingMachine({"cola": 120})
    assert vm.insert(100) == 100
    assert vm.insert(50) == 150


def test_unknown_coin():
    with pytest.raises(ValueError):
        VendingMachine({}).insert(3)


def test_buy_with_change():
    vm = VendingMachine({"cola": 120})
    vm.insert(200)
    assert vm.select("cola") == [50, 20, 10]
    assert vm.balance == 0


def test_exact_money():
    vm = VendingMachine({"cola": 120})
    vm.insert(100)
    vm.insert(20)
    assert vm.select("cola") == []


def test_too_little():
    vm = VendingMachine({"cola": 120})
    vm.insert(100)
    with pytest.raises(ValueError):
        vm.select("cola")
    assert vm.balance == 100


def test_unknown_item():
    with pytest.raises(KeyError):
        VendingMachine({"cola": 120}).select("tea")


def test_cancel():
    vm = VendingMachine({})
    for coin in (200, 50, 5):
        vm.insert(coin)
    assert vm.cancel() == [200, 50, 5]
    assert vm.balance == 0
''', tests_name="test_vending.py")

    case("m10_polynomial", "2 bugs in 2 functions: wrong index (0 for -1) (trim); missing reversed() (poly_eval)",
         2, "poly.py", '''\
from itertools import zip_longest


def trim(p):
    """A copy of the coefficient list p without trailing zeros (the zero polynomial is [])."""
    p = list(p)
    while p and p[-1] == 0:
        p.pop()
    return p


def poly_add(p, q):
    """Sum of two polynomials given as coefficient lists, lowest degree first."""
    return trim(a + b for a, b in zip_longest(p, q, fillvalue=0))


def poly_mul(p, q):
    """Product of two polynomials given as coefficient lists, lowest degree first."""
    if not p or not q:
        return []
    out = [0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            out[i + j] += a * b
    return trim(out)


def poly_eval(p, x):
    """The value of polynomial p at x, by Horner's rule."""
    result = 0
    for c in reversed(p):
        result = result * x + c
    return result
''', [("while p and p[-1] == 0:", "while p and p[0] == 0:"), ("for c in reversed(p):", "for c in p:")], tests='''\
from poly import poly_add, poly_eval, poly_mul, trim


def test_trim():
    assert trim([1, 0, 0]) == [1]
    assert trim([0, 0]) == []
    assert trim([0, 1]) == [0, 1]


def test_add():
    assert poly_add([1, 2], [3, 4, 5]) == [4, 6, 5]
    assert poly_add([1, 2, 3], [0, 0, -3]) == [1, 2]
    assert poly_add([1], [-1]) == []


def test_mul():
    assert poly_mul([1, 1], [1, -1]) == [1, 0, -1]
    assert poly_mul([], [1, 2]) == []
    assert poly_mul([2], [0, 3]) == [0, 6]


def test_eval():
    assert poly_eval([1, 2, 3], 2) == 17
    assert poly_eval([], 5) == 0
    assert poly_eval([0, 1], -4) == -4


def test_eval_of_product():
    p, q = [1, 2], [3, 0, 1]
    assert poly_eval(poly_mul(p, q), 3) == poly_eval(p, 3) * poly_eval(q, 3)
''', tests_name="test_poly.py")

    case("m11_ring_buffer", "2 bugs in 2 methods: missing modulo (push); wrong exception raised (pop)", 2,
         "ringbuffer.py", '''\
class RingBuffer:
    """A fixed-capacity FIFO queue that overwrites its oldest item when full."""

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be positive")
        self._items = [None] * capacity
        self._start = 0
        self._size = 0

    def __len__(self):
        return self._size

    def push(self, item):
        """Append item, dropping the oldest item when the buffer is full."""
        cap = len(self._items)
        end = (self._start + self._size) % cap
        self._items[end] = item
        if self._size == cap:
            self._start = (self._start + 1) % cap
        else:
            self._size += 1

    def pop(self):
        """Remove and return the oldest item; IndexError when empty."""
        if self._size == 0:
            raise IndexError("pop from an empty buffer")
        item = self._items[self._start]
        self._items[self._start] = None
        self._start = (self._start + 1) % len(self._items)
        self._size -= 1
        return item

    def to_list(self):
        """The items, oldest first."""
        cap = len(self._items)
        return [self._items[(self._start + i) % cap] for i in range(self._size)]
''', [("end = (self._start + self._size) % cap", "end = self._start + self._size"),
      ('raise IndexError("pop from an empty buffer")', 'raise ValueError("pop from an empty buffer")')], tests='''\
import pytest

from ringbuffer import RingBuffer


def test_fifo():
    rb = RingBuffer(3)
    rb.push(1)
    rb.push(2)
    assert rb.pop() == 1
    assert rb.pop() == 2
    assert len(rb) == 0


def test_overwrites_oldest():
    rb = RingBuffer(3)
    for i in range(5):
        rb.push(i)
    assert rb.to_list() == [2, 3, 4]
    assert len(rb) == 3


def test_wraps_after_pop():
    rb = RingBuffer(2)
    rb.push("a")
    rb.push("b")
    assert rb.pop() == "a"
    rb.push("c")
    assert rb.to_list() == ["b", "c"]
    assert [rb.pop(), rb.pop()] == ["b", "c"]


def test_pop_empty():
    rb = RingBuffer(1)
    with pytest.raises(IndexError):
        rb.pop()


def test_bad_capacity():
    with pytest.raises(ValueError):
        RingBuffer(0)
''', tests_name="test_ringbuffer.py")

    case("m12_shipping", "2 bugs in 2 functions: round() for math.ceil() (billable_weight); missing break "
         "(base_price)", 2, "shipping.py", '''\
import math

TIERS = [(1, 4.50), (5, 9.00), (20, 18.75)]  # (up to this many kg, price)
ZONE_FACTOR = {"domestic": 1.0, "eu": 1.6, "world": 2.4}


def billable_weight(items):
    """Total weight of (quantity, kg each) items rounded up to a whole kg, and at least 1 kg."""
    total = sum(qty * kg for qty, kg in items)
    return max(1, math.ceil(total))


def base_price(kg):
    """The price of the smallest tier that takes kg; ValueError above the largest tier."""
    price = None
    for max_kg, tier_price in TIERS:
        if kg <= max_kg:
            price = tier_price
            break
    if price is None:
        raise ValueError(f"too heavy: {kg} kg")
    return price


def quote(items, zone="domestic"):
    """The shipping cost, rounded to cents: the base price of the billable weight times the zone's
    factor. KeyError for an unknown zone; ValueError when too heavy."""
    factor = ZONE_FACTOR[zone]
    return round(base_price(billable_weight(items)) * factor, 2)
''', [("max(1, math.ceil(total))", "max(1, round(total))"),
      ("            price = tier_price\n            break\n", "            price = tier_price\n")], tests='''\
import pytest

from shipping import base_price, billable_weight, quote


def test_billable_weight():
    assert billable_weight([(2, 0.5)]) == 1
    assert billable_weight([(1, 1.2)]) == 2
    assert billable_weight([]) == 1
    assert billable_weight([(3, 1.5), (1, 0.25)]) == 5


def test_base_price():
    assert base_price(1) == 4.50
    assert base_price(2) == 9.00
    assert base_price(5) == 9.00
    assert base_price(20) == 18.75


def test_too_heavy():
    with pytest.raises(ValueError):
        base_price(21)
    with pytest.raises(ValueError):
        quote([(3, 7.5)])


def test_quote():
    assert quote([(1, 0.4)]) == 4.50
    assert quote([(1, 1.2)], "eu") == 14.40
    assert quote([(4, 2.5)], "world") == 45.0


def test_unknown_zone():
    with pytest.raises(KeyError):
        quote([(1, 1)], "mars")
''', tests_name="test_shipping.py")

    # ---------------------------------------------------------------- v: two bugs of different kinds in one function

    case("v01_merge_sorted", "2 bugs: append for extend; wrong variable (i += 1 for j += 1)", 2, "merge.py", '''\
def merge_sorted(a, b):
    """Merge two ascending lists into a new ascending list (the inputs are not changed); on ties the item
    from a comes first."""
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out
''', [("out.extend(a[i:])", "out.append(a[i:])"), ("            j += 1\n", "            i += 1\n")], tests='''\
from merge import merge_sorted


def test_interleaved():
    assert merge_sorted([1, 4, 9], [2, 3, 10, 11]) == [1, 2, 3, 4, 9, 10, 11]


def test_one_empty():
    assert merge_sorted([], [1, 2]) == [1, 2]
    assert merge_sorted([1, 2], []) == [1, 2]


def test_a_after_b():
    assert merge_sorted([5, 6], [1, 2]) == [1, 2, 5, 6]


def test_duplicates():
    assert merge_sorted([1, 3, 3], [3, 4]) == [1, 3, 3, 3, 4]


def test_inputs_unchanged():
    a, b = [1, 3], [2]
    merge_sorted(a, b)
    assert (a, b) == ([1, 3], [2])
''', tests_name="test_merge.py")

    case("v02_query_string", "2 bugs: endswith for startswith; calls in the wrong order (unquote before '+' -> ' ')",
         2, "querystring.py", '''\
from urllib.parse import unquote


def parse_query(qs):
    """Parse a query string: 'a=1&b=x+y&a=2' -> {'a': ['1', '2'], 'b': ['x y']}. '+' means a space and
    %XX escapes are decoded after that (so '%2B' is a literal '+'); a leading '?' and empty pairs are
    ignored; a key without '=' gets ''."""
    if qs.startswith("?"):
        qs = qs[1:]
    result = {}
    for pair in qs.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        key = unquote(key.replace("+", " "))
        value = unquote(value.replace("+", " "))
        result.setdefault(key, []).append(value)
    return result
''', [('qs.startswith("?")', 'qs.endswith("?")'),
      ('value = unquote(value.replace("+", " "))', 'value = unquote(value).replace("+", " ")')], tests='''\
from querystring import parse_query


def test_repeated_keys_and_plus():
    assert parse_query("a=1&b=x+y&a=2") == {"a": ["1", "2"], "b": ["x y"]}


def test_leading_question_mark_and_empty_values():
    assert parse_query("?q=rust%20lang&empty=&flag") == {"q": ["rust lang"], "empty": [""], "flag": [""]}


def test_escaped_plus():
    assert parse_query("expr=1%2B1%3D2") == {"expr": ["1+1=2"]}


def test_empty():
    assert parse_query("") == {}
    assert parse_query("?") == {}


def test_stray_ampersands():
    assert parse_query("&&a=1&") == {"a": ["1"]}
''', tests_name="test_querystring.py")

    case("v03_combination_sum", "2 bugs: missing copy (chosen appended, not list(chosen)); wrong argument in the "
         "recursive call (i + 1 for i)", 2, "combos.py", '''\
def combination_sums(candidates, target):
    """All combinations of the positive candidates (each usable any number of times) that add up to target,
    each as an ascending list, in lexicographic order; duplicate candidates count once."""
    candidates = sorted(set(candidates))
    results = []

    def search(start, remaining, chosen):
        if remaining == 0:
            results.append(list(chosen))
            return
        for i in range(start, len(candidates)):
            c = candidates[i]
            if c > remaining:
                break
            chosen.append(c)
            search(i, remaining - c, chosen)
            chosen.pop()

    search(0, target, [])
    return results
''', [("results.append(list(chosen))", "results.append(chosen)"),
      ("search(i, remaining - c, chosen)", "search(i + 1, remaining - c, chosen)")], tests='''\
from combos import combination_sums


def test_classic():
    assert combination_sums([2, 3, 6, 7], 7) == [[2, 2, 3], [7]]


def test_several():
    assert combination_sums([2, 3, 5], 8) == [[2, 2, 2, 2], [2, 3, 3], [3, 5]]


def test_none():
    assert combination_sums([2], 1) == []


def test_duplicate_candidates():
    assert combination_sums([3, 3, 1], 3) == [[1, 1, 1], [3]]


def test_zero_target():
    assert combination_sums([1, 2], 0) == [[]]
''', tests_name="test_combos.py")

    case("v04_records", "2 bugs: clear() for a fresh dict (yielded record emptied); break for continue", 2,
         "records.py", '''\
def records(lines):
    """Group 'key: value' lines into dicts, records being separated by blank lines, and yield each record
    (the last one too when no blank line follows it). Lines starting with '#' are ignored; a value may
    contain ':'."""
    current = {}
    for line in lines:
        line = line.strip()
        if line.startswith("#"):
            continue
        if not line:
            if current:
                yield current
                current = {}
            continue
        key, _, value = line.partition(":")
        current[key.strip()] = value.strip()
    if current:
        yield current
''', [("                current = {}\n", "                current.clear()\n"),
      ('        if line.startswith("#"):\n            continue\n',
       '        if line.startswith("#"):\n            break\n')],
         tests='''\
import io

from records import records


def test_records():
    lines = ["name: Ann", "age: 31", "", "# comment", "name: Bob", "", "", "name: Cy", "role: dev: lead"]
    assert list(records(lines)) == [{"name": "Ann", "age": "31"}, {"name": "Bob"},
                                    {"name": "Cy", "role": "dev: lead"}]


def test_comment_inside_record():
    assert list(records(["a: 1", "# note", "b: 2"])) == [{"a": "1", "b": "2"}]


def test_empty():
    assert list(records([])) == []
    assert list(records(["", "   "])) == []


def test_file_lines():
    f = io.StringIO("k: v\\n\\nk: w\\n")
    assert list(records(f)) == [{"k": "v"}, {"k": "w"}]
''', tests_name="test_records.py")

    case("v05_fraction_decimal", "2 bugs: `or` for `and`; `in` for `not in`", 2, "fraction.py", '''\
def fraction_to_decimal(numerator, denominator):
    """The exact decimal expansion of numerator/denominator, with a repeating part in parentheses:
    1/3 -> '0.(3)', 1/6 -> '0.1(6)', -50/8 -> '-6.25'. ZeroDivisionError for a zero denominator."""
    if denominator == 0:
        raise ZeroDivisionError("denominator is zero")
    sign = "-" if (numerator < 0) != (denominator < 0) and numerator != 0 else ""
    num, den = abs(numerator), abs(denominator)
    whole, rem = divmod(num, den)
    if rem == 0:
        return f"{sign}{whole}"
    digits = []
    seen = {}  # remainder -> index of the digit it produces
    while rem and rem not in seen:
        seen[rem] = len(digits)
        rem *= 10
        digits.append(str(rem // den))
        rem %= den
    if rem:
        start = seen[rem]
        return f"{sign}{whole}." + "".join(digits[:start]) + "(" + "".join(digits[start:]) + ")"
    return f"{sign}{whole}." + "".join(digits)
''', [("(denominator < 0) and numerator != 0", "(denominator < 0) or numerator != 0"),
      ("while rem and rem not in seen:", "while rem and rem in seen:")], tests='''\
import pytest

from fraction import fraction_to_decimal


def test_terminating():
    assert fraction_to_decimal(1, 2) == "0.5"
    assert fraction_to_decimal(2, 1) == "2"
    assert fraction_to_decimal(-50, 8) == "-6.25"


def test_repeating():
    assert fraction_to_decimal(1, 3) == "0.(3)"
    assert fraction_to_decimal(1, 6) == "0.1(6)"
    assert fraction_to_decimal(4, 333) == "0.(012)"


def test_signs():
    assert fraction_to_decimal(7, -12) == "-0.58(3)"
    assert fraction_to_decimal(-7, -12) == "0.58(3)"
    assert fraction_to_decimal(0, -5) == "0"


def test_zero_denominator():
    with pytest.raises(ZeroDivisionError):
        fraction_to_decimal(1, 0)
''', tests_name="test_fraction.py")

    case("v06_min_path", "2 bugs: max for min; off-by-one index (grid[r][c - 1] for grid[r][c])", 2, "minpath.py",
         '''\
def min_path_sum(grid):
    """The smallest sum of the cells on a path from the top-left to the bottom-right cell of a grid of
    numbers, moving only right or down. ValueError for an empty grid."""
    if not grid or not grid[0]:
        raise ValueError("empty grid")
    rows, cols = len(grid), len(grid[0])
    best = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            if r == 0 and c == 0:
                best[r][c] = grid[0][0]
            elif r == 0:
                best[r][c] = best[r][c - 1] + grid[r][c]
            elif c == 0:
                best[r][c] = best[r - 1][c] + grid[r][c]
            else:
                best[r][c] = min(best[r - 1][c], best[r][c - 1]) + grid[r][c]
    return best[-1][-1]
''', [("min(best[r - 1][c], best[r][c - 1])", "max(best[r - 1][c], best[r][c - 1])"),
      ("best[r][c - 1] + grid[r][c]", "best[r][c - 1] + grid[r][c - 1]")], tests='''\
import pytest

from minpath import min_path_sum


def test_square():
    assert min_path_sum([[1, 3, 1], [1, 5, 1], [4, 2, 1]]) == 7


def test_rectangle():
    assert min_path_sum([[1, 2, 3], [4, 5, 6]]) == 12


def test_single_cell():
    assert min_path_sum([[5]]) == 5


def test_single_row_and_column():
    assert min_path_sum([[1, 2, 3]]) == 6
    assert min_path_sum([[1], [2], [3]]) == 6


def test_empty():
    with pytest.raises(ValueError):
        min_path_sum([])
    with pytest.raises(ValueError):
        min_path_sum([[]])
''', tests_name="test_minpath.py")

    case("v07_ordinal_suffix", "2 bugs: // for %; wrong dict default ('' for 'th')", 2, "suffix.py", '''\
def with_suffix(n):
    """An int with its English ordinal suffix: 1 -> '1st', 2 -> '2nd', 3 -> '3rd', 4 -> '4th',
    11..13 -> '11th'..'13th', 21 -> '21st', 112 -> '112th'; a negative number keeps its sign.
    TypeError for anything but an int (bools included)."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"not an int: {n!r}")
    last_two = abs(n) % 100
    if 11 <= last_two <= 13:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(last_two % 10, "th")
    return f"{n}{suffix}"
''', [("last_two = abs(n) % 100", "last_two = abs(n) // 100"), (', "th")', ', "")')],
         tests='''\
import pytest

from suffix import with_suffix


def test_small():
    assert [with_suffix(n) for n in (1, 2, 3, 4, 10)] == ["1st", "2nd", "3rd", "4th", "10th"]


def test_teens():
    assert [with_suffix(n) for n in (11, 12, 13, 111, 112)] == ["11th", "12th", "13th", "111th", "112th"]


def test_larger():
    assert [with_suffix(n) for n in (21, 22, 23, 101, 1002)] == ["21st", "22nd", "23rd", "101st", "1002nd"]


def test_zero_and_negative():
    assert with_suffix(0) == "0th"
    assert with_suffix(-1) == "-1st"
    assert with_suffix(-12) == "-12th"


def test_not_an_int():
    for bad in (1.5, "3", True):
        with pytest.raises(TypeError):
            with_suffix(bad)
''', tests_name="test_suffix.py")

    case("v08_is_number", "2 bugs: missing state reset after the exponent; wrong return value (True for seen_digit)",
         2, "numcheck.py", '''\
def is_number(s):
    """True for a decimal number: an optional sign, digits with at most one '.', at least one digit, then
    optionally 'e' or 'E', an optional sign and at least one digit. Surrounding whitespace is allowed."""
    s = s.strip()
    seen_digit = seen_dot = seen_exp = False
    for i, ch in enumerate(s):
        if ch.isdigit():
            seen_digit = True
        elif ch in "+-":
            if i > 0 and s[i - 1] not in "eE":
                return False
        elif ch == ".":
            if seen_dot or seen_exp:
                return False
            seen_dot = True
        elif ch in "eE":
            if seen_exp or not seen_digit:
                return False
            seen_exp = True
            seen_digit = False
        else:
            return False
    return seen_digit
''', [("            seen_exp = True\n            seen_digit = False\n", "            seen_exp = True\n"),
      ("    return seen_digit\n", "    return True\n")], tests='''\
from numcheck import is_number


def test_valid():
    for s in ["0", "  42 ", "-3.5", "+.5", "5.", "1e10", "2.5E-3", "-1e+2"]:
        assert is_number(s), s


def test_invalid_characters():
    for s in ["abc", "1 2", "1-2", "--1", "0x10"]:
        assert not is_number(s), s


def test_no_digits():
    for s in ["", ".", "+", "-."]:
        assert not is_number(s), s


def test_bad_exponent():
    for s in ["e5", "1e", "1e+", "1e2.5", "1e2e3"]:
        assert not is_number(s), s
''', tests_name="test_numcheck.py")
