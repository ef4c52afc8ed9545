use super::*;
use crate::syntax::parse;

/// The programs one menu edit of `broken` makes.
fn repairs(broken: &str) -> Vec<String> {
    let tree = parse(broken);
    single_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect()
}

/// The programs one menu edit of `broken` of the classic tier or an earlier one makes.
fn classic(broken: &str) -> Vec<String> {
    let tree = parse(broken);
    let edits = single_edits(&tree).into_iter().filter(|e| e.tier <= Tier::Classic);
    edits.filter_map(|e| apply(&tree, &e)).map(|(_, t)| t.source().to_string()).collect()
}

/// A stub's candidates that its name cues come first in the baseline's order, whatever the seed.
#[test]
fn cued_stub_bodies_come_first() {
    let tree = parse("def double(x):\n    pass\n");
    for seed in 0..5 {
        let singles = Baseline::new(&tree, seed).singles;
        let cued = singles.iter().take_while(|e| e.tier == Tier::Cued).count();
        assert!(cued > 0 && singles[cued..].iter().all(|e| e.tier != Tier::Cued));
        assert!(singles[..cued].iter().any(|e| e.text == "return x * 2") && cued < 10, "{:?}", &singles[..cued]);
    }
    // Simplest first: the sum of two parameters before the comprehensions that sum.
    let tree = parse("def add_up(a, b):\n    pass\n");
    let singles = Baseline::new(&tree, 0).singles;
    let at = |text: &str| singles.iter().position(|e| e.text == text).expect("in the menu");
    assert!(at("return a + b") < 4 && at("return a + b") < at("return sum(1 for x in b if x)"));
    // The formula the tests' examples fit before anything cued.
    let tree = parse("def total_seconds(hours, minutes, seconds):\n    \"\"\"Count the seconds.\"\"\"\n    pass\n");
    let tests = Tests::Asserts(
        ["(0, 0, 0) == 0", "(1, 0, 0) == 3600", "(0, 1, 0) == 60", "(0, 0, 45) == 45", "(2, 30, 15) == 9015"]
            .iter()
            .map(|e| format!("assert total_seconds{e}"))
            .collect(),
    );
    let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
    assert_eq!(singles[0].text, "return hours * 3600 + minutes * 60 + seconds");
    assert_eq!((singles[0].tier, singles[1].tier), (Tier::Fitted, Tier::Cued));
}

/// A stub of one number whose tests label ranges of it gets the body that returns each label by range first (or
/// by divisibility); one of several numbers whose tests say `True` or `False`, the predicate that tells them
/// apart.
#[test]
fn a_stub_gets_the_body_its_labelled_examples_fit_first() {
    // The baseline's single edits of a program under tests asserting `function(case)` for each case.
    let singles_under = |program: &str, function: &str, cases: &[&str]| {
        let tree = parse(program);
        let tests = Tests::Asserts(cases.iter().map(|c| format!("assert {function}{c}")).collect());
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        (tree, singles)
    };
    let first = |singles: &[RawEdit]| (singles[0].tier, singles[0].text.clone());
    let labels =
        ["(-5) == 'cold'", "(9.9) == 'cold'", "(10) == 'mild'", "(24) == 'mild'", "(25) == 'hot'", "(40) == 'hot'"];
    let stub = "def label(degrees: float) -> str:\n    \"\"\"\"cold\" below 10, \"hot\" from 25 up.\"\"\"\n    pass\n";
    let (tree, singles) = singles_under(stub, "label", &labels);
    let body = "return 'cold' if degrees < 10 else 'mild' if degrees < 25 else 'hot'";
    assert_eq!(first(&singles), (Tier::Fitted, body.to_string()));
    assert!(apply(&tree, &singles[0]).is_some_and(|(_, t)| t.source().contains(body)));
    // Labels no ranges fit: a decision list over divisibility.
    let parity = ["(1) == 'odd'", "(2) == 'even'", "(7) == 'odd'", "(10) == 'even'", "(0) == 'even'"];
    let (_, singles) = singles_under("def parity(n):\n    pass\n", "parity", &parity);
    assert_eq!(first(&singles), (Tier::Fitted, "return 'even' if n % 2 == 0 else 'odd'".to_string()));
    // Of two numbers, with bools for labels: the predicate that tells them apart.
    let signs = ["(2, 5) is True", "(-1, -8) is True", "(3, -3) is False", "(-4, 2) is False", "(0, 5) is False"];
    let (_, singles) =
        singles_under("def same_sign(a, b):\n    pass\n", "same_sign", &[&signs[..], &["(0, 0) is False"]].concat());
    assert_eq!(first(&singles), (Tier::Fitted, "return a * b > 0".to_string()));
    // Not for a body that reads its parameter and could pass; but for one whose form cannot (a number where
    // strings are expected).
    let (_, singles) = singles_under("def label(degrees):\n    return str(degrees)\n", "label", &labels);
    assert!(singles.iter().all(|e| e.tier != Tier::Fitted), "{:?}", &singles[..3]);
    let (_, singles) = singles_under("def label(degrees):\n    return degrees + 1\n", "label", &labels);
    assert_eq!(first(&singles), (Tier::Fitted, body.to_string()));
}

/// A function's lone statement that reads none of its parameters is written anew like a stub's body: the
/// formula the tests' examples fit first (with an example to spare). A body that reads a parameter is not.
#[test]
fn a_body_that_ignores_its_inputs_is_written_anew() {
    let tests = Tests::Asserts(
        ["(2, 3) == 5", "(-4, 1) == -3", "(0, 7) == 7", "(10, 5) == 15"]
            .iter()
            .map(|e| format!("assert add{e}"))
            .collect(),
    );
    for body in ["return 2", "return x == hi", "if add > 0:\n        return 1"] {
        let tree = parse(format!("def add(a, b):\n    {body}\n").as_str());
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        let fitted = singles.iter().find(|e| e.text == "return a + b").unwrap();
        if body.contains("hi") {
            // A name bound nowhere may be a renamed parameter's: no head start for the fitted body.
            assert_eq!(fitted.tier, Tier::Rewrite);
        } else {
            assert_eq!((singles[0].text.as_str(), singles[0].tier), ("return a + b", Tier::Fitted), "{body}");
        }
        assert!(repairs(tree.source()).iter().any(|r| r == "def add(a, b):\n    return a * b\n"), "{body}");
    }
    // `return -x` under a renamed parameter: its header's rename is the repair, before any body written anew.
    let tree = parse("def neg(half):\n    return -x\n");
    let tests =
        Tests::Asserts(["(1) == -1", "(-4) == 4", "(0) == 0"].iter().map(|e| format!("assert neg{e}")).collect());
    let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
    assert!(singles.iter().all(|e| e.tier != Tier::Fitted));
    assert_eq!(singles.iter().find(|e| e.text == "return -half").map(|e| e.tier), Some(Tier::Rewrite));
    assert!(repairs(tree.source()).iter().any(|r| r == "def neg(x):\n    return -x\n"));
    // A `return` whose value's form cannot pass is written anew too (a list times a list where lists are passed);
    // one that could is not.
    let tests = Tests::Asserts(vec!["assert firsts([[1, 2], [3]]) == [1, 3]".into(), "assert firsts([]) == []".into()]);
    for (body, anew) in [("return xs * xs", true), ("return xs * 2", false)] {
        let tree = parse(format!("def firsts(xs):\n    {body}\n").as_str());
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        assert_eq!(singles.iter().any(|e| e.text == "return [x[0] for x in xs]"), anew, "{body}");
    }
    // A docstring aside, with a default parameter.
    let broken = "def scale(v, k=2):\n    \"\"\"Scale v.\"\"\"\n    return -1\n";
    assert!(repairs(broken).iter().any(|r| r.ends_with("    return v * k\n")));
    for reads_one in ["def add(a, b):\n    return a + 1\n", "def f():\n    return 2\n"] {
        assert!(!repairs(reads_one).iter().any(|r| r.contains("return a * b") || r.contains("return a - b")));
        let tree = parse(reads_one);
        let statement = tree.nodes().iter().position(|n| n.kind == "return_statement").unwrap() as NodeId;
        assert_eq!(sketch::ignores_its_inputs(&tree, statement), None, "{reads_one}");
    }
    // A lone statement that reads its inputs gets the formula the examples fit, not the stub's other bodies,
    // unless a renamed parameter explains it; with a parameter to spare, renames cannot.
    let tests = Tests::Asserts(
        ["(2, 3) == 5", "(-4, 1) == -3", "(0, 7) == 7", "(10, 5) == 15"]
            .iter()
            .map(|e| format!("assert add{e}"))
            .collect(),
    );
    let fitted = |source: &str, formula: &str| {
        let tree = parse(source);
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        let tier = singles.iter().find(|e| e.text == formula).map(|e| e.tier);
        (singles[0].text.clone(), tier, singles.iter().any(|e| e.text == "return a * b"))
    };
    let reads_a = fitted("def add(a, b):\n    return a % 2 == 0\n", "return a + b");
    assert_eq!(reads_a, ("return a + b".to_string(), Some(Tier::Fitted), false));
    assert_eq!(fitted("def add(a, b):\n    return x * x\n", "return a + b").1, Some(Tier::Fitted));
    assert_eq!(fitted("def add(c, b):\n    return a + b\n", "return c + b").1, Some(Tier::Rewrite));
}

/// A called literal, a literal compared with a literal, an annotation naming nothing: wrong whatever the tests,
/// they are rewritten as classic edits.
#[test]
fn sites_that_cannot_be_right_are_rewritten_as_classic_edits() {
    let fixed = "def is_p(s: str) -> bool:\n    return s == s[::-1]\n\n\ndef f(s: str) -> int:\n    i = 0\n    while not is_p(s[i:]):\n        i += 1\n    return i\n";
    for (from, to) in
        [("not is_p(", "not '['("), ("not is_p(", "not (i + 1)("), ("s: str) -> int", "s: x.append) -> int")]
    {
        let broken = fixed.replacen(from, to, 1);
        assert!(classic(&broken).iter().any(|r| r == fixed), "{broken:?}");
    }
    let fixed = "def depth(s):\n    d = 0\n    for c in s:\n        if c == '(':\n            d += 1\n    return d\n";
    for graft in ["10 == '('", "c < len"] {
        let broken = fixed.replacen("c == '('", graft, 1);
        let fixed = fixed.replacen("c == '('", &graft.replace("10", "c").replace("len", "d"), 1);
        assert!(classic(&broken).iter().any(|r| r == &fixed), "{broken:?}");
    }
    // An operator where the larger of its operands was meant: cued by the function's name.
    let rolling = "def rolling_max(xs):\n    out, best = [], xs[0]\n    for x in xs:\n        best = max(best, x)\n        out.append(best)\n    return out\n";
    let tree = parse(rolling.replacen("max(best, x)", "best % x", 1));
    let cued = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Cued);
    assert!(cued.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == rolling));
    // A literal's attribute its type lacks: the literal was a name.
    let tags = "def tags(words):\n    out = []\n    for w in words:\n        out.append(w.lower())\n    return out\n";
    let broken = tags.replacen("out.append", "\"L\".append", 1);
    assert!(classic(&broken).iter().any(|r| r == tags), "{broken:?}");
    // A function, a number or a truth value where a collection belongs, a truth value subscripted, an in-place
    // method's `None` used, a string method's result called, a truth value as `range`'s step: the names, builtins
    // or constants that could stand there are classic edits.
    let pairs = "def same(a, b):\n    return sum(map(eq, a, b))\n";
    let scan = "def first_repeat(s):\n    for i, c in enumerate(s):\n        if s[:i + 1].count(c) > 1:\n            return c\n";
    let shrink = "def gaps(xs):\n    g = len(xs)\n    while g > 1:\n        g = g // 2\n    return g\n";
    let chunks = "def chunks(s, step):\n    return [s[i::step] for i in range(step)]\n";
    let down = "def down(n):\n    return list(range(n, 0, -1))\n";
    for (fixed, from, to) in [
        (pairs, "a, b))", "a, any))"),
        (chunks, "range(step)", "s.split()(step)"),
        (down, "-1", "isinstance(n, int)"),
        (pairs, "sum(map(eq, a, b))", "sum(map(eq, a, b), len(a == 1))"),
        (scan, "s[:i + 1]", "(c == 8)[:i + 1]"),
        (shrink, "while g > 1", "while xs.sort() > 1"),
    ] {
        let broken = fixed.replacen(from, to, 1);
        let tree = parse(&broken);
        let nonsense = (0..tree.nodes().len() as NodeId).any(|id| cannot_be_right(&tree, id));
        assert!(nonsense, "{broken:?}");
        if !to.contains("len(a == 1)") {
            assert!(classic(&broken).iter().any(|r| r == fixed), "{broken:?}");
        }
    }
    // A lambda's body that reads none of its parameters is mended as a small expression over them.
    let odd = "def odd(nums):\n    return list(filter(lambda x: x % 2 == 1, nums))\n";
    for graft in ["\"\"\"Check a number.\"\"\"", "True", "nums"] {
        let tree = parse(odd.replacen("x % 2 == 1", graft, 1));
        let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
        assert!(mends.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == odd), "{graft}");
    }
    let tree = parse(odd.replacen("x % 2 == 1", "x + 1", 1));
    let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
    assert!(!mends.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == odd));
    // One that reads them but holds what cannot be right (a name less itself) gets them as rewrites: the names
    // at the site that cannot be right are classic (`x ** (n - n)` where `x ** n` was).
    let by_mark = "def by_mark(marks):\n    marks.sort(key=lambda x: x[1])\n    return marks\n";
    let tree = parse(by_mark.replacen("x[1]", "x - x + 1", 1));
    let rewrites = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Rewrite);
    assert!(rewrites.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == by_mark));
    let power = "def powers(nums, n):\n    return list(map(lambda x: x ** n, nums))\n";
    assert!(classic(&power.replacen("x ** n", "x ** (n - n)", 1)).iter().any(|r| r == power));
    // A type that cannot be right is mended as a builtin type.
    let flat = "def flat(x):\n    return isinstance(x, list)\n";
    let tree = parse(flat.replacen("list", "\"\"\"Check.\"\"\"", 1));
    let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
    assert!(mends.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == flat));
    // A number iterated is mended as the range up to it.
    let weighted = "def weighted(xs):\n    s = 0\n    for i in range(len(xs)):\n        s += xs[i] * i\n    return s\n";
    let tree = parse(weighted.replacen("range(len(xs))", "len(xs)", 1));
    let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
    assert!(mends.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == weighted));
    // `return xs.sort()` is mended as the sorted copy.
    let sort = "def ordered(xs):\n    return sorted(xs)\n";
    let tree = parse(sort.replacen("sorted(xs)", "xs.sort()", 1));
    let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
    assert!(mends.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == sort));
    // A builtin the program binds is a name like any other; a type compared for equality may be right; a
    // literal's own method is sound; so are a sum's start, an enumeration's, a map's function, a collection
    // chosen by `or`, a tuple subscripted, an in-place method's call as a statement or in a comprehension, a
    // function looked up or made and called, `range`'s integers.
    for sound in [
        "def f(len):\n    return 3 < len\n",
        "def f(x):\n    return type(x) == int\n",
        "def f(xs):\n    return ', '.join(xs) + b'x'.hex() + '{}'.format(1)\n",
        "def f(b):\n    return str(b, 'utf-8') + str(b, 'utf-8', 'ignore')\n",
        "def f(xs, ys):\n    return sum(xs, 0) + len(list(enumerate(xs, 1))) + len(xs or ys)\n",
        "def f(xs):\n    return list(map(str, xs)) + list(filter(None, xs)) + [(1, 2)[0]]\n",
        "def f(xs, out):\n    xs.sort()\n    [out.append(x) for x in xs]\n    return max(0, len(xs))\n",
        "def f(d, k, n):\n    return d.get(k)(n) + make()(n) + sum(range(len(d), 0, -1))\n",
        "def f(x, n):\n    return x != x or x == x or n + n > n * n\n",
        // A function chosen by `or` and called, a function's result tested, `__debug__`.
        "def f(key, xs):\n    g = key or len\n    return any(g(x) for x in xs) if __debug__ else all(map(bool, xs))\n",
    ] {
        let tree = parse(sound);
        assert!((0..tree.nodes().len() as NodeId).all(|id| !cannot_be_right(&tree, id)), "{sound}");
    }
    // A function tested for truth is always true: in a condition, under `not`, left of `and`, as the element of a
    // generator `any` or `all` is passed; and no edit writes one.
    let search = "def reach(node, seen):\n    def go(n):\n        return n in seen or any(go(m) for m in n.next)\n    return go(node)\n";
    for (from, to) in [("any(go(m)", "any(go"), ("n in seen or", "go or"), ("return go(node)", "return not len")] {
        let tree = parse(search.replacen(from, to, 1));
        assert!((0..tree.nodes().len() as NodeId).any(|id| cannot_be_right(&tree, id)), "{to}");
    }
    assert!(!repairs(search).iter().any(|r| r.contains("any(go for")), "an edit wrote a function tested for truth");
    // What cannot be right that the start already holds does not stop an edit of the block around it.
    let factory = "def f(x, y):\n    if x:\n        y += 1\n        return int\n    return y\n";
    assert!(
        additions(factory).iter().any(|r| r.contains("if x:\n        return y\n        y += 1\n        return int"))
    );
    // A literal compared with a name may be right: another expression in its place is a rewrite.
    let rewritten = fixed.replacen("'('", "d", 1);
    assert!(repairs(fixed).contains(&rewritten) && !classic(fixed).contains(&rewritten));
}

#[test]
fn grafted_statements_give_way_to_an_initialisation_or_a_return() {
    let deepest = "def deepest(s):\n    d = 0\n    most = 0\n    for c in s:\n        if c == '(':\n            d += 1\n            most = max(d, most)\n        else:\n            d -= 1\n    return most\n";
    let negative = "def negative(ops):\n    total = 0\n    for op in ops:\n        total += op\n        if total < 0:\n            return True\n    return False\n";
    let bit = "def bits(a, b):\n    def one(i, j):\n        if i == j:\n            return '0'\n        else:\n            return '1'\n    return ''.join(one(x, y) for x, y in zip(a, b))\n";
    let evens = "def evens(xs):\n    out = []\n    for x in xs:\n        if x % 2 == 0:\n            out.append(x)\n    return out\n";
    let longest =
        "def longest(words):\n    n = max(len(w) for w in words)\n    return [w for w in words if len(w) == n]\n";
    for (fixed, from, to) in [
        // A statement that cannot be right where an initialisation was.
        (deepest, "most = 0\n", "if str < 1:\n        return True\n"),
        // An addition to a name nothing binds, a dead store ending a block: where a return was.
        (negative, "return True", "odd_count += 1"),
        (bit, "return '1'", "a = None"),
        // A value builtin's result called.
        (longest, "len(w) for", "len(arr)(w) for"),
        // A slice's bound on the wrong side (not a graft, a classic bug).
        ("def head(s, i):\n    return s[:i].upper()\n", "s[:i]", "s[i:]"),
        // A value computed and dropped: over an append, over a docstring.
        (evens, "out.append(x)", "str(x)"),
    ] {
        let broken = fixed.replacen(from, to, 1);
        assert!(classic(&broken).iter().any(|r| r == fixed), "{broken}");
    }
    // A value computed and dropped where a docstring was: deleted.
    let tree = parse(longest.replacen("    n = max", "    int(k ** 0.5)\n    n = max", 1));
    let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
    assert!(mends.into_iter().any(|e| e.text == "pass" && tree.text(e.span) == "int(k ** 0.5)"));
    // Sound statements are not grafts: a store read later, an addition to a bound name, a store nothing reads
    // in the middle of a block, a store into a `nonlocal` name, a store a lambda before it reads; and a
    // comprehension's variable is not read before it is bound.
    let visits = "def most(xs):\n    best = 0\n    def visit(x):\n        nonlocal best\n        if x > best:\n            best = x\n    for x in xs:\n        visit(x)\n    return best\n";
    let closure = "def make(n):\n    total = n\n    get = lambda: total\n    if n > 0:\n        total = n + 1\n    return get()\n";
    let unused = "def f(xs):\n    unused = 1\n    return xs\n";
    for sound in [deepest, negative, bit, longest, evens, unused, visits, closure] {
        let tree = parse(sound);
        let mut foreign = tree.replaceable().filter(|&id| tree.node(id).class == Some(ReplacementClass::Statement));
        let nonsense: Vec<bool> = (0..tree.nodes().len() as NodeId).map(|id| cannot_be_right(&tree, id)).collect();
        let unbound = unbound_reads(&tree, 0);
        assert!(foreign.all(|id| !is_foreign_statement(&tree, id, &nonsense, &unbound)), "{sound}");
        let function = (0..tree.nodes().len() as NodeId).find(|&f| tree.node(f).kind == "function_definition");
        assert_eq!(read_before_bound(&tree, function.unwrap()), [], "{sound}");
    }
}

/// `fixed` with `from` replaced by `to` is repaired by one single edit of `tier`.
fn assert_repaired_at(fixed: &str, from: &str, to: &str, tier: Tier) {
    let broken = fixed.replacen(from, to, 1);
    assert_ne!(broken, fixed);
    let tree = parse(&broken);
    let edits = single_edits(&tree);
    let hit = edits.iter().find(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == fixed));
    assert_eq!(hit.map(|e| e.tier), Some(tier), "{broken}: {hit:?}");
}

#[test]
fn grafts_over_a_binding_give_way_to_an_update_or_a_value() {
    let close = "def close(xs, t):\n    for i, a in enumerate(xs):\n        for j, b in enumerate(xs):\n            if i != j:\n                d = abs(a - b)\n                if d < t:\n                    return True\n    return False\n";
    let both =
        "def both(xs):\n    s = 0\n    p = 1\n    for n in xs:\n        s += n\n        p *= n\n    return s, p\n";
    let rolling = "def rolling(xs):\n    top = None\n    out = []\n    for n in xs:\n        if top is None:\n            top = n\n        else:\n            top = max(top, n)\n        out.append(top)\n    return out\n";
    let named = close.replace("d = ", "distance = ").replace("if d <", "if distance <");
    let running = rolling.replace("top", "running_max");
    let reads_t = close.replace("return True", "return t > 0");
    let palindrome =
        "def make(s):\n    k = 0\n    while not is_palindrome(s[k:]):\n        k += 1\n    return s + s[:k][::-1]\n";
    for (fixed, from, to, tier) in [
        // Over a string that is no docstring: a value over the names in scope.
        (close, "d = abs(a - b)", "'''A docstring\n                of another function.'''", Tier::Rewrite),
        // An attribute read off the function itself: the accumulator's lost update.
        (both, "p *= n", "both.append(s)", Tier::Mend),
        // An update of a name nothing else binds: the same update of a local.
        (both, "p *= n", "q *= n", Tier::Mend),
        // A value dropped, the function passed where a collection belongs: the update lost.
        (rolling, "top = max(top, n)", "len(out)", Tier::Rewrite),
        (rolling, "top = max(top, n)", "top = sorted(rolling, reverse=True)", Tier::Rewrite),
        // Named for what it holds (`distance`: `abs(`, `running_max`: `max(`): the cued values are mends. A
        // statement reading a name bound nowhere (`res`) is a graft too.
        (
            named.as_str(),
            "distance = abs(a - b)",
            "'''A docstring\n                of another function.'''",
            Tier::Mend,
        ),
        (running.as_str(), "running_max = max(running_max, n)", "return res.lower()", Tier::Mend),
        // A parameter nothing reads (`t`) where a larger expression is: classic; read elsewhere, a rewrite.
        (close, "d < t", "d < (i % xs == 0)", Tier::Classic),
        (reads_t.as_str(), "d < t", "d < (i % xs == 0)", Tier::Rewrite),
        // A name bound nowhere, passed: a sliced name of the program, sliced on either side.
        (palindrome, "is_palindrome(s[k:])", "is_palindrome(idx)", Tier::Mend),
        // A builtin where a collection belongs, in a condition: the condition a name or its negation.
        (
            "def longest(xs):\n    if not xs:\n        return None\n    return max(xs, key=len)\n",
            "not xs",
            "sorted(list(max))",
            Tier::Mend,
        ),
    ] {
        assert_repaired_at(fixed, from, to, tier);
    }
    // A builtin where a collection belongs, a program's function where a collection belongs or whose attribute
    // is read: sites that cannot be right; a keyword's function, a set attribute, a bound name are not.
    let flagged = |src: &str, site: &str| {
        let tree = parse(src);
        (0..tree.nodes().len() as NodeId).any(|id| tree.text(tree.node(id).span) == site && cannot_be_right(&tree, id))
    };
    assert!(flagged("def f(xs):\n    return sorted(list(max))\n", "max"));
    assert!(flagged("def f(xs):\n    return len(f)\n", "f"));
    assert!(flagged("def f(xs):\n    f.append(xs)\n", "f"));
    assert!(!flagged("def f(xs):\n    return sorted(xs, key=len)\n", "len"));
    assert!(!flagged("def f(xs):\n    f.calls = 0\n    f.calls += 1\n", "f"));
    assert!(!flagged("def f(xs):\n    return len(xs)\n", "xs"));
    assert!(!flagged("def g(f):\n    return list(f)\n\ndef f():\n    pass\n", "f"));
}

#[test]
fn misspelt_bindings_are_renamed_in_one_edit() {
    let cases = [
        // A typed parameter the body never reads, while it reads a name nothing binds.
        (
            "def mean(values: list) -> float:\n    return sum(xs) / len(xs)\n",
            "def mean(xs: list) -> float:\n    return sum(xs) / len(xs)\n",
        ),
        // The parameter's old name is also a local: only the unbound read tells.
        (
            "def below(total: list) -> bool:\n    total = 0\n    for op in ops:\n        total += op\n    return total < 0\n",
            "def below(ops: list) -> bool:\n    total = 0\n    for op in ops:\n        total += op\n    return total < 0\n",
        ),
        // An annotation naming nothing of the program.
        (
            "def first(xs: Lst[int]) -> int:\n    y: List[int] = xs\n    return y[0]\n",
            "def first(xs: List[int]) -> int:\n    y: List[int] = xs\n    return y[0]\n",
        ),
        // A binding in the body, and an attribute.
        (
            "def f(xs):\n    total = 0\n    for x in xs:\n        totl += x\n    return total\n",
            "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
        ),
        ("def g(p):\n    p.name = 1\n    return p.nme\n", "def g(p):\n    p.name = 1\n    return p.name\n"),
    ];
    for (broken, fixed) in cases {
        assert!(repairs(broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair to {fixed:?}");
    }
}

/// Two classic one-edit bugs: off by one in a bound, and a function that never returns what it built.
#[test]
fn off_by_one_and_missing_return_are_one_edit() {
    let fixed = "def primes(limit):\n    out = []\n    for n in range(2, limit + 1):\n        if all(n % d for d in range(2, n)):\n            out.append(n)\n    return out\n";
    let off_by_one = fixed.replace("limit + 1", "limit");
    assert!(repairs(&off_by_one).iter().any(|r| r == fixed), "{off_by_one:?}");
    let missing = fixed.replace("    return out\n", "");
    assert!(repairs(&missing).iter().any(|r| r == fixed), "{missing:?}");
    // A `pass` where the `return` was; a stub's lone `pass` is left to the stub's own menu.
    let passed = fixed.replace("return out", "pass");
    assert!(repairs(&passed).iter().any(|r| r == fixed), "{passed:?}");
    for stub in ["def f(xs):\n    pass\n", "def f(xs):\n    \"\"\"Doc.\"\"\"\n    pass\n"] {
        let tree = parse(stub);
        assert!((0..tree.nodes().len() as NodeId).all(|id| pass_ending_a_body(&tree, id).is_none()), "{stub}");
    }
    // A bound computed from two values, one short: `range(len(seq) - n)` for `range(len(seq) - n + 1)`.
    let fixed = "def windows(seq, n):\n    for i in range(len(seq) - n + 1):\n        yield tuple(seq[i:i + n])\n";
    let short = fixed.replace(" + 1)", ")");
    assert!(classic(&short).iter().any(|r| r == fixed), "{short:?}");
    // Not of sets (`set(a) - set(b) + 1` cannot be right), nor passed to any call but `range`.
    let sets = "def diff(a, b, i):\n    return a[set(a) - set(b)] + a[len(a) - i]\n";
    assert!(!repairs(sets).iter().any(|r| r.contains("set(b) + 1") || r.contains("set(b) - 1")), "{sets}");
    assert!(repairs(sets).iter().any(|r| r.contains("a[len(a) - i + 1]")), "{sets}");
    let joined = "def join(xs, ys):\n    return tuple(xs + ys)\n";
    assert!(!repairs(joined).iter().any(|r| r.contains("xs + ys + 1") || r.contains("xs + ys - 1")), "{joined}");
    // A value computed last and dropped: its `return` left out (a classic edit), not so a docstring or a store.
    let fixed = "def normalize(s):\n    return sorted(c for c in s.lower() if c.isalnum())\n";
    let dropped = fixed.replace("return ", "");
    assert!(classic(&dropped).iter().any(|r| r == fixed), "{dropped:?}");
    let stored = "def f(xs):\n    \"\"\"Doc.\"\"\"\n    ys = sorted(xs)\n";
    assert!(!repairs(stored).iter().any(|r| r.contains("return ys = ") || r.contains("return \"\"\"")));
    let early = "def f(xs):\n    sorted(xs)\n    return xs\n";
    assert!(!repairs(early).iter().any(|r| r.contains("return sorted(xs)\n    return")), "a value not last");
    // A bound assigned from another name: the binary search that never moves past `mid`.
    let fixed = "def find(xs, t):\n    lo, hi = 0, len(xs)\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if xs[mid] < t:\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo\n";
    let stuck = fixed.replace("lo = mid + 1", "lo = mid");
    assert!(repairs(&stuck).iter().any(|r| r == fixed), "{stuck:?}");
}

/// A name for its kin, an operand too many and a wrong operator are classic edits; a name for another name is a
/// rename; another expression of the program in a site's place, a statement deleted and a wrapped value are
/// rewrites; and the baseline tries them tier by tier.
#[test]
fn menu_edits_come_tier_by_tier() {
    let broken = "def merge(a, b):\n    out = list(a)\n    out.extend(a[1:] + [0])\n    return len(out) > 2\n";
    let tree = parse(broken);
    let menu = single_edits(&tree);
    // The tier of the one menu edit that turns `from` (once) into `to`.
    let tier_of = |from: &str, to: &str| {
        let want = broken.replacen(from, to, 1);
        let edits: Vec<&RawEdit> =
            menu.iter().filter(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == want)).collect();
        assert_eq!(edits.len(), 1, "{from:?} -> {to:?}: {edits:?}");
        edits[0].tier
    };
    assert_eq!(tier_of("a[1:]", "b[1:]"), Tier::Classic);
    assert_eq!(tier_of("a[1:] + [0]", "a[1:]"), Tier::Classic);
    assert_eq!(tier_of("out) > 2", "out) >= 2"), Tier::Classic);
    assert_eq!(tier_of("len(out)", "len(a)"), Tier::Rename);
    assert_eq!(tier_of("a[1:] + [0]", "list(a)"), Tier::Rewrite);
    assert_eq!(tier_of("    out = list(a)\n", "    pass\n"), Tier::Rewrite);
    assert_eq!(tier_of("list(a)", "list(sorted(a))"), Tier::Rewrite);
    // A site holding a name nothing else spells looks grafted: its rewrites are classic.
    let grafted = parse("def g(a, b):\n    c = a * 2\n    return c + qq\n");
    let grafted_menu = single_edits(&grafted);
    let rewritten = |to: &str| {
        let want = grafted.source().replace("c + qq", to);
        grafted_menu.iter().find(|e| apply(&grafted, e).is_some_and(|(_, t)| t.source() == want)).map(|e| e.tier)
    };
    assert_eq!(rewritten("a * 2"), Some(Tier::Classic));
    assert_eq!(rewritten("b"), Some(Tier::Classic));
    let tiers: Vec<Tier> = Baseline::new(&tree, 7).singles.iter().map(|e| e.tier).collect();
    assert!([Tier::Classic, Tier::Rename, Tier::Rewrite].iter().all(|t| tiers.contains(t)));
    assert!(tiers.is_sorted(), "the tiers are out of order: {tiers:?}");
    assert_eq!(tiers.len(), menu.len());
    // A stub's small bodies are rewrites, its idioms, formulas and recurrences come after them, and a body the
    // docstring cues comes first whatever made it.
    let stub = parse("import math\n\ndef f(n):\n    \"\"\"The circle's area.\"\"\"\n    pass\n");
    let stub_menu = single_edits(&stub);
    let tier = |body: &str| stub_menu.iter().find(|e| e.text == body).map(|e| e.tier);
    assert_eq!(tier("return n + 1"), Some(Tier::Rewrite));
    assert_eq!(tier("return sum(range(1, n + 1))"), Some(Tier::Idiom));
    assert_eq!(tier("return n if n < 2 else f(n - 1) + f(n - 2)"), Some(Tier::Idiom));
    assert_eq!(tier("return math.pi * n ** 2"), Some(Tier::Cued));
    let singles = Baseline::new(&stub, 7).singles;
    let at = |body: &str| singles.iter().position(|e| e.text == body);
    let (cued, small) = (at("return math.pi * n ** 2").unwrap(), at("return n + 1").unwrap());
    let idioms =
        [at("return sum(range(1, n + 1))").unwrap(), at("return n if n < 2 else f(n - 1) + f(n - 2)").unwrap()];
    assert!(cued < small && idioms.iter().all(|&i| small < i), "{cued} {small} {idioms:?}");
}

/// Within a rank tier by tier, each tier in its order (idioms close their rank's own edits); ranks mix only where a
/// nearby rank's classic edits take turns with a rank's later tiers.
#[test]
fn tier_by_tier_within_a_rank() {
    let edit = |text: &str, tier: Tier| RawEdit {
        span: Span::new(0, 1),
        class: ReplacementClass::Expression,
        text: text.into(),
        tier,
    };
    let ranked = vec![
        (0.0, edit("c1", Tier::Classic)),
        (0.0, edit("late", Tier::Idiom)),
        (0.0, edit("c2", Tier::Classic)),
        (0.0, edit("w1", Tier::Rewrite)),
        (0.0, edit("c3", Tier::Classic)),
        (0.0, edit("w2", Tier::Rewrite)),
        (-1.0, edit("w3", Tier::Rewrite)),
        (-1.0, edit("r1", Tier::Rename)),
        (-1.0, edit("r2", Tier::Rename)),
    ];
    let order: Vec<String> = tier_by_tier(ranked, &[]).into_iter().map(|e| e.text).collect();
    assert_eq!(order, ["c1", "c2", "c3", "w1", "w2", "late", "r1", "r2", "w3"]);
    // Ranks within `SUSPICION_TIE` of a group's first are one rank; the group is measured from its first; after its
    // classic edits, its other tiers take turns with the classic edits of ranks within `CLASSIC_BAND` of it.
    let ranked = vec![
        (0.0, edit("w1", Tier::Rewrite)),
        (-0.1, edit("c1", Tier::Classic)),
        (-0.2, edit("w2", Tier::Rewrite)),
        (-0.25, edit("c2", Tier::Classic)),
        (-0.5, edit("c3", Tier::Classic)),
        (-0.5, edit("w3", Tier::Rewrite)),
        (-0.8, edit("c4", Tier::Classic)),
    ];
    let order: Vec<String> = tier_by_tier(ranked, &[]).into_iter().map(|e| e.text).collect();
    assert_eq!(order, ["c1", "w1", "c2", "c3", "w2", "c4", "w3"]);
    // Cued edits first, by how many of the spec's markers they hold, then shortest first (ties in their order).
    let ranked = vec![
        (0.0, edit("c1", Tier::Classic)),
        (0.0, edit("len(xs)", Tier::Cued)),
        (0.0, edit("min(len(x) for x in xs)", Tier::Cued)),
        (0.0, edit("xs", Tier::Cued)),
        (0.0, edit("min(xs)", Tier::Cued)),
    ];
    let order: Vec<String> = tier_by_tier(ranked, &["min(", "len("]).into_iter().map(|e| e.text).collect();
    assert_eq!(order, ["min(len(x) for x in xs)", "len(xs)", "min(xs)", "xs", "c1"]);
}

/// The kin of a name: the other parameters of its function, the names unpacked with it, its function's other
/// loop variables.
#[test]
fn names_introduced_together_are_kin() {
    let tree = parse(
        "def f(a, b=1, *, c: int = 2):\n    n, (m, p) = 1, (2, 3)\n    for i in a:\n        for j, k in b:\n            \
         x = [y for y in c]\n    return x\n",
    );
    let names = Names::of(&tree);
    for (x, y) in [("a", "b"), ("b", "c"), ("n", "m"), ("m", "p"), ("i", "j"), ("j", "k"), ("i", "y")] {
        assert_eq!(names.rename_tier(x, y), Tier::Classic, "{x} {y}");
        assert_eq!(names.rename_tier(y, x), Tier::Classic, "{y} {x}");
    }
    for (x, y) in [("a", "n"), ("x", "y"), ("i", "a"), ("n", "x")] {
        assert_eq!(names.rename_tier(x, y), Tier::Rename, "{x} {y}");
    }
}

/// A value wrapped in a builtin where it is passed, iterated or returned.
#[test]
fn values_are_wrapped_in_conversions() {
    let fixed = "def rev(s):\n    words = s.split()\n    for w in sorted(words):\n        print(w)\n    return \" \".join(reversed(words))\n";
    for broken in [fixed.replace("reversed(words)", "words"), fixed.replace("sorted(words)", "words")] {
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
    }
}

/// The programs one additive edit of `broken` makes.
fn additions(broken: &str) -> Vec<String> {
    let tree = parse(broken);
    additive_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect()
}

/// A statement the function has, wanted somewhere else too; the step a `while` loop never takes; the clause a
/// condition lacks. None of them is one edit of the first tier.
#[test]
fn additive_edits_insert_statements_and_widen_conditions() {
    let fixed = "def split_on(s, sep):\n    parts, cur = [], ''\n    for ch in s:\n        if ch == sep:\n            parts.append(cur)\n            cur = ''\n        else:\n            cur += ch\n    parts.append(cur)\n    return parts\n";
    let broken = fixed.replace("    parts.append(cur)\n    return", "    return");
    assert!(!repairs(&broken).iter().any(|r| r == fixed));
    assert!(additions(&broken).iter().any(|r| r == fixed), "{broken:?}");
    let fixed = "def insertion_sort(a):\n    for i in range(1, len(a)):\n        key, j = a[i], i - 1\n        while j >= 0 and a[j] > key:\n            a[j + 1] = a[j]\n            j -= 1\n        a[j + 1] = key\n    return a\n";
    let broken = fixed.replace("            j -= 1\n", "");
    assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
    let fixed = "def is_leap(y):\n    if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):\n        return True\n    return y < 0\n";
    let broken =
        "def is_leap(y):\n    if y % 4 == 0 and y % 100 != 0:\n        return True\n    return y < 0 or y % 400 == 0\n";
    let normal = |s: &str| parse(s).normalised().fingerprint();
    let widened: Vec<_> = additions(broken).iter().map(|r| normal(r)).collect();
    let want = "def is_leap(y):\n    if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0:\n        return True\n    return y < 0 or y % 400 == 0\n";
    assert!(widened.contains(&normal(want)), "{broken:?}");
    let want = "def is_leap(y):\n    if not (y % 4 == 0 and y % 100 != 0):\n        return True\n    return y < 0 or y % 400 == 0\n";
    assert!(widened.contains(&normal(want)), "{broken:?}");
    // A returned predicate widens too, and a symmetric condition gains the case it forgot.
    let triangle = "def is_triangle(a, b, c):\n    return a + b > c and a + c > b and b + c > a\n";
    let broken = "def is_triangle(a, b, c):\n    return a + b > c and a + c > b\n";
    assert!(additions(broken).iter().any(|r| r == triangle), "{broken:?}");
    assert_eq!(names_exchanged("a + c > b"), ["c + a > b", "b + c > a", "a + b > c"]);
    assert_eq!(names_exchanged("len(xs) < n.size"), ["len(n) < xs.size"]);
    // A missing base case, after the docstring; and in the recursion of a sort on lists.
    let with_base = "def fact(n):\n    \"\"\"n!\"\"\"\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n";
    let broken = with_base.replace("    if n <= 1:\n        return 1\n", "");
    assert!(additions(&broken).iter().any(|r| r == with_base), "{broken:?}");
    let with_base = "def msort(xs):\n    if len(xs) <= 1:\n        return xs\n    m = len(xs) // 2\n    return merge(msort(xs[:m]), msort(xs[m:]))\n";
    let broken = with_base.replace("    if len(xs) <= 1:\n        return xs\n", "");
    assert!(additions(&broken).iter().any(|r| r == with_base), "{broken:?}");
    // The rest a loop leaves, appended after it.
    let wrap = "def wrap(text, cols):\n    lines = []\n    while len(text) > cols:\n        line, text = text[:cols], text[cols:]\n        lines.append(line)\n    lines.append(text)\n    return lines\n";
    let broken = wrap.replace("    lines.append(text)\n", "");
    assert!(!repairs(&broken).iter().any(|r| r == wrap));
    assert!(additions(&broken).iter().any(|r| r == wrap), "{broken:?}");
    // A branch in a loop without its `continue` or `break`; not a branch outside a loop, nor one that leaves already.
    let config = "def parse(lines):\n    n = 0\n    out = []\n    for line in lines:\n        if line.startswith('#'):\n            n += 1\n            continue\n        out.append(line)\n    return out, n\n";
    assert!(repairs(&config.replace("            continue\n", "")).iter().any(|r| r == config));
    assert!(!repairs(config).iter().any(|r| r.contains("continue\n            continue")));
    assert!(!repairs("def f(x):\n    if x:\n        x += 1\n    return x\n").iter().any(|r| r.contains("break")));
    // A loop's jump for the other, both ways.
    let broken = config.replace("            continue\n", "            break\n");
    assert!(classic(&broken).iter().any(|r| r == config), "{broken:?}");
    assert!(classic(config).iter().any(|r| r == &broken));
    // Not `continue` for a `while`'s `break`: its step may come after it.
    let first_zero = "def f(xs):\n    i = 0\n    while True:\n        if xs[i] == 0:\n            break\n        \
                      i += 1\n    return i\n";
    assert!(!repairs(first_zero).iter().any(|r| r.contains("continue")));
    // Nor in a loop's `else:`, which runs once the loop is over (CPython refuses `break` there).
    let found =
        "def f(xs):\n    for x in xs:\n        pass\n    else:\n        if xs:\n            x = 1\n    return x\n";
    assert!(!repairs(found).iter().chain(&additions(found)).any(|r| r.contains("break") || r.contains("continue")));
    // The final partial group a loop that begins its groups anew leaves, yielded or appended if it holds anything.
    let batches = "def batches(xs, n):\n    batch = []\n    for x in xs:\n        batch.append(x)\n        if len(batch) == n:\n            yield batch\n            batch = []\n    if batch:\n        yield batch\n";
    let broken = batches.replace("    if batch:\n        yield batch\n", "");
    assert!(additions(&broken).iter().any(|r| r == batches), "{broken:?}");
    let groups = "def groups(xs, n):\n    out, group = [], []\n    for x in xs:\n        group.append(x)\n        if len(group) == n:\n            out.append(group)\n            group = []\n    if group:\n        out.append(group)\n    return out\n";
    let broken = groups.replace("    if group:\n        out.append(group)\n", "");
    assert!(additions(&broken).iter().any(|r| r == groups), "{broken:?}");
    // The last element a loop over all but the last leaves.
    // A value computed in the loop and appended is no group begun anew.
    let mapped =
        "def f(xs):\n    out = []\n    for x in xs:\n        y = x * 2\n        out.append(y)\n    return out\n";
    assert!(!additions(mapped).iter().any(|r| r.contains("if y:")));
    let sep = "def sep(xs, d):\n    out = []\n    for x in xs[:-1]:\n        out.append(x)\n        out.append(d)\n    out.append(xs[-1])\n    return out\n";
    let broken = sep.replace("    out.append(xs[-1])\n", "");
    assert!(additions(&broken).iter().any(|r| r == sep), "{broken:?}");
    // A local the loop carries but never updates.
    let reversed = "def reverse(node):\n    prev = None\n    while node:\n        nxt = node.next\n        node.next = prev\n        prev = node\n        node = nxt\n    return prev\n";
    let broken = reversed.replace("        prev = node\n", "");
    assert!(additions(&broken).iter().any(|r| r == reversed), "{broken:?}");
    let updates = |src: &str| {
        let tree = parse(src);
        let mut blocks = 0..tree.nodes().len() as NodeId;
        let body = blocks.find(|&b| {
            tree.node(b).kind == "block" && tree.node(b).parent.is_some_and(|p| tree.node(p).kind == "while_statement")
        });
        carried_updates(&tree, body.expect("a loop body"))
    };
    assert_eq!(updates(&broken), ["prev = nxt", "prev = node"]);
    assert_eq!(updates(reversed), Vec::<String>::new());
    let method = "class C:\n    def depth(self, t):\n        return 1 + self.depth(t[0])\n";
    assert!(additions(method).iter().any(|r| r.contains("        if not t:\n            return 0\n")));
    // Not where the function does not call itself.
    let flat = parse("def total(xs):\n    return sum(xs)\n");
    assert!(additive_edits(&flat).iter().all(|e| !e.text.contains("if ")), "{:?}", additive_edits(&flat));
    // Only inside functions, never the header, and every edit splices; `break` only inside a loop (where
    // CPython accepts it).
    let tree = parse(fixed);
    assert!(additive_edits(&tree).iter().all(|e| apply(&tree, e).is_some()));
    let tree = parse(
        "def f(xs):\n    if not xs:\n        return 0\n    for x in xs:\n        if x:\n            break\n    return x\n",
    );
    let programs: Vec<String> =
        additive_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
    assert!(programs.iter().any(|p| p.contains("    for x in xs:\n        break\n")));
    assert!(!programs.iter().any(|p| p.contains("    if not xs:\n        break\n")));
    let validity = crate::exec::validate(&programs).expect("CPython runs");
    assert!(validity.iter().all(|v| v.ok), "{validity:?}");
    assert!(additive_edits(&parse("x = 1\nif x:\n    y = 2\n")).is_empty());
}

#[test]
fn guards_go_first_in_the_body_after_the_docstring() {
    let fixed =
        "def mean(xs):\n    \"\"\"The mean.\"\"\"\n    if not xs:\n        return 0\n    return sum(xs) / len(xs)\n";
    let broken = fixed.replace("    if not xs:\n        return 0\n", "");
    let tree = parse(broken.as_str());
    let guarded: Vec<String> =
        guard_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
    assert!(guarded.iter().any(|g| g == fixed), "{guarded:?}");
    assert_eq!(guarded.len(), 3 * GUARD_VALUES.len(), "three conditions on one parameter, every one splices");
    let validity = crate::exec::validate(&guarded).expect("CPython runs");
    assert!(validity.iter().all(|v| v.ok), "{validity:?}");
    // Nothing to check without parameters.
    assert!(guard_edits(&parse("def f():\n    return 1\n")).is_empty());
}

/// Builtins for grafted callees, a loop's pairs, stores nothing reads after: each its shape's repair.
#[test]
fn grafted_callees_loops_and_dead_stores() {
    let minimum = "def shortest(lst):\n    return min((len(x) for x in lst))\n";
    let odd = "def odd(nums):\n    return list(filter(lambda x: x % 2 != 0, nums))\n";
    let kind = "def flat(x):\n    if isinstance(x, list):\n        return x[0]\n    return x\n";
    let pairs = "def sum_pairs(t1, t2):\n    return tuple((a + b for a, b in zip(t1, t2)))\n";
    let position = "def first_upper(s):\n    for i, c in enumerate(s):\n        if c.isupper():\n            return i\n    return -1\n";
    let found = "def found(xs, sub):\n    if any((sub in s for s in xs)):\n        return True\n    return False\n";
    let subtract = "def sub(xs, ys):\n    out = list(map(lambda x, y: x - y, xs, ys))\n    return out\n";
    let digits = "def first_digit(n):\n    while n >= 10:\n        n = n // 10\n    return n\n";
    let count = "def count(xs):\n    res = len(set(xs))\n    return res\n";
    let truncated = "def first_digit(n):\n    while n >= 10:\n        n = n / 10\n    return int(n)\n";
    let hypotenuse = "def hypotenuse(w, h):\n    return math.sqrt(w * w + (h * h))\n";
    let product =
        "def prod(xs):\n    res = 1\n    for x in xs:\n        step = res * x\n        res = step\n    return res\n";
    for (fixed, from, to, tier) in [
        // A callee that cannot be right: the builtins that take what it is passed.
        (minimum, "min(", "'''Write a function to filter odd numbers.'''(", Tier::Classic),
        (odd, "filter(", "10(", Tier::Classic),
        // A loop's variable called.
        (pairs, "tuple((", "b((", Tier::Classic),
        // A builtin given more arguments than it takes.
        (kind, "isinstance(x, list)", "list(x, list)", Tier::Classic),
        // A loop over pairs, over its own variable or a docstring.
        (position, "enumerate(s)", "c", Tier::Mend),
        // A store that nothing reads after it, ending its block: where a `return` was.
        (found, "return True", "sub = 1", Tier::Mend),
        (subtract, "return out", "y = True", Tier::Classic),
        (digits, "return n", "int = 1", Tier::Classic),
        (count, "return res", "res = 1", Tier::Classic),
        // A builtin returned as a value: a conversion of a name.
        (truncated, "int(n)", "float", Tier::Mend),
        // A builtin compared with a literal.
        (count, "return res", "return len == 9", Tier::Classic),
        // A store of a name into itself stores into another.
        (product, "res = step", "step = step", Tier::Classic),
        // An operand grafted over beside its sibling: the sibling with a parameter nothing reads.
        (hypotenuse, "(h * h)", "len(arr)", Tier::Mend),
    ] {
        assert_repaired_at(fixed, from, to, tier);
    }
}

/// What grafts leave in small real functions (MBPP's dev slice): each shape's repair, in its tier.
#[test]
fn what_grafts_leave_in_small_real_functions() {
    let circle = "def circle(r):\n    perimeter = 2 * 3.1415 * r\n    return perimeter\n";
    let words = "def long_words(n, text):\n    out = []\n    for w in text.split(' '):\n        if len(w) > n:\n            out.append(w)\n    return out\n";
    let biggest = "def biggest(xs):\n    return max((i for i in xs if isinstance(i, int)))\n";
    let shortest = "def shortest(lst):\n    return min((len(x) for x in lst))\n";
    let firsts = "def firsts(xs):\n    return [x[0] for x in xs]\n";
    let strip = "def strip_upper(s):\n    return re.sub('[A-Z]', '', s)\n";
    let span = "def span(text, pattern):\n    m = re.search(pattern, text)\n    s = m.start()\n    e = m.end()\n    return (s, e)\n";
    let sizes = "def sizes(X, Y, Z):\n    m = len(X)\n    n = len(Y)\n    o = len(Z)\n    return m * n * o\n";
    let first_even = "def first_even(xs):\n    found = None\n    for x in xs:\n        if x % 2 == 0:\n            found = x\n            break\n    return found\n";
    let dups = "def dups(nums):\n    return [key for key, group in groupby(nums)]\n";
    let marks = "def marks(pairs):\n    pairs.sort(key=lambda x: x[1])\n    return pairs\n";
    let area = "def area(r, h):\n    a = 2 * 3.14 * r * r + 2 * 3.14 * r * h\n    return a\n";
    for (fixed, from, to, tier) in [
        // A binding like its sibling's, over a store nothing reads or a graft's value, or a stray string.
        (span, "e = m.end()", "total = 1", Tier::Mend),
        (span, "m.end()", "perimeter()", Tier::Mend),
        (sizes, "n = len(Y)", "'''Another function's docstring.'''", Tier::Mend),
        // A docstring's text as a value, and a receiver reading only names bound nowhere.
        (dups, "groupby(nums)", "groupby('''Write a function to put spaces between words.''')", Tier::Classic),
        (marks, "pairs.sort", "(1 << key).sort", Tier::Mend),
        // A loop's `break` under a stray string.
        (first_even, "break", "'''Another function's docstring.'''", Tier::Mend),
        // A binding's value reading its own target, bound nowhere before: a graft, and its rewrites classic.
        (area, "2 * 3.14 * r * r", "(a + 1) * r * r", Tier::Classic),
        // A stray string where the body ended in its `return`.
        (circle, "return perimeter", "'''Another function's docstring.'''", Tier::Classic),
        // A `return` with statements after it, where an initialisation was: the empty list `append` asks for.
        (words, "out = []", "return text", Tier::Mend),
        // A comprehension's element that ignores its variable.
        (biggest, "(i for", "(xs * xs for", Tier::Classic),
        // … or took more than the variable: `len(x)` under `k == 12`.
        (shortest, "len(x) for", "k == 12 for", Tier::Classic),
        (firsts, "x[0] for", "xs.pop() for", Tier::Classic),
        // An argument reading only names bound nowhere, where a constant was.
        (strip, "''", "n % 10", Tier::Classic),
    ] {
        assert_repaired_at(fixed, from, to, tier);
    }
    // An element that reads nothing (`[0 for i in …]`) is no graft.
    let zeros = parse("def zeros(n):\n    return [0 for i in range(n)]\n");
    let as_variable = "def zeros(n):\n    return [i for i in range(n)]\n";
    assert!(!single_edits(&zeros).iter().any(|e| apply(&zeros, e).is_some_and(|(_, t)| t.source() == as_variable)));
    // The initial value a name's uses ask for comes first.
    let tree = parse("def f(xs):\n    for x in xs:\n        seen.add(x)\n        count[x] = 1\n    return seen\n");
    let function = tree.children(0).next().expect("a function");
    assert_eq!(initial_values_by_use(&tree, function, "seen")[0], "set()");
    assert_eq!(initial_values_by_use(&tree, function, "count")[0], "{}");
}

/// The misspelt binding, the missing initialisation and the wrong method, each from its error's message; every
/// such edit splices and CPython accepts it, and the baseline's stream tries them first.
#[test]
fn errors_name_their_repairs() {
    let repaired = |broken: &str, missing: Missing| -> Vec<String> {
        let tree = parse(broken);
        let errors = error_edits(&tree, &[missing], &TestFacts::default());
        let edits: Vec<RawEdit> = errors.first.into_iter().chain(errors.likely).chain(errors.rest).collect();
        let spliced = edits.iter().filter(|e| splice_checked(&tree, e.span, e.class, &e.text).is_some()).count();
        assert_eq!(spliced, edits.len(), "every edit splices");
        // (`apply` leaves out what cannot be right: `len('[A-Z]', '', s)` for `re.sub('[A-Z]', '', s)`.)
        let programs: Vec<String> =
            edits.iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
        let validity = crate::exec::validate(&programs).expect("CPython runs");
        assert!(validity.iter().all(|v| v.ok), "{validity:?}");
        programs
    };
    let fixed = "def join(items, delim):\n    return delim.join(items)\n";
    let programs = repaired(&fixed.replace("items, delim", "items, sep"), Missing::Name("delim".into()));
    assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
    assert!(!programs.iter().any(|p| p.contains("def delim")), "the function keeps its name");

    let fixed = "def total(xs):\n    \"\"\"Sum.\"\"\"\n    s = 0\n    for x in xs:\n        s += x\n    return s\n";
    let programs = repaired(&fixed.replace("    s = 0\n", ""), Missing::Local("s".into()));
    assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
    // A misspelt initialisation is renamed instead.
    let programs = repaired(&fixed.replace("s = 0", "t = 0"), Missing::Local("s".into()));
    assert!(programs.iter().any(|p| p == fixed), "{programs:?}");

    // A standard module or one of its names, used but not imported.
    for fixed in [
        "def hypotenuse(a, b):\n    import math\n    return math.sqrt(a * a + b * b)\n",
        "def tally(xs):\n    \"\"\"Counts.\"\"\"\n    from collections import Counter\n    return Counter(xs)\n",
    ] {
        let import = fixed.lines().find(|l| l.contains("import")).expect("an import");
        let name = import.split(' ').next_back().expect("a name");
        let programs = repaired(&fixed.replace(&format!("{import}\n"), ""), Missing::Name(name.into()));
        assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
    }
    assert!(import_of("total").is_none());
    // A misspelt read: the bound name it looks like, first.
    let fixed = "def area(length, width):\n    return length * width\n";
    let tree = parse(fixed.replacen("length *", "lenght *", 1));
    let first = error_edits(&tree, &[Missing::Name("lenght".into())], &TestFacts::default()).first;
    assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{first:?}");
    // A renamed parameter or loop variable, or a read grafted over: the name left unbound in the body and the
    // binding nothing reads are each other's likely repair, however unalike.
    for (fixed, from, to, missing) in [
        ("def scale(xs, factor):\n    return [x * factor for x in xs]\n", "xs, factor)", "xs, k)", "factor"),
        ("def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n", "for x", "for q", "x"),
        ("def shift(xs, d):\n    return [x + d for x in xs]\n", "[x + d", "[odd.append + d", "odd"),
    ] {
        let tree = parse(fixed.replacen(from, to, 1));
        let likely = error_edits(&tree, &[Missing::Name(missing.into())], &TestFacts::default()).likely;
        assert!(likely.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{likely:?}");
    }
    // A binding that is read and not a parameter stays with the rest.
    let tree = parse("def f(xs):\n    n = len(xs)\n    return n + m\n");
    let errors = error_edits(&tree, &[Missing::Name("m".into())], &TestFacts::default());
    let renamed = |edits: &[RawEdit]| edits.iter().map(|e| tree.text(e.span).to_string()).collect::<Vec<_>>();
    assert_eq!((renamed(&errors.likely), renamed(&errors.rest)), (vec!["xs".into()], vec!["n".into()]));
    // A binding that looks like the missing name's misspelling makes its import unsure: `time` for `times`.
    let tree = parse("def f(times):\n    return time * 2\n");
    let errors = error_edits(&tree, &[Missing::Name("time".into())], &TestFacts::default());
    assert!(
        errors.first.iter().all(|e| !e.text.contains("import"))
            && errors.rest.iter().any(|e| e.text.contains("import time"))
    );
    // A module's function it lacks: each it has, spelt like it first; the message's module may be aliased.
    let fixed = "def largest(xs, n):\n    return hq.nlargest(n, xs)\n";
    let missing = Missing::ModuleAttribute { module: "heapq".into(), attribute: "nlargets".into() };
    let programs = repaired(&fixed.replace("nlargest", "nlargets"), missing);
    assert_eq!(programs.first().map(String::as_str), Some(fixed), "{programs:?}");
    assert_eq!(programs.len(), module_functions("heapq").len());
    // A receiver a builtin type made (`s[0].sub`) where a module's function was called.
    let fixed = "def strip(s):\n    return re.sub('[A-Z]', '', s)\n";
    let missing = Missing::Attribute { type_name: "str".into(), attribute: "sub".into() };
    assert!(repaired(&fixed.replace("re.sub", "s[0].sub"), missing).iter().any(|p| p == fixed));
    // A method a list lacks, called where a builtin took the arguments.
    let fixed = "def top(xs):\n    return max((x for x in xs if x > 0))\n";
    let missing = Missing::Attribute { type_name: "list".into(), attribute: "finditer".into() };
    assert!(repaired(&fixed.replace("max(", "xs.finditer("), missing).iter().any(|p| p == fixed));
    // An index of the wrong type, on the line that raised: the small indices.
    let fixed = "def second(pairs):\n    pairs.sort(key=lambda x: x[1])\n    return pairs\n";
    let programs = repaired(&fixed.replace("x[1]", "x[second]"), Missing::Index { line: 1 });
    assert!(programs.iter().any(|p| p == fixed));
    assert!(repaired(&fixed.replace("x[1]", "x[second]"), Missing::Index { line: 2 }).is_empty());
    // The attribute itself is never its own repair.
    let missing = Missing::Attribute { type_name: "str".into(), attribute: "decode".into() };
    let errors = error_edits(&parse("def f(s):\n    return s.decode()\n"), &[missing], &TestFacts::default());
    assert!(errors.first.iter().chain(&errors.rest).all(|e| e.text != "decode"));

    let fixed = "def reset(xs):\n    xs.clear()\n    return xs\n";
    let missing = Missing::Attribute { type_name: "list".into(), attribute: "clean".into() };
    let programs = repaired(&fixed.replace("clear", "clean"), missing.clone());
    assert_eq!(programs.first().map(String::as_str), Some(fixed), "the likest name first: {programs:?}");
    // Every other attribute of a list, and the call dropped (`xs`).
    assert_eq!(programs.len(), builtin_attributes("list").len() + 1);
    // The receiver may be the culprit: a name bound to a list, read with the attribute or annotated as a
    // list takes its place, and nothing else does.
    let fixed = "def groups(s: str, out: list):\n    path = []\n    depth = 0\n    for c in s:\n        path.append(c)\n        depth += 1\n    path.clear()\n    return depth\n";
    let broken = fixed.replace("path.clear()", "depth.clear()");
    let missing = Missing::Attribute { type_name: "int".into(), attribute: "clear".into() };
    let tree = parse(&broken);
    let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
    let receivers: Vec<&str> = first.iter().filter(|e| tree.text(e.span) == "depth").map(|e| e.text.as_str()).collect();
    assert_eq!(receivers, ["out", "path"]);
    assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed));
    // A literal the operator refused, on the line that raised, becomes each bound name; a literal elsewhere
    // or of another type stays.
    let fixed =
        "def sum_product(xs):\n    total = 0\n    for n in xs:\n        total += n\n    return total, 'x' + '-'\n";
    let broken = fixed.replace("total += n", "total += '-'");
    let missing = Missing::WrongType { types: vec!["int".into(), "str".into()], line: 3, operator: Some("+=".into()) };
    let tree = parse(&broken);
    let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
    assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed));
    assert!(
        first.iter().all(|e| tree.text(e.span) == "'-'" && e.span.start < broken.find("return").unwrap_or(0) as u32)
    );
    assert_eq!(first.len(), 3, "total, n, xs: {first:?}");
    // A method the value lacks may not belong at all: the call becomes its receiver.
    let fixed = "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n";
    let broken = fixed.replace("= b, a", "= b.reverse(), a");
    let tree = parse(&broken);
    let missing = Missing::Attribute { type_name: "int".into(), attribute: "reverse".into() };
    let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
    assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{first:?}");
    // So does a name of a refused type: a function where a value belongs, a builtin type as an operand.
    for (fixed, from, to, refused, line) in [
        (
            "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n",
            "in xs",
            "in total",
            "function",
            2,
        ),
        ("def at(xs: list, n: int):\n    return xs[n - 1]\n", "[n - 1]", "[List - 1]", "_SpecialGenericAlias", 1),
    ] {
        let broken = fixed.replace(from, to);
        let tree = parse(&broken);
        let missing = Missing::WrongType { types: vec![refused.into()], line, operator: None };
        let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
        assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{broken}");
    }
    // Only the operands of the operator the message names: `numbers` under `%`, not the `0` beside it.
    let tree = parse(
        "def close(numbers: list, t: float):\n    for i in range(3):\n        if t < (i % numbers == 0):\n            return True\n",
    );
    let missing = Missing::WrongType { types: vec!["int".into(), "list".into()], line: 2, operator: Some("%".into()) };
    let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
    assert!(!first.is_empty() && first.iter().all(|e| tree.text(e.span) == "numbers"), "{first:?}");
    // A builtin on the line is left to the mends of what cannot be right: `bool < 0` offers no names; a
    // builtin called there is no culprit (`set(below_zero)` becomes `set(xs)`).
    let tree = parse("def below_zero(xs):\n    for x in set(below_zero):\n        pass\n");
    let missing = Missing::WrongType { types: vec!["function".into()], line: 1, operator: None };
    assert!(error_edits(&tree, &[missing], &TestFacts::default()).first.iter().any(|e| e.text == "xs"));
    let tree =
        parse("def neg(xs):\n    for x in xs:\n        if bool < 0:\n            return True\n    return False\n");
    let missing = Missing::WrongType { types: vec!["type".into(), "int".into()], line: 2, operator: Some("<".into()) };
    assert!(error_edits(&tree, &[missing], &TestFacts::default()).first.is_empty());
    // A value called where a function was: a builtin given as many arguments, an imported module's function,
    // one of the program's callables; not a callee that is callable, nor one on another line.
    let tree = parse(
        "def find(pattern, text):\n    m = pattern(pattern, text)\n    n = helper(text)\n    return len(m) + n\n",
    );
    let facts = TestFacts::default().importing("import re\n");
    let likely = error_edits(&tree, &[Missing::NotCallable { line: 1 }], &facts).likely;
    let texts: Vec<&str> = likely.iter().map(|e| e.text.as_str()).collect();
    for want in ["re.search", "divmod", "len", "isinstance"] {
        assert!(texts.contains(&want), "{want} missing from {texts:?}");
    }
    assert!(!texts.contains(&"sorted"), "sorted takes one argument: {texts:?}");
    assert!(likely.iter().all(|e| tree.text(e.span) == "pattern"), "{likely:?}");
    // An unknown type has no menu.
    let missing = Missing::Attribute { type_name: "Point".into(), attribute: "z".into() };
    let errors = error_edits(&parse("def f(p):\n    return p.z\n"), &[missing], &TestFacts::default());
    assert!(errors.first.is_empty() && errors.rest.is_empty());
}

/// A result computed and dropped, and neighbours swapped in a tuple, a list or a call anywhere.
#[test]
fn dropped_results_and_swapped_elements_are_one_edit() {
    let fixed = "def count_digits(n):\n    count = 0\n    while n > 0:\n        count += 1\n        n //= 10\n    return count\n";
    let broken = fixed.replace("n //= 10", "n // 10");
    assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
    let fixed = "def split_at(xs, i):\n    if i < 0:\n        i = max(0, len(xs) + i)\n    return xs[:i], xs[i:]\n";
    let broken = &fixed.replace("xs[:i], xs[i:]", "xs[i:], xs[:i]");
    assert!(repairs(broken).iter().any(|r| r == fixed), "{broken:?}");
    let fixed =
        "def cmp(pa, pb):\n    for x, y in zip(pa, pb):\n        if x < y:\n            return -1\n    return 0\n";
    let broken = fixed.replace("zip(pa, pb)", "zip(pb, pa)");
    assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
}

/// A function or method called where its sibling was meant: `max` for `min`, `rstrip` for `strip`.
#[test]
fn an_argument_too_many_is_dropped_in_one_edit() {
    let fixes = repairs("def slug(t):\n    return \"-\".join(t.lower().split(\" \"))\n");
    assert!(fixes.iter().any(|f| f.contains("t.lower().split()")), "{fixes:?}");
    let fixes = repairs("def f(n):\n    return sorted(range(1, n), reverse=True)\n");
    for want in ["sorted(range(n), reverse=True)", "sorted(range(1), reverse=True)", "sorted(range(1, n))"] {
        assert!(fixes.iter().any(|f| f.contains(want)), "{want} missing from {fixes:?}");
    }
    // Dropping an argument is one token's kind of edit: classic.
    let tree = parse("def f(s):\n    return s.split(\",\")\n");
    let edit = single_edits(&tree).into_iter().find(|e| e.text == "s.split()").expect("the argument dropped");
    assert_eq!(edit.tier, Tier::Classic);
}

#[test]
fn a_separator_becomes_another_in_one_edit() {
    let fixes = repairs("def title(s):\n    return \"\".join(w.capitalize() for w in s.split(','))\n");
    assert!(fixes.iter().any(|f| f.contains("\" \".join(")), "{fixes:?}");
    assert!(fixes.iter().any(|f| f.contains("s.split('\\n')")), "{fixes:?}");
    // A key and its value joined by the wrong one.
    let fixes = repairs("def pair(k, v):\n    return str(k) + \":\" + str(v)\n");
    assert!(fixes.iter().any(|f| f.contains("str(k) + \"=\" + str(v)")), "{fixes:?}");
    // Only separators: a word stays a word.
    let fixes = repairs("def f():\n    return 'abc'\n");
    assert!(!fixes.iter().any(|f| f.contains("' '")), "{fixes:?}");
}

#[test]
fn two_digits_in_the_wrong_order_are_one_edit() {
    let fixes = repairs("def cap(n):\n    return min(n, 23) + 1042\n");
    assert!(fixes.iter().any(|f| f.contains("min(n, 32)")), "{fixes:?}");
    assert!(fixes.iter().any(|f| f.contains("+ 1024")), "{fixes:?}");
    // Never a leading zero (`01` is no Python literal), nor a swap of equal digits.
    let fixes = repairs("def f():\n    return 10 + 11\n");
    assert!(!fixes.iter().any(|f| f.contains("return 01 ")), "{fixes:?}");
}

#[test]
fn a_callee_that_cannot_be_right_may_be_an_imported_modules_function() {
    let broken = "def match_ab(text):\n    return bool((n > m[-1])('ab+', text))\n";
    let tree = parse(broken);
    let fixes = |facts: &TestFacts| -> Vec<String> {
        single_edits_with(&tree, facts)
            .iter()
            .filter(|e| e.tier == Tier::Classic)
            .filter_map(|e| apply(&tree, e))
            .map(|(_, t)| t.source().to_string())
            .collect()
    };
    let search = broken.replace("(n > m[-1])", "re.search");
    assert!(!fixes(&TestFacts::default()).contains(&search), "no import, no module's function");
    assert!(fixes(&TestFacts::default().importing("import os, re\n")).contains(&search));
    let aliased = broken.replace("(n > m[-1])", "regex.search");
    assert!(fixes(&TestFacts::default().importing("import re as regex\n")).contains(&aliased));
    // A module the function imports itself counts too; a name imported from one does not.
    let own = parse(format!("import math\n{}", broken.replace("'ab+', text", "x")));
    let floor = own.source().replace("(n > m[-1])", "math.floor");
    assert!(single_edits(&own).iter().filter_map(|e| apply(&own, e)).any(|(_, t)| t.source() == floor));
    assert!(!fixes(&TestFacts::default().importing("from re import search\n")).contains(&search));
    // So may a receiver that is no name the program binds, of one of the module's functions.
    let fixed = "def lowerless(s):\n    return re.sub('[a-z]', '', s)\n";
    let broken = fixed.replace("re.sub", "(lowerless + 0).sub");
    let tree = parse(&broken);
    let re = TestFacts::default().importing("import re\n");
    let hit =
        single_edits_with(&tree, &re).into_iter().find(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == fixed));
    assert_eq!(hit.map(|e| e.tier), Some(Tier::Classic));
    let bound = parse(fixed.replace("re.sub", "s.sub"));
    assert!(!single_edits_with(&bound, &re).iter().any(|e| e.text == "re"), "a parameter's method stays its own");
}

#[test]
fn sibling_functions_and_methods_are_swapped() {
    let fixed = "def span(xs, s):\n    lo = min(xs)\n    return max(xs) - lo, s.strip().lower()\n";
    for broken in [fixed.replacen("min", "max", 1), fixed.replace("strip", "rstrip"), fixed.replace("lower", "upper")] {
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
    }
    // Not a variable that happens to share the name.
    let tree = parse("def f(max):\n    return max + 1\n");
    assert!(single_edits(&tree).iter().all(|e| e.text != "min"));
}

/// A literal with a zero too many or too few, and a string the tests expect that the function lacks (an
/// expected output): one edit each. The tests' docstrings and f-strings, and strings the function has, are no
/// test strings.
#[test]
fn literals_off_by_a_zero_and_the_tests_strings_are_one_edit() {
    let fixed = "def roman(c):\n    return {\"C\": 100, \"D\": 500}[c]\n";
    assert!(repairs(&fixed.replace("500", "50")).iter().any(|r| r == fixed));
    assert!(repairs(&fixed.replace("100", "1000")).iter().any(|r| r == fixed));
    let fixed = "def fizz(n):\n    if n % 5 == 0:\n        return \"Buzz\"\n    return \"Fizz\"\n";
    let broken = parse(fixed.replace("Buzz", "Fizz"));
    let tests = Tests::Check {
        source: "def check(f):\n    \"\"\"A docstring.\"\"\"\n    assert f(5) == \"Buzz\"\n    \
                 assert f(3) == 'Fizz', f\"{f(3)}\"\n    assert f(10) == \"Buzz\", \"\"\"docstring-like\"\"\"\n"
            .into(),
        entry_point: "fizz".into(),
    };
    let strings = test_strings(&tests, &broken);
    // 'Fizz' is the function's "Fizz"; b'x' is not 'x'.
    assert_eq!(parse("'Fizz'").normalised(), parse("\"Fizz\"").normalised());
    assert_ne!(parse("b'x'").normalised(), parse("'x'").normalised());
    assert_eq!(strings, ["\"Buzz\"", "\"\"\"docstring-like\"\"\""]);
    // A parametrised test's names are the test's own, not a value.
    let parametrised = Tests::Asserts(vec![
        "@pytest.mark.parametrize(\"n,out\", [(5, \"Buzz\")])\ndef test_f(n, out):\n    assert fizz(n) == out\n".into(),
    ]);
    assert_eq!(test_strings(&parametrised, &broken), ["\"Buzz\""]);
    let repaired = |strings: &[String]| {
        single_edits_with(&broken, &TestFacts { strings: strings.to_vec(), ..TestFacts::default() })
            .iter()
            .filter_map(|e| apply(&broken, e))
            .any(|(_, t)| t.source() == fixed)
    };
    assert!(repaired(&strings));
    assert!(!repaired(&[]), "without the tests' strings there is no such repair");
    // A character the function looks for, another of the tests' punctuation: not the function's own, nor a quote.
    let nested = "def depth(s):\n    d = 0\n    for c in s:\n        if c == '[':\n            d += 1\n    return d\n";
    let broken = parse(nested.replace("'['", "'('"));
    let tests = Tests::Asserts(vec!["assert depth('[[]]') == 2, '(x)!'\nassert depth(\"'(\") == 0\n".into()]);
    let punctuation = test_punctuation(&tests, &broken);
    assert_eq!(punctuation, ['[', ']']);
    let facts = TestFacts { punctuation, ..TestFacts::default() };
    let programs: Vec<String> = single_edits_with(&broken, &facts)
        .iter()
        .filter_map(|e| apply(&broken, e))
        .map(|(_, t)| t.source().to_string())
        .collect();
    assert!(programs.iter().any(|p| p == nested));
    assert!(!repairs(broken.source()).iter().any(|p| p == nested), "without the tests' punctuation there is none");
}

/// An assignment's operator is one edit away from the others: a flipped `+=`, a `=` that should count.
#[test]
fn assignment_operators_are_swapped() {
    let fixed = "def tally(words):\n    counts = {}\n    for w in words:\n        counts[w] = counts.get(w, 0)\n        counts[w] += 1\n    return counts\n";
    for broken in
        [fixed.replace("] += 1", "] -= 1"), fixed.replace("] += 1", "] = 1"), fixed.replace("] += 1", "] //= 1")]
    {
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
    }
    let fixed =
        "def bitcount(n):\n    count = 0\n    while n:\n        n &= n - 1\n        count += 1\n    return count\n";
    assert!(repairs(&fixed.replace("&=", "^=")).iter().any(|r| r == fixed), "a bitwise operator");
    // Not where the assignment has several targets or an annotation.
    let tree = parse("def f(x):\n    a, b = x\n    c: int = x\n    return a\n");
    assert!(single_edits(&tree).iter().all(|e| !e.text.contains("+=")), "{:?}", single_edits(&tree));
}

/// QuixBugs' one-token bugs of these shapes are classic edits: a loop run `while True` (breadth-first search), a
/// base case one level too shallow (subsequences), a recursion where the value was meant (flatten), a matrix's
/// indices swapped (shortest path lengths), a sequence recursed on or iterated whole where its rest was meant
/// (longest common subsequence, k-heapsort).
#[test]
fn loops_base_cases_recursions_and_indices() {
    let cases = [
        "def drain(queue):\n    out = []\n    while queue:\n        out.append(queue.pop())\n    return out\n",
        "def subsets(xs, k):\n    if k == 0:\n        return [[]]\n    return [[xs[0]] + s for s in subsets(xs[1:], k - 1)]\n",
        "def flatten(xs):\n    for x in xs:\n        if isinstance(x, list):\n            yield from flatten(x)\n        else:\n            yield x\n",
        "def at(m, j, k):\n    return m[k, j] + m[j, k]\n",
        "def lcs(a, b):\n    if not a or not b:\n        return 0\n    return max(lcs(a[1:], b), lcs(a, b[1:]))\n",
        "def tail_sum(xs, k):\n    head = xs[:k]\n    for x in xs[k:]:\n        head.append(x)\n    return sum(head)\n",
        "def lis(xs):\n    longest = 0\n    for x in xs:\n        longest = max(longest, x + 1)\n    return longest\n",
        "def best(xs):\n    max_here = 0\n    out = 0\n    for x in xs:\n        max_here = max(0, max_here + x)\n        out = max(out, max_here)\n    return out\n",
        "def msort(xs):\n    if len(xs) <= 1:\n        return xs\n    half = len(xs) // 2\n    return merge(msort(xs[:half]), msort(xs[half:]))\n",
        "def balanced(s):\n    depth = 0\n    for c in s:\n        if c == '(':\n            depth += 1\n        else:\n            depth -= 1\n            if depth < 0:\n                return False\n    return depth == 0\n",
    ];
    let broken = [
        cases[0].replace("while queue", "while True"),
        cases[1].replace("return [[]]", "return []"),
        cases[2].replace("yield x", "yield flatten(x)"),
        cases[3].replace("m[k, j] +", "m[j, k] +"),
        cases[4].replace("lcs(a, b[1:])", "lcs(a, b)"),
        cases[5].replace("in xs[k:]", "in xs"),
        cases[6].replace("max(longest, x + 1)", "x + 1"),
        cases[7].replace("max(0, max_here + x)", "max_here + x"),
        cases[8].replace("<= 1", "== 0"),
        cases[9].replace("depth == 0", "True"),
    ];
    // A recursion's argument moved by a local (a rewrite: not in `classic`).
    let kth = "def kth(xs, k):\n    p = xs[0]\n    below = [x for x in xs if x < p]\n    above = [x for x in xs if x > p]\n    n = len(xs) - len(above)\n    if k < len(below):\n        return kth(below, k)\n    if k >= n:\n        return kth(above, k - n)\n    return p\n";
    let kth_broken = kth.replace("k - n)", "k)");
    assert_ne!(kth_broken, kth);
    assert!(repairs(&kth_broken).iter().any(|r| r == kth));
    for (fixed, broken) in cases.iter().zip(&broken) {
        assert_ne!(fixed, broken);
        assert!(classic(broken).iter().any(|r| r == fixed), "{broken:?} has no classic one-edit repair");
    }
    // `while True` becomes a name its body reads, not a function it calls.
    assert!(!classic(&broken[0]).iter().any(|r| r.contains("while out.append")));
    // A store wrapped in `max` or `min` only where its name says which (otherwise it is a rewrite), and only
    // into a local stored elsewhere too.
    let plain = cases[6].replace("longest", "n");
    let plain_broken = plain.replace("max(n, x + 1)", "x + 1");
    assert!(!classic(&plain_broken).contains(&plain) && repairs(&plain_broken).contains(&plain));
    // A base case widened only in a function that calls itself; a balance only of a count up and down.
    assert!(
        !repairs("def even(n):\n    if n % 2 == 0:\n        return True\n    return False\n")
            .iter()
            .any(|r| r.contains("<= 1"))
    );
    let counted = "def f(s):\n    n = 0\n    for c in s:\n        n += 1\n    return True\n";
    assert!(!repairs(counted).iter().any(|r| r.contains("n == 0")));
    let once = "def f(x):\n    longest = x + 1\n    return longest\n";
    assert!(!repairs(once).iter().any(|r| r.contains("max(longest, x + 1)")));
}

/// A graft over a parameter's name is undone by one edit, whatever the graft; a docstring is left alone.
#[test]
fn a_foreign_expression_becomes_a_parameter_in_one_edit() {
    let fixed = "def below_zero(operations, limit):\n    \"\"\"Doc.\"\"\"\n    return sum(operations) < limit\n";
    for graft in ["op - bool", "below_zero[below_zero]", "'B-'", "(b + b)", "12"] {
        let broken = fixed.replacen("sum(operations)", &format!("sum({graft})"), 1);
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
    }
    let tree = parse(fixed);
    let docstring = tree.text(tree.nodes().iter().find(|n| n.kind == "string").unwrap().span);
    assert!(single_edits(&tree).iter().all(|e| tree.text(e.span) != docstring));
    // Reading only names bound nowhere, it becomes a parameter nothing reads as a mend; a parameter the body
    // reads stays a rewrite, and so does any parameter where the site reads a bound name.
    let tree = parse("def add(a, half):\n    return a + (x < lo) * a\n");
    let tier_of = |site: &str, text: &str| {
        let edits = single_edits(&tree);
        edits.iter().find(|e| tree.text(e.span) == site && e.text == text).map(|e| e.tier)
    };
    assert_eq!(tier_of("(x < lo)", "half"), Some(Tier::Mend));
    assert_eq!(tier_of("(x < lo)", "a"), Some(Tier::Classic));
    assert_eq!(tier_of("(x < lo) * a", "half"), Some(Tier::Classic));
}

#[test]
fn a_consistent_header_is_left_alone() {
    // Every header name is read by the body (or is a builtin type) and the body reads nothing unbound: no header
    // edit. The function's own name never changes (the tests call it), nor does a keyword argument's.
    let source = "def add(a: int, b: int) -> int:\n    return max(a=a, b=b)\n";
    let tree = parse(source);
    let body_start = source.find("return").unwrap() as u32;
    let kwarg = source.find("a=a").unwrap() as u32;
    for e in single_edits(&tree) {
        assert!(e.span.start >= body_start, "header edit {e:?}");
        assert_ne!(e.span.start, kwarg, "keyword argument renamed: {e:?}");
    }
    // Only the parameter, to the name the body reads; not to the builtin it also reads.
    let source = "def scale(v):\n    return abs(v * factor)\n";
    let tree = parse(source);
    let header_end = source.find(':').unwrap() as u32;
    let header: Vec<_> = single_edits(&tree).into_iter().filter(|e| e.span.start < header_end).collect();
    assert_eq!(header.len(), 1, "{header:?}");
    assert_eq!((tree.text(header[0].span), header[0].text.as_str()), ("v", "factor"));
}

/// Programs are judged by the kinds the tests pass ([`kinds_could_pass`]): a number iterated, a string's method on a
/// list are out; a parameter rebound, code that tells kinds apart, a parameter passed two kinds, and uses every
/// passed kind has are in.
#[test]
fn kinds_could_pass_rejects_only_what_cannot_run() {
    let tests = |lines: &[&str]| Tests::Asserts(lines.iter().map(|l| format!("assert {l}")).collect());
    let judged = |program: &str, lines: &[&str]| {
        let tree = parse(program);
        kinds_could_pass(&tree, &TestFacts::of(&tests(lines), &tree))
    };
    let list_and_number = ["f([1, 2], 3) == 4", "f([], 0) == 0"];
    for (program, could) in [
        ("def f(xs, n):\n    return sum(x for x in n)\n", false),
        ("def f(xs, n):\n    return len(xs) + n\n", true),
        ("def f(xs, n):\n    return xs.upper()\n", false),
        ("def f(xs, n):\n    return xs[n] if n < len(xs) else n\n", true),
        ("def f(xs, n):\n    return xs / n\n", false),
        ("def f(xs, n):\n    return (xs * n)[0]\n", true),
        // Rebound: what `n` holds at its use is not what the tests pass.
        ("def f(xs, n):\n    n = list(xs)\n    return len(n)\n", true),
        // Telling kinds apart: either use may be the one that runs.
        ("def f(xs, n):\n    if isinstance(n, list):\n        return len(n)\n    return n\n", true),
        ("def f(xs, n):\n    try:\n        return len(n)\n    except TypeError:\n        return n\n", true),
        // A helper's parameter of the same name is not the tested function's.
        ("def g(n):\n    return len(n)\n\ndef f(xs, n):\n    return g(xs) + n\n", true),
    ] {
        assert_eq!(judged(program, &list_and_number), could, "{program}");
    }
    // A local bound once to a number, updated in place, then used as a list; one returned where a number is expected.
    assert!(!judged("def f(xs, n):\n    total = 0\n    total += n\n    return total.append(1)\n", &list_and_number));
    assert!(judged("def f(xs, n):\n    total = 0\n    total += n\n    return total + len(xs)\n", &list_and_number));
    assert!(!judged("def f(xs, n):\n    out = []\n    return sorted(out)\n", &list_and_number));
    // Bound twice, or by a loop too: its kind at a use is not known.
    assert!(judged("def f(xs, n):\n    t = 0\n    t = []\n    return len(t)\n", &list_and_number));
    assert!(judged("def f(xs, n):\n    t = 0\n    for t in xs:\n        pass\n    return len(t)\n", &list_and_number));
    // Returns before the last statement, or yields: the last `return` is not what every call returns.
    assert!(judged("def f(xs, n):\n    if n:\n        return n\n    return []\n", &list_and_number));
    // A program that defines a builtin's name is not judged by the builtin.
    assert!(judged("def len(x):\n    return []\n\ndef f(xs, n):\n    return len(xs)\n", &["f([1], 2) == []"]));
    // A `check`'s `candidate` is its entry point, not the program's helper.
    let helper = "def is_even(k):\n    return k % 2 == 0\n\ndef evens(xs):\n    return [x for x in xs if is_even(x)]\n";
    let check = Tests::Check {
        source: "def check(candidate):\n    assert candidate([1, 2]) == [2]\n".into(),
        entry_point: "evens".into(),
    };
    let tree = parse(helper);
    assert!(kinds_could_pass(&tree, &TestFacts::of(&check, &tree)));
    let broken = parse(helper.replace("return [x for x in xs if is_even(x)]", "return len(xs)"));
    assert!(!kinds_could_pass(&broken, &TestFacts::of(&check, &broken)));
    // Names of known kinds give an operand's kind: a list added to a number, a list indexing a list, a list looked
    // for in a string.
    let three = ["f([1, 2], 3, 'ab') == 4"];
    assert!(!judged("def f(xs, n, s):\n    return n + xs\n", &three));
    assert!(!judged("def f(xs, n, s):\n    k = n * 2\n    return k + xs\n", &three));
    assert!(!judged("def f(xs, n, s):\n    return xs[xs]\n", &three));
    assert!(!judged("def f(xs, n, s):\n    return xs[s:]\n", &three));
    assert!(!judged("def f(xs, n, s):\n    return xs in s\n", &three));
    assert!(judged("def f(xs, n, s):\n    return xs[n] + (s in s) + len(xs[1:n])\n", &three));
    // Passed a list in one test and a number in another: the function must take both.
    assert!(judged("def f(x):\n    return len(x)\n", &["f([1]) == 1", "f(3) == 1"]));
    // Untested functions and tests that state no call are judged by nothing.
    assert!(judged("def f(xs, n):\n    return sum(x for x in n)\n", &["g(1) == 2"]));
    assert!(judged("def f(xs, n):\n    return sum(x for x in n)\n", &["f([1], 2)"]));
}

/// Set e's bugs (session 49): a sibling of the standard library's, a slice's other end, the file's own exception.
#[test]
fn siblings_slice_ends_and_own_exceptions_are_classic_edits() {
    let has = |broken: &str, fixed: &str| classic(broken).iter().any(|f| f.contains(fixed));
    assert!(has("import bisect\n\ndef f(xs, x):\n    return bisect.bisect_left(xs, x)\n", "bisect.bisect_right(xs"));
    assert!(has("import re\n\ndef f(s):\n    return re.match(r'\\d+', s)\n", "re.fullmatch(r"));
    // `s[1:]` keeps the last element, `s[:-1]` the first (rewrites); `s[2:]` is no quote's.
    let other_end = |broken: &str| repairs(broken).iter().any(|f| f.contains("s[1:-1]"));
    assert!(other_end("def f(s):\n    return s[1:]\n") && other_end("def f(s):\n    return s[:-1]\n"));
    assert!(!has("def f(s):\n    return s[1:]\n", "s[1:-1]"));
    assert!(has("def f(s):\n    if s.startswith('\"'):\n        return s[1:]\n    return s\n", "s[1:-1]"));
    assert!(!repairs("def f(s):\n    return s[2:]\n").iter().any(|f| f.contains("s[2:-1]")));
    // The program's own exception class, raised or caught.
    let bank = "class Overdrawn(Exception):\n    pass\n\ndef take(b, n):\n    if n > b:\n        raise ValueError(n)\n    \
                return b - n\n";
    assert!(has(bank, "raise Overdrawn(n)"));
    // The other way a builtin the program does not name is a rewrite, as for any raise.
    let own = bank.replace("raise ValueError", "raise Overdrawn");
    assert!(repairs(&own).iter().any(|f| f.contains("raise ValueError(n)")) && !has(&own, "raise ValueError(n)"));
    // An `except` of the program's own exception: another of its own is classic, a builtin a rewrite.
    let caught = "class Overdrawn(Exception):\n    pass\n\nclass Closed(Exception):\n    pass\n\ndef f(a):\n    try:\n        \
                  a.take(1)\n    except Overdrawn:\n        return 0\n";
    assert!(has(caught, "except Closed:") && !has(caught, "except KeyError:"));
    // A method's file defines it before the method: the context's classes.
    let method = "def take(self, n):\n    if n > self.b:\n        raise ValueError(n)\n    self.b -= n\n";
    let tree = parse(method);
    let facts = TestFacts::of(&Tests::Asserts(Vec::new()), &tree).importing("class BankError(Exception):\n    pass\n");
    assert!(single_edits_with(&tree, &facts).iter().any(|e| e.tier <= Tier::Classic && e.text == "BankError"));
    assert!(!single_edits(&tree).iter().any(|e| e.text == "BankError"));
    // An attribute named like a parameter (a rename: the field's class is elsewhere); not a method called.
    let add = "def add(self, sku, n):\n    for item in self.items:\n        if item.sku == sku:\n            \
               item.price += n\n            self.log.append(n)\n";
    assert!(repairs(add).iter().any(|f| f.contains("item.n += n")));
    assert!(!classic(add).iter().any(|f| f.contains("item.n += n")));
    assert!(!repairs(add).iter().any(|f| f.contains("self.log.n(n)")));
    // A name and the one it was bound to are kin: one for the other is classic.
    let units = "def f(text):\n    units, n = DAYS, 0\n    for ch in text:\n        if ch == 'T':\n            \
                 units = HOURS\n        elif ch in HOURS:\n            n += units[ch]\n    return n\n";
    assert!(has(units, "elif ch in units:"), "{:#?}", classic(units));
    assert!(!has("def f(text):\n    units = 3\n    return text in HOURS\n", "text in units"));
    // A number in a string passed one off, not one compared; a precision a parameter nothing reads.
    assert!(has("def f(o):\n    return float(o.get('q', '0'))\n", "o.get('q', '1')"));
    assert!(!has("def f(ch):\n    return ch == '0'\n", "ch == '1'"));
    let fmt = "def fmt(x, decimals):\n    return f\"{abs(x):.2f}\"\n";
    assert!(has(fmt, "f\"{abs(x):.{decimals}f}\""), "{:#?}", classic(fmt));
    assert!(!has("def fmt(x, decimals):\n    return f\"{x:.2f}\" * decimals\n", "{decimals}"));
    // A new value computed and dropped: kept, or made in place.
    let times = "def f(ts):\n    times = list(ts)\n    sorted(times, key=abs)\n    return times[0]\n";
    assert!(has(times, "    times = sorted(times, key=abs)\n") && has(times, "    times.sort(key=abs)\n"));
    assert!(has("def f(s):\n    s.strip()\n    return s\n", "    s = s.strip()\n"));
    // Not a call that does something (`print`), one of two positional arguments, nor a builtin the program binds.
    assert!(!repairs("def f(s, t):\n    print(s)\n    sorted(s, t)\n").iter().any(|f| f.contains("s = ")));
    assert!(!repairs("def f(sorted, s):\n    sorted(s)\n    return s\n").iter().any(|f| f.contains("s = sorted")));
}

/// Set d's bugs (session 47): the exception a `raise` raises, a rounding builtin for `math`'s, an index without
/// the modulus its kin take, and a value kept with its sign where the function takes the sign apart.
#[test]
fn raised_exceptions_rounding_and_magnitudes_are_classic_edits() {
    let has = |broken: &str, fixed: &str| classic(broken).iter().any(|f| f.contains(fixed));
    // Classic where the program names it (its docstring) or the tests do; else a rewrite.
    let pop = "def pop(xs):\n    \"\"\"IndexError when empty.\"\"\"\n    if not xs:\n        raise ValueError('empty')\n    \
               return xs.pop()\n";
    assert!(has(pop, "raise IndexError('empty')"));
    let get = "def f(d, k):\n    if k not in d:\n        raise TypeError\n    return d[k]\n";
    assert!(!has(get, "raise KeyError\n") && repairs(get).iter().any(|f| f.contains("raise KeyError\n")));
    let tree = parse(get);
    let tests = Tests::Asserts(vec!["with pytest.raises(KeyError):\n    f({}, 1)".into()]);
    let named = single_edits_with(&tree, &TestFacts::of(&tests, &tree));
    assert!(named.iter().any(|e| e.tier <= Tier::Classic && e.text == "KeyError"));
    // A base class is a rewrite, as in an `except` clause.
    assert!(!has(pop, "raise Exception('empty')") && repairs(pop).iter().any(|f| f.contains("raise Exception(")));
    assert!(has("import math\n\ndef f(t):\n    return max(1, round(t))\n", "max(1, math.ceil(t))"));
    assert!(has("import math as m\n\ndef f(t):\n    return int(t) + 1\n", "m.floor(t) + 1"));
    assert!(has("import math\n\ndef f(t):\n    return math.floor(t)\n", "return round(t)"));
    // Not where `math`'s would not take the arguments.
    assert!(!has("import math\n\ndef f(s):\n    return int(s, 16) + round(s, 2)\n", "math."));
    // Not without `math` imported.
    assert!(!has("def f(t):\n    return max(1, round(t))\n", "math.ceil("));
    // A union-find's raw parent for its root: the helper that reads `parent[…]`.
    let roots = "def f(n):\n    parent = list(range(n))\n\n    def find(x):\n        while parent[x] != x:\n            \
                 x = parent[x]\n        return x\n\n    return [parent[i] for i in range(n)]\n";
    assert!(has(roots, "return [find(i) for i in range(n)]"));
    assert!(!has(roots, "while find(x) != x"));
    // Not a helper nested in another function, where it cannot be called.
    let nested = "def g(parent):\n    def find(x):\n        return parent[x]\n    return find\n\n\
                  def f(parent, i):\n    return parent[i]\n";
    assert!(!has(nested, "return find(i)"));
    // A ring buffer's index without the modulus its other index takes.
    let push = "def push(self, x):\n    cap = len(self.items)\n    end = self.start + self.size\n    self.items[end] = x\n    \
                self.start = (self.start + 1) % cap\n";
    assert!(has(push, "end = (self.start + self.size) % cap\n"));
    assert!(!has("def f(xs, i):\n    j = i + 1\n    return xs[j]\n", ") % "));
    assert!(!has("def f(xs, i):\n    j = i + 1\n    return xs[j] + i % 2 + '%s' % i\n", ") % "));
    let size = "def f(n):\n    sign = '-' if n < 0 else ''\n    size = n\n    return sign + str(size)\n";
    assert!(has(size, "size = abs(n)"));
    assert!(!has("def f(n):\n    size = n\n    return str(size)\n", "abs(n)"));
}

/// Session 39's sweep of realistic bugs: each of these one-line fixes is one classic edit, and only where it can be
/// meant.
#[test]
fn realistic_one_line_fixes_are_classic_edits() {
    let has = |broken: &str, fixed: &str| classic(broken).iter().any(|f| f.contains(fixed));
    // Identity where equality was meant.
    assert!(has("def f(n):\n    return n % 7 is 0\n", "n % 7 == 0"));
    assert!(has("def f(a, b):\n    return a is not b\n", "a != b"));
    // Another exception caught; the catch-all later (a rewrite).
    let broken = "def f(s):\n    try:\n        return int(s)\n    except TypeError as e:\n        return None\n";
    assert!(has(broken, "except ValueError as e:"));
    assert!(!has(broken, "except Exception as e:") && repairs(broken).iter().any(|f| f.contains("except Exception")));
    // The order `sorted` was meant to give; not twice.
    assert!(has("def f(xs):\n    return sorted(xs, key=len)\n", "sorted(xs, key=len, reverse=True)"));
    assert!(has("def f(xs):\n    xs.sort()\n    return xs\n", "xs.sort(reverse=True)"));
    assert!(!has("def f(xs):\n    return sorted(xs, reverse=False)\n", "reverse=False, reverse=True"));
    // The separator a bare split was meant to cut at; a split given one keeps it.
    assert!(has("def f(line):\n    return line.split()\n", "line.split(\",\")"));
    assert!(!has("def f(line):\n    return line.split(';')\n", "line.split(';', \",\")"));
    // A missing key's default, for a dictionary only, and only where it is read.
    let counts =
        "def f(words):\n    counts = {}\n    for w in words:\n        counts[w] = counts[w] + 1\n    return counts\n";
    assert!(has(counts, "counts[w] = counts.get(w, 0) + 1"));
    assert!(!has(counts, "counts.get(w, 0) = "));
    assert!(!has("def f(xs, i):\n    ys = [1, 2]\n    return ys[i]\n", ".get("));
    // A recursion's answer dropped, not only as the last statement.
    let search = "def find(xs, t, lo, hi):\n    if lo > hi:\n        return -1\n    mid = (lo + hi) // 2\n    if xs[mid] < t:\n        find(xs, t, mid + 1, hi)\n    return find(xs, t, lo, mid - 1)\n";
    assert!(has(search, "        return find(xs, t, mid + 1, hi)\n"));
    // A running minimum begun at a number the data may never go below; not a counter.
    let closest =
        "def f(xs):\n    best = 0\n    for x in xs:\n        if x < best:\n            best = x\n    return best\n";
    assert!(has(closest, "best = float(\"inf\")"));
    assert!(!has("def f(xs):\n    n = 0\n    for x in xs:\n        n += x\n    return n\n", "float("));
    // An element kept as the extreme so far (a rewrite: tried after the classic edits).
    let merge = "def f(ivs):\n    out = [list(ivs[0])]\n    for s, e in ivs[1:]:\n        last = out[-1]\n        if s <= last[1]:\n            last[1] = e\n        else:\n            out.append([s, e])\n    return out\n";
    assert!(repairs(merge).iter().any(|f| f.contains("last[1] = max(last[1], e)")));
    // A loop's pair unpacked in the wrong order.
    let numbered = "def f(lines):\n    out = []\n    for line, n in enumerate(lines, 1):\n        out.append(f'{n}: {line}')\n    return out\n";
    assert!(has(numbered, "for n, line in enumerate(lines, 1):"));
    // A table one too short.
    assert!(has("def f(xs):\n    table = [0] * len(xs)\n    return table\n", "[0] * (len(xs) + 1)"));
    assert!(has("def f(xs):\n    return [1] + (len(xs)) * [0] + [1]\n", "[1] + (len(xs) - 1) * [0] + [1]"));
    // An f-string's value without its sibling's format (also after a conversion); none where no sibling has one.
    let clock = "def f(m):\n    return f\"{m // 60:02d}:{m % 60}\"\n";
    assert!(has(clock, "f\"{m // 60:02d}:{m % 60:02d}\""));
    assert!(has("def f(a, b):\n    return f'{a:>4}|{b!r}'\n", "f'{a:>4}|{b!r:>4}'"));
    assert!(!has("def f(a, b):\n    return f'{a}:{b}'\n", "f'{a:"));
    // A mutable default copied where it is stored; not a default of another kind.
    let cart = "class Cart:\n    def __init__(self, items=[]):\n        self.items = items\n";
    assert!(has(cart, "self.items = list(items)"));
    assert!(has("def f(seen={}):\n    known = seen\n    return known\n", "known = dict(seen)"));
    assert!(!has("def f(n=0):\n    m = n\n    return m\n", "(n)"));
    // `enumerate` counting from 1; not twice.
    let numbered_from_0 = "def f(lines):\n    return [f'{n}: {s}' for n, s in enumerate(lines)]\n";
    assert!(has(numbered_from_0, "enumerate(lines, start=1)"));
    assert!(!has("def f(xs):\n    return list(enumerate(xs, 2))\n", "start=1"));
    // A whole condition's missing `not` (a rewrite); a clause's (classic).
    let strong =
        "def f(pw):\n    out = []\n    if any(c.isdigit() for c in pw):\n        out.append('digit')\n    return out\n";
    assert!(!has(strong, "if not any(c.isdigit() for c in pw):"));
    assert!(repairs(strong).iter().any(|f| f.contains("if not any(c.isdigit() for c in pw):")));
    assert!(has("def f(s):\n    return 1 if len(s) > 3 or s.isdigit() else 0\n", "or not s.isdigit()"));
}

/// Python's own pitfalls, each one classic edit: rows that are one list, a membership test chained into a comparison
/// with a boolean, a sort key without its minus, a number read in another base, a mutable default shared by
/// every call; and none where the code is fine.
#[test]
fn python_pitfalls_are_one_classic_edit() {
    let has = |broken: &str, fixed: &str| classic(broken).iter().any(|f| f == fixed);
    let grid = "def f(r, c):\n    g = [[0] * c for _ in range(r)]\n    return g\n";
    assert!(has(&grid.replace("[[0] * c for _ in range(r)]", "[[0] * c] * r"), grid));
    assert!(has("def f(n):\n    return [[]] * n\n", "def f(n):\n    return [[] for _ in range(n)]\n"));
    assert!(!classic("def f(n):\n    return [0] * n\n").iter().any(|f| f.contains("for _ in")));
    let dedup = "def f(xs):\n    seen = set()\n    for x in xs:\n        if x not in seen:\n            seen.add(x)\n    return seen\n";
    assert!(has(&dedup.replace("x not in seen", "x in seen == False"), dedup));
    assert!(has("def f(a, b):\n    return a < b == True\n", "def f(a, b):\n    return a < b\n"));
    assert!(has("def f(a, b):\n    return a < b == False\n", "def f(a, b):\n    return not (a < b)\n"));
    assert!(!classic("def f(a, b, c):\n    return a < b == c\n").iter().any(|f| f.contains("not (")));
    let top = "def f(d):\n    return sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))\n";
    assert!(has(&top.replace("-kv[1]", "kv[1]"), top));
    assert!(has(
        "def f(xs):\n    return sorted(xs, key=lambda x: len(x))\n",
        "def f(xs):\n    return sorted(xs, key=lambda x: -len(x))\n"
    ));
    assert!(!classic("def f(xs):\n    return map(lambda x: x + 1, xs)\n").iter().any(|f| f.contains("-(x + 1)")));
    let hex = "def f(s):\n    return int(s[1:3], 16)\n";
    assert!(has(&hex.replace(", 16", ""), hex));
    assert!(!classic("def f(s):\n    return int(s[1:3], 2)\n").iter().any(|f| f.contains(", 2, ")));
    assert!(!classic("def f(s):\n    return int(s)\n").iter().any(|f| f.contains("int(s, 16)")));
    assert!(has("def hex_value(s):\n    return int(s)\n", "def hex_value(s):\n    return int(s, 16)\n"));
    assert!(!classic("def database(s):\n    return int(s)\n").iter().any(|f| f.contains("int(s, 16)")));
    let leaves = "def leaves(t, out=[]):\n    \"\"\"Leaves.\"\"\"\n    for k, v in t.items():\n        out.append(k)\n    return out\n";
    let guarded = "def leaves(t, out=None):\n    \"\"\"Leaves.\"\"\"\n    if out is None:\n        out = []\n    for k, v in t.items():\n        out.append(k)\n    return out\n";
    assert!(has(leaves, guarded));
    // A nested function's guard at its own indentation.
    let nested =
        "def f(xs):\n    def g(x, acc=[]):\n        acc.append(x)\n        return acc\n    return [g(x) for x in xs]\n";
    let guarded = "def f(xs):\n    def g(x, acc=None):\n        if acc is None:\n            acc = []\n        acc.append(x)\n        return acc\n    return [g(x) for x in xs]\n";
    assert!(has(nested, guarded));
    // A default only read is shared harmlessly.
    assert!(!classic("def f(x, seen=[]):\n    return x in seen\n").iter().any(|f| f.contains("is None")));
    // A queue taken from its end; a call with an argument is left alone.
    let queue = "def drain(q):\n    out = []\n    while q:\n        out.append(q.pop(0))\n    return out\n";
    assert!(has(&queue.replace("pop(0)", "pop()"), queue));
    // A number counted up is no list to copy; a name inside another is not that name.
    let counted = "def f(xs):\n    i = 0\n    for x in xs:\n        i += 1\n        yield i\n";
    assert!(!classic(counted).iter().any(|f| f.contains("list(i)")));
    let other = "def f(xs, rows, all_rows):\n    for x in xs:\n        all_rows.append(x)\n        rows.append(x)\n        yield rows\n";
    assert!(has(other, &other.replace("yield rows", "yield list(rows)")));
    assert!(!classic(&other.replace("        rows.append(x)\n", "")).iter().any(|f| f.contains("list(rows)")));
    // A caller's list kept (directly or as a branch) and then changed in place: a copy; not where only read.
    let kept = "class Q:\n    def __init__(self, tasks=None):\n        self.tasks = tasks if tasks else []\n        self.tasks.sort()\n";
    assert!(has(kept, &kept.replace("= tasks if", "= list(tasks) if")));
    assert!(!classic(kept).iter().any(|f| f.contains("if list(tasks)")), "the test is not a copy");
    let read = "class Q:\n    def __init__(self, tasks):\n        self.tasks = tasks\n\n    def first(self):\n        return self.tasks[0]\n";
    assert!(!classic(read).iter().any(|f| f.contains("list(tasks)")));
    // A list handed out and changed again: a copy (a list, or a tuple for a window); not one never changed again.
    let sums = "def sums(xs, chosen, out):\n    for x in xs:\n        chosen.append(x)\n        out.append(list(chosen))\n        chosen.pop()\n    return out\n";
    assert!(has(&sums.replace("list(chosen)", "chosen"), sums));
    let windows = "def windows(xs, window):\n    for x in xs:\n        window.append(x)\n        yield tuple(window)\n";
    assert!(has(&windows.replace("tuple(window)", "window"), windows));
    let fresh = "def pairs(xs):\n    out = []\n    for x in xs:\n        pair = [x, x]\n        out.append(pair)\n    return out\n";
    assert!(!classic(fresh).iter().any(|f| f.contains("list(pair)")));
    // A record emptied in place after it was handed out: a fresh one.
    let records = "def records(lines):\n    out = []\n    current = {}\n    for line in lines:\n        if not line:\n            out.append(current)\n            current = {}\n        else:\n            current[line] = 1\n    return out\n";
    assert!(has(&records.replace("            current = {}", "            current.clear()"), records));
    // A value made once before the loop that builds and hands it out each time round: made in the loop.
    let rows = "def grid(n):\n    result = []\n    for i in range(n):\n        row = []\n        for j in range(n):\n            row.append(i * j)\n        result.append(row)\n    return result\n";
    let hoisted = rows.replace("    for i in range(n):\n        row = []\n", "    row = []\n    for i in range(n):\n");
    assert!(has(&hoisted, rows), "{:?}", classic(&hoisted));
    let total = "def total(xs):\n    seen = []\n    for x in xs:\n        seen.append(x)\n    return seen\n";
    assert!(!classic(total).iter().any(|f| f.contains("    for x in xs:\n        seen = []")));
    // A branch of a loop without the `continue` its sibling ends in.
    let ini = "def f(lines):\n    out = {}\n    section = ''\n    for line in lines:\n        if not line:\n            continue\n        if line.startswith('['):\n            section = line\n            continue\n        out[line] = section\n    return out\n";
    assert!(has(
        &ini.replace("            section = line\n            continue\n", "            section = line\n"),
        ini
    ));
    assert!(!classic(ini).iter().any(|f| f.contains("continue\n            continue")));
    // The other end of a list; a split that stops after a few fields; a dict's `pop` for its `get`.
    assert!(has("def f(xs, x):\n    xs.insert(0, x)\n", "def f(xs, x):\n    xs.append(x)\n"));
    assert!(!has("def f(xs, x):\n    xs.append(x)\n", "def f(xs, x):\n    xs.insert(0, x)\n"));
    assert!(repairs("def f(xs, x):\n    xs.append(x)\n").iter().any(|f| f == "def f(xs, x):\n    xs.insert(0, x)\n"));
    assert!(has("def f(s):\n    return s.split(' ')\n", "def f(s):\n    return s.split(' ', 3)\n"));
    assert!(has("def f(d, k):\n    return d.get(k, 0)\n", "def f(d, k):\n    return d.pop(k, 0)\n"));
}

/// A builtin shadowed by a local bound after the builtin's call: the local renamed where it is not called.
#[test]
fn a_shadowed_builtin_is_renamed() {
    let broken = "def hist(words):\n    counts = {}\n    for w in words:\n        counts[len(w)] = 1\n    out = []\n    for len in sorted(counts):\n        out.append(f'{len}: {counts[len]}')\n    return out\n";
    let tree = parse(broken);
    let first = error_edits(&tree, &[Missing::Local("len".into())], &TestFacts::default()).first;
    let fixed = broken.replace("for len in", "for len_ in").replace("{len}: {counts[len]}", "{len_}: {counts[len_]}");
    assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{first:?}");
}

/// HumanEvalFix's "missing logic" and "excess logic" bugs that real code shares, each one edit: a difference's
/// `abs`, a comparison of sets or sorted orders, a running extreme that forgot itself, a sequence bounded by the
/// parameter nothing reads, two neighbouring statements too many; and none where it cannot be meant.
#[test]
fn missing_and_excess_logic_are_one_edit() {
    let has = |broken: &str, fixed: &str| classic(broken).iter().any(|f| f == fixed);
    let close = "def close(xs, t):\n    for a in xs:\n        for b in xs:\n            d = abs(a - b)\n            if d < t:\n                return True\n    return False\n";
    assert!(has(&close.replace("abs(a - b)", "a - b"), close));
    assert!(!classic("def f(xs, n):\n    return xs[n - 1]\n").iter().any(|f| f.contains("abs(")));
    assert!(!classic("def f(n):\n    return n - 1\n").iter().any(|f| f.contains("abs(")));
    let same = "def same(s0, s1):\n    return set(s0) == set(s1)\n";
    assert!(has(&same.replace("set(s0) == set(s1)", "s0 == s1"), same));
    let rolling = "def rolling(xs):\n    top = xs[0]\n    out = []\n    for x in xs:\n        top = max(top, x)\n        out.append(top)\n    return out\n";
    assert!(has(&rolling.replace("max(top, x)", "max(xs)"), rolling));
    let first_k = "def add(arr, k):\n    return sum(x for x in arr[:k] if x < 100)\n";
    assert!(has(&first_k.replace("arr[:k]", "arr"), first_k));
    assert!(
        !classic("def add(arr, k):\n    return sum(x for x in arr if x < k)\n").iter().any(|f| f.contains("arr[:k]"))
    );
    let fraction = "def simplify(x, n):\n    a, b = x.split('/')\n    c, d = n.split('/')\n    num = int(a) * int(c)\n    den = int(b) * int(d)\n    return num % den == 0\n";
    let excess = fraction.replace(
        "    c, d = n.split('/')\n",
        "    c, d = n.split('/')\n    a = int(b) * int(c)\n    d = int(c) * int(b)\n",
    );
    assert!(repairs(&excess).iter().any(|f| f == fraction));
    let inverted =
        "def f(n):\n    for i in range(2, n):\n        if n % i == 0:\n            return True\n    return False\n";
    assert!(has(inverted, &inverted.replace("True", "@").replace("False", "True").replace('@', "False")));
    // Rewrites: a branch that forgot to count the other case, two off, a returned list one element too long.
    let parity = "def parity(xs):\n    even = 0\n    odd = 0\n    for x in xs:\n        if x % 2 == 0:\n            even += 1\n        else:\n            odd += 1\n    return even, odd\n";
    let forgot = parity.replace("        else:\n            odd += 1\n", "");
    assert!(repairs(&forgot).iter().any(|f| f == parity));
    assert!(!repairs(parity).iter().any(|f| f.matches("else:").count() > 1));
    let divisors = "def factor(n):\n    out = []\n    i = 2\n    while i <= n:\n        if n % i == 0:\n            out.append(i)\n            n //= i\n        else:\n            i += 1\n    return out\n";
    assert!(repairs(&divisors.replace("i = 2", "i = 0")).iter().any(|f| f == divisors));
    let derivative = "def derivative(xs):\n    return [i * x for i, x in enumerate(xs)][1:]\n";
    assert!(repairs(&derivative.replace("[1:]", "")).iter().any(|f| f == derivative));
    // A value too many in a literal collection, first, middle or last; not of a pair, nor of computed values.
    let odd = "def odd(d):\n    return d in (1, 3, 5, 7)\n";
    for extra in ["(0, 1, 3, 5, 7)", "(1, 3, 4, 5, 7)", "(1, 3, 5, 7, 9)"] {
        assert!(has(&odd.replace("(1, 3, 5, 7)", extra), odd), "{extra}");
    }
    assert!(!classic("def f(d):\n    return d in (1, 3)\n").iter().any(|f| f.contains("(1)") || f.contains("(3)")));
    assert!(!classic("def f(d, x):\n    return d in [x, 1, 3]\n").iter().any(|f| f.contains("[1, 3]")));
    // A method call too many.
    let top = "def top(arr, k):\n    arr.sort()\n    return arr[-k:]\n";
    assert!(has(&top.replace("arr[-k:]", "arr[-k:].copy()"), top));
    let decimal = "def f(s):\n    return float(s.replace(',', '.'))\n";
    assert!(has(&decimal.replace("'.')", "'.').replace('.', ',')"), decimal));
    // Not where the call is its statement's whole value: a bare receiver there does nothing (the statement deleted).
    let kept = "def f(xs):\n    out = []\n    for x in xs:\n        out.append(x)\n    return out\n";
    assert!(!repairs(kept).iter().any(|p| p.contains("        out\n") || p.contains("        not ")));
    // Terms too many inside a chain: two at its end, or an operand and operator in its middle.
    let unit = "def f(a, b):\n    return abs(a % 10) * abs(b % 10)\n";
    assert!(has(&unit.replace("abs(b % 10)", "abs(b % 10) * a * b"), unit));
    let sign = "def f(xs):\n    return (-1) ** len(xs)\n";
    assert!(has(&sign.replace("** len", "** 2 * len"), sign));
    let masked = "def f(a, b, c, d):\n    return a + b | c & d\n";
    let chained = classic(masked);
    assert!(chained.iter().any(|p| p.ends_with("return a + (c & d)\n")));
    assert!(!chained.iter().any(|p| p.ends_with("return a + c & d\n")));
    // The element an index loop is about, for a name compared with its mirror (a rewrite).
    let mirror = "def changes(arr):\n    ans = 0\n    for i in range(len(arr) // 2):\n        if arr[i] != arr[len(arr) - i - 1]:\n            ans += 1\n    return ans\n";
    assert!(repairs(&mirror.replace("if arr[i] !=", "if ans !=")).iter().any(|r| r == mirror));
    // A condition's clause without its `not`; not a returned value's clause (`return d or default`).
    let zip = "def valid(z):\n    if len(z) != 5 or not z.isdigit():\n        return False\n    return True\n";
    assert!(has(&zip.replace("not z.isdigit()", "z.isdigit()"), zip));
    assert!(!classic("def f(d, e):\n    return d or e.copy()\n").iter().any(|p| p.contains("not e.copy()")));
    // Text read without its change of case: a parameter the tests pass strings, a loop's character of it; classic
    // where the docstring speaks of case, not for a parameter passed numbers.
    let with_tests = |program: &str, test: &str, tier: Tier| -> Vec<String> {
        let tree = parse(program);
        let facts = TestFacts::of(&Tests::Asserts(vec![test.into()]), &tree);
        let edits = single_edits_with(&tree, &facts).into_iter().filter(|e| e.tier <= tier);
        edits.filter_map(|e| apply(&tree, &e)).map(|(_, t)| t.source().to_string()).collect()
    };
    let distinct = "def distinct(text):\n    \"\"\"Distinct characters, whatever their case.\"\"\"\n    return len(set(text.lower()))\n";
    let broken = distinct.replace("text.lower()", "text");
    assert!(with_tests(&broken, "assert distinct('aA') == 1\n", Tier::Classic).iter().any(|p| p == distinct));
    assert!(!classic(&broken).iter().any(|p| p == distinct), "without the tests, text is not known to be text");
    let swap = "def swap(s):\n    out = ''\n    for c in s:\n        out += c.swapcase()\n    return out\n";
    let broken = swap.replace("c.swapcase()", "c");
    assert!(!with_tests(&broken, "assert swap('aB') == 'Ab'\n", Tier::Classic).iter().any(|p| p == swap));
    assert!(with_tests(&broken, "assert swap('aB') == 'Ab'\n", Tier::Rewrite).iter().any(|p| p == swap));
    let cases = broken.replace("(s):\n", "(s):\n    \"\"\"Swapped; see the test cases.\"\"\"\n");
    assert!(!with_tests(&cases, "assert swap('aB') == 'Ab'\n", Tier::Classic).iter().any(|p| p.contains("swapcase")));
    let number = "def show(n):\n    return str(n)\n";
    assert!(!with_tests(number, "assert show(1) == '1'\n", Tier::Rewrite).iter().any(|p| p.contains(".lower()")));
}

/// A test that hangs makes the updates of what a `while` loop's condition reads, and its body never binds, likely
/// edits: added at the end of that body, for that loop only.
#[test]
fn a_hang_names_the_updates_its_loop_lacks() {
    let fixed = "def count_down(n):\n    out = []\n    while n:\n        out.append(n)\n        n -= 1\n    while out and out[-1] < 0:\n        out.pop()\n    return out\n";
    let broken = fixed.replace("        n -= 1\n", "");
    let tree = parse(&broken);
    let likely = error_edits(&tree, &[Missing::Hang], &TestFacts::default()).likely;
    let programs: Vec<String> =
        likely.iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
    assert_eq!(programs.len(), 2, "n += 1 and n -= 1: {likely:?}");
    assert!(programs.iter().any(|p| p == fixed));
    assert!(error_edits(&parse(fixed), &[Missing::Hang], &TestFacts::default()).likely.is_empty());
}

/// No edit makes an operand of a comparison or a subtraction read as the other one: `y - y` is `0` and `s[i] ==
/// s[i]` is `True` whatever the inputs, code nobody writes, and a wrong repair when the tests pass it anyway.
#[test]
fn no_edit_makes_an_operand_its_twin() {
    let twins = [
        "def f(a, b):\n    return [abs(x - y) + abs(y - x) for x, y in zip(a, b)]\n",
        "def f(s):\n    for i in range(len(s) - 2):\n        if s[i] == s[i + 1] or s[i + 1] == s[i + 2]:\n            return False\n    return True\n",
        "def f(n, m):\n    return n % 2 == 0 and n >= 8 and n <= m\n",
    ];
    let sides = |program: &str| -> Vec<(String, String)> {
        let tree = parse(program);
        let constant = ["-", "==", "<=", "<", ">", ">=", "and", "or", "%", "/", "//", "^"];
        (0..tree.nodes().len() as NodeId)
            .filter(|&id| tree.children(id).any(|c| constant.contains(&tree.text(tree.node(c).span))))
            .filter_map(|id| {
                let operands: Vec<NodeId> = tree.named_children(id).collect();
                let [a, b] = operands[..] else { return None };
                Some((tree.text(tree.node(a).span).to_string(), tree.text(tree.node(b).span).to_string()))
            })
            .collect()
    };
    for program in twins {
        let edited = repairs(program);
        assert!(edited.len() > 20, "{program}");
        for e in edited {
            let twin = sides(&e).into_iter().find(|(a, b)| a == b && !a.contains('('));
            assert!(twin.is_none(), "{twin:?} in\n{e}");
        }
    }
    // What `abs(y - y)` and `n <= n` stood for, a term or a conjunct in excess, is dropped by a classic edit.
    assert!(classic(twins[0]).iter().any(|e| e.contains("[abs(x - y) for")));
    assert!(classic(twins[2]).iter().any(|e| e.contains("return n % 2 == 0 and n >= 8\n")));
    // A call may differ between its evaluations, and `x != x` is the NaN test: those stay.
    assert!(repairs("def f():\n    return g(1) - g(2)\n").iter().any(|e| e.contains("g(1) - g(1)")));
    assert!(repairs("def f(x, y):\n    return x != y\n").iter().any(|e| e.contains("x != x")));
}

#[test]
fn a_statement_moves_across_a_loops_end() {
    let check = "def f(xs):\n    out = []\n    while xs:\n        out.append(xs.pop())\n        for y in out:\n            \
                 y += 1\n        if len(out) > 3:\n            raise ValueError('long')\n    return out\n";
    // The loop's last statement dedented out of it, classic; the rest of the loop stays.
    let out_of = "        out.append(xs.pop())\n        for y in out:\n            y += 1\n    if len(out) > 3:\n        \
                  raise ValueError('long')\n    return out\n";
    assert!(classic(check).iter().any(|f| f.ends_with(out_of)), "{:#?}", classic(check));
    // The statement after the loop indented into it: a rewrite. Every line of it moves.
    let into = "            raise ValueError('long')\n        return out\n";
    assert!(!classic(check).iter().any(|f| f.ends_with(into)));
    assert!(repairs(check).iter().any(|f| f.ends_with(into)));
    // The inner loop's lone statement does not leave it empty; an `else:` loop and a one-line loop are left alone.
    assert!(!repairs(check).iter().any(|f| f.contains("for y in out:\n        y += 1")));
    // Not a jump, nor a statement sharing its line, nor one holding a string over several lines.
    let jumps = "def f(xs):\n    for x in xs:\n        x += 1\n        break\n    for y in xs:\n        y += 1; print(y)\n    \
                 for z in xs:\n        z += 1\n        print(\"\"\"a\n        b\"\"\")\n    return x\n";
    assert!(!repairs(jumps).iter().any(|f| f.contains("\n    break") || f.contains("\n    print(")));
    let other = "def f(xs):\n    for x in xs:\n        x += 1\n        print(x)\n    else:\n        x = 0\n    \
                 for y in xs: y += 1\n    return x\n";
    assert!(!repairs(other).iter().any(|f| f.contains("\n    print(x)") || f.contains("\n        return x")));
}

#[test]
fn an_elif_and_an_if_swap() {
    let grade = "def f(n):\n    out = []\n    if n > 2:\n        out.append('big')\n    elif n % 2 == 0:\n        \
                 out.append('even')\n    else:\n        out.append('odd')\n    if n < 0:\n        out = []\n    return out\n";
    // The `elif` become an `if` (its `else:` now the new `if`'s), classic.
    let split = grade.replace("    elif n % 2", "    if n % 2");
    assert!(classic(grade).contains(&split), "{:#?}", classic(grade));
    // An `if` after an `if` with an `else:` cannot become an `elif`; after one without, it can.
    assert!(!repairs(grade).iter().any(|f| f.contains("    elif n < 0:\n        out = []")));
    assert!(classic(&split).iter().any(|f| f == grade));
    // Nor an `if` not right after another.
    let nested = "def f(n):\n    if n:\n        n += 1\n    n *= 2\n    if n > 4:\n        n = 4\n    return n\n";
    assert!(!repairs(nested).iter().any(|f| f.contains("elif")));
    // Nor where the branches before it all leave: the same program.
    let guards = "def f(s):\n    if not s:\n        return 0\n    if len(s) == 1:\n        return 1\n    return 2\n";
    assert!(!repairs(guards).iter().any(|f| f.contains("elif")));
    let chained = "def f(s):\n    if not s:\n        return 0\n    elif len(s) == 1:\n        return 1\n    return 2\n";
    assert!(!repairs(chained).iter().any(|f| f.contains("return 0\n    if len(s) == 1")));
}

#[test]
fn a_patterns_repetitions_are_edits() {
    let slug = "import re\n\ndef slug(t):\n    return re.sub(r\"[^a-z0-9]\", \"-\", t.lower()).strip(\"-\")\n";
    assert!(classic(slug).iter().any(|f| f.contains(r#"re.sub(r"[^a-z0-9]+", "-""#)));
    assert!(repairs(slug).iter().any(|f| f.contains(r#"re.sub(r"[^a-z0-9]*", "-""#)));
    // The replacement is no pattern, nor is a plain literal's escape read as one.
    let dotted = "import re\n\ndef f(t):\n    return re.sub(r\"[^a-z]\", \".\", t)\n";
    assert!(repairs(dotted).iter().any(|f| f.contains(r#"r"[^a-z]*""#)));
    assert!(!repairs(dotted).iter().any(|f| f.contains(r#"".+""#) || f.contains(r#"".*""#)));
    assert!(quantifier_edits(r"'\\[(\\d)\\]'").is_empty());
    assert!(quantifier_edits("é").is_empty());
    let words = "import re\n\ndef words(t):\n    return re.findall(r'\\w+(-\\w)?', t)\n";
    assert!(classic(words).iter().any(|f| f.contains(r"'\w+(-\w+)?'")));
    assert!(repairs(words).iter().any(|f| f.contains(r"'\w*(-\w)?'")));
    // A class holding `]` first and an escaped `]`: one atom each, the `+` after its real end.
    assert_eq!(
        quantifier_edits(r"r'[]a\]]'")
            .iter()
            .filter(|(t, _)| *t == Tier::Classic)
            .map(|(_, p)| p.as_str())
            .collect::<Vec<_>>(),
        vec![r"r'[]a\]]+'"]
    );
    // Not a string passed to another function, nor an f-string.
    assert!(!repairs("def f(t):\n    return t.split('[a]')\n").iter().any(|f| f.contains("[a]+")));
    assert!(quantifier_edits("f'[{x}]'").is_empty());
}

#[test]
fn a_count_from_zero_may_count_from_one() {
    let days = "def f(month):\n    days = 0\n    for m in range(month):\n        days += m\n    return days\n";
    assert!(classic(days).iter().any(|f| f.contains("for m in range(1, month):")));
    assert!(classic(days).iter().any(|f| f.contains("for m in range(1, month + 1):")));
    // Not a range with a start already, nor one whose argument is unpacked.
    assert!(!repairs("def f(a, b):\n    return list(range(a, b))\n").iter().any(|f| f.contains("range(1, ")));
    assert!(!repairs("def f(a):\n    return list(range(*a))\n").iter().any(|f| f.contains("range(1, ")));
}

#[test]
fn a_precision_without_its_type_gains_one() {
    let render = "def f(name, total):\n    return f\"{name}: {total:.2}\"\n";
    assert!(classic(render).iter().any(|f| f.contains("{total:.2f}\"")), "{:#?}", classic(render));
    // Not where the type is there, nor a width alone, nor after a fill character.
    assert!(!repairs("def f(t):\n    return f\"{t:.<20}\"\n").iter().any(|f| f.contains(":.<20f")));
    assert!(
        !repairs("def f(t):\n    return f\"{t:.2f} {t:5}\"\n").iter().any(|f| f.contains(".2ff") || f.contains(":5f"))
    );
}
