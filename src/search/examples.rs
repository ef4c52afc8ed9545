//! Numeric input–output examples read from the tests (`assert total_seconds(1, 0, 0) == 3600`), and the formula
//! over a function's parameters (affine, or with a square or a product) that fits all of them: a stub's first
//! candidate body (`return hours * 3600 + minutes * 60 + seconds`). Synthesis by enumeration reaches one or two operators; a
//! conversion or a weighted sum has three or more, and its tests pin its coefficients down.
//!
//! A formula is offered only when the examples outnumber its unknowns: with as many examples as unknowns any data
//! fits, and the formula would pass the tests without being the function.

use crate::exec::Tests;
use crate::syntax::{self, NodeId, Tree};

/// One call of the function with numbers only, and the number it must return.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The called name (the function's own, or `candidate` in a HumanEval `check`).
    pub function: String,
    pub args: Vec<f64>,
    pub expected: f64,
}

/// Examples at most: enough to pin a formula down, few enough to fit at every menu.
const MAX_EXAMPLES: usize = 32;
/// Parameters at most a formula is fitted over.
const MAX_PARAMETERS: usize = 4;
/// Denominators tried for a coefficient's fraction (`9 / 5`).
const MAX_DENOMINATOR: i64 = 12;

/// The numeric examples of the tests: `f(args) == expected` (in an `assert` or `self.assertEqual(f(args),
/// expected)`), with number literals (signed) as the arguments and a number or `approx(number)` expected.
pub fn numeric_examples(tests: &Tests) -> Vec<Example> {
    let mut out = Vec::new();
    for source in tests.sources() {
        let tree = syntax::parse(source);
        for id in 0..tree.nodes().len() as NodeId {
            if let Some(example) = example_at(&tree, id) {
                out.push(example);
                if out.len() == MAX_EXAMPLES {
                    return out;
                }
            }
        }
    }
    out
}

/// The example a node states: a comparison `f(…) == y`, or a call `….assertEqual(f(…), y)`.
fn example_at(tree: &Tree, id: NodeId) -> Option<Example> {
    let node = tree.node(id);
    let operands: Vec<NodeId> = match node.kind {
        "comparison_operator" => {
            let operators: Vec<&str> =
                tree.children(id).filter(|&c| !tree.node(c).named).map(|c| tree.text(tree.node(c).span)).collect();
            if operators != ["=="] {
                return None;
            }
            tree.named_children(id).collect::<Vec<_>>()
        }
        "call" => {
            let callee = tree.children(id).find(|&c| tree.node(c).field == Some("function"))?;
            let name = tree.text(tree.node(callee).span);
            if !(name.ends_with(".assertEqual") || name.ends_with(".assertAlmostEqual")) {
                return None;
            }
            let args = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")?;
            tree.named_children(args).collect::<Vec<_>>()
        }
        _ => return None,
    };
    let [call, expected] = operands[..] else { return None };
    let callee = tree.children(call).find(|&c| tree.node(c).field == Some("function"))?;
    if tree.node(call).kind != "call" || tree.node(callee).kind != "identifier" {
        return None;
    }
    let list = tree.children(call).find(|&c| tree.node(c).kind == "argument_list")?;
    let args = tree
        .named_children(list)
        .collect::<Vec<_>>()
        .into_iter()
        .map(|a| number(tree, a))
        .collect::<Option<Vec<f64>>>()?;
    let expected = number(tree, expected).or_else(|| approximate(tree, expected))?;
    Some(Example { function: tree.text(tree.node(callee).span).to_string(), args, expected })
}

/// A number literal's value, signed (`-40`, `2.5`); not a bool.
fn number(tree: &Tree, id: NodeId) -> Option<f64> {
    let node = tree.node(id);
    match node.kind {
        "integer" | "float" => tree.text(node.span).replace('_', "").parse::<f64>().ok().filter(|v| v.is_finite()),
        "unary_operator" => {
            let operand = *tree.named_children(id).collect::<Vec<_>>().first()?;
            let sign = if tree.text(node.span).starts_with('-') { -1.0 } else { 1.0 };
            number(tree, operand).map(|v| sign * v)
        }
        _ => None,
    }
}

/// `approx(y)` or `pytest.approx(y)`: the number `y`.
fn approximate(tree: &Tree, id: NodeId) -> Option<f64> {
    let callee = tree.children(id).find(|&c| tree.node(c).field == Some("function"))?;
    if !matches!(tree.text(tree.node(callee).span), "approx" | "pytest.approx") {
        return None;
    }
    let list = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")?;
    match tree.named_children(list).collect::<Vec<_>>()[..] {
        [y] => number(tree, y),
        _ => None,
    }
}

/// The formula over `params` that fits every example of `function` (its own name, or `candidate`) with nice
/// coefficients (integers, small fractions), as a Python expression: the first of [`monomial_sets`] to fit, so
/// affine before quadratic. `None` when the examples are too few to pin a formula down (no more than its unknowns),
/// none fits, or the parameters are many.
pub fn fitted_formula(examples: &[Example], function: &str, params: &[&str]) -> Option<String> {
    let n = params.len();
    if n == 0 || n > MAX_PARAMETERS {
        return None;
    }
    let rows: Vec<&Example> = examples
        .iter()
        .filter(|e| (e.function == function || e.function == "candidate") && e.args.len() == n)
        .collect();
    monomial_sets(n).into_iter().find_map(|monomials| {
        let coefficients = fit(&rows, &monomials)?;
        Some(write_formula(&monomials, &coefficients, params))
    })
}

/// A product of parameters (by index; empty for the constant term).
type Monomial = Vec<usize>;

/// The shapes of formula tried over `n` parameters, simplest first: affine (`c0 + c1·x1 + … + cn·xn`), then for one
/// parameter `c·x²` and `c0 + c1·x + c2·x²` (a square, a triangle number), for two `c·x1·x2` and
/// `c0 + c1·x1 + c2·x2 + c3·x1·x2` (an area).
fn monomial_sets(n: usize) -> Vec<Vec<Monomial>> {
    let affine: Vec<Monomial> = std::iter::once(Vec::new()).chain((0..n).map(|i| vec![i])).collect();
    let mut sets = vec![affine.clone()];
    let products: Vec<Monomial> = match n {
        1 => vec![vec![0, 0]],
        2 => vec![vec![0, 1]],
        _ => Vec::new(),
    };
    for product in products {
        sets.push(vec![product.clone()]);
        sets.push(affine.iter().cloned().chain([product]).collect());
    }
    sets
}

/// The nice coefficients of `monomials` that fit every row, by least squares (the normal equations); `None` when
/// the rows do not outnumber the unknowns, or no nice coefficients fit them all, or every non-constant one is zero.
fn fit(rows: &[&Example], monomials: &[Monomial]) -> Option<Vec<Coefficient>> {
    let m = monomials.len();
    if rows.len() <= m {
        return None;
    }
    let features =
        |e: &Example| -> Vec<f64> { monomials.iter().map(|mono| mono.iter().map(|&i| e.args[i]).product()).collect() };
    // (AᵀA) c = Aᵀy, with A's rows the monomials' values.
    let mut system = vec![vec![0.0; m + 1]; m];
    for e in rows {
        let x = features(e);
        for i in 0..m {
            for j in 0..m {
                system[i][j] += x[i] * x[j];
            }
            system[i][m] += x[i] * e.expected;
        }
    }
    let coefficients: Vec<Coefficient> = solve(system)?.into_iter().map(Coefficient::nice).collect::<Option<_>>()?;
    // The nice coefficients must fit every example, as Python would compute them.
    let fits = rows.iter().all(|e| {
        let predicted: f64 = features(e).iter().zip(&coefficients).map(|(x, c)| x * c.value()).sum();
        (predicted - e.expected).abs() <= 1e-6 * e.expected.abs().max(1.0)
    });
    let varies = monomials.iter().zip(&coefficients).any(|(mono, c)| !mono.is_empty() && !c.is_zero());
    (fits && varies).then_some(coefficients)
}

/// Gaussian elimination with partial pivoting on an augmented square system; `None` when it is singular (the
/// examples do not pin every coefficient down).
fn solve(mut a: Vec<Vec<f64>>) -> Option<Vec<f64>> {
    let m = a.len();
    for col in 0..m {
        let pivot = (col..m).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-9 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col].clone();
        for (_, row) in a.iter_mut().enumerate().filter(|(r, _)| *r != col) {
            let factor = row[col] / pivot_row[col];
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= factor * p;
            }
        }
    }
    Some((0..m).map(|i| a[i][m] / a[i][i]).collect())
}

/// A coefficient as a programmer writes it: an integer, a fraction `p / q`, or a short decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Coefficient {
    Integer(i64),
    Fraction(i64, i64),
    Decimal(f64),
}

impl Coefficient {
    /// The nicest coefficient within rounding of `c`; `None` for one no short literal writes.
    fn nice(c: f64) -> Option<Coefficient> {
        let close = |v: f64| (v - c).abs() <= 1e-9 * c.abs().max(1.0);
        if close(c.round()) && c.abs() < 1e15 {
            return Some(Coefficient::Integer(c.round() as i64));
        }
        for q in 2..=MAX_DENOMINATOR {
            let p = (c * q as f64).round();
            if close(p / q as f64) {
                return Some(Coefficient::Fraction(p as i64, q));
            }
        }
        // Up to four decimals (`0.15` of a tip); anything longer is noise, not a constant of the spec.
        let decimal = (c * 1e4).round() / 1e4;
        close(decimal).then_some(Coefficient::Decimal(decimal))
    }

    fn value(self) -> f64 {
        match self {
            Coefficient::Integer(i) => i as f64,
            Coefficient::Fraction(p, q) => p as f64 / q as f64,
            Coefficient::Decimal(d) => d,
        }
    }

    fn is_zero(self) -> bool {
        self.value() == 0.0
    }

    fn is_negative(self) -> bool {
        self.value() < 0.0
    }

    /// The coefficient without its sign.
    fn magnitude(self) -> Coefficient {
        match self {
            Coefficient::Integer(k) => Coefficient::Integer(k.abs()),
            Coefficient::Fraction(a, b) => Coefficient::Fraction(a.abs(), b),
            Coefficient::Decimal(d) => Coefficient::Decimal(d.abs()),
        }
    }
}

/// `hours * 3600 + minutes * 60 + seconds`, `celsius * 9 / 5 + 32`, `2 * (w + h)` (a shared integer coefficient
/// factored out), `n ** 2 / 2 + n / 2`.
fn write_formula(monomials: &[Monomial], coefficients: &[Coefficient], params: &[&str]) -> String {
    let variable = |mono: &Monomial| match mono[..] {
        [i, j] if i == j => format!("{} ** 2", params[i]),
        _ => mono.iter().map(|&i| params[i]).collect::<Vec<_>>().join(" * "),
    };
    // Highest degree first, as a programmer writes a polynomial.
    let mut terms: Vec<(usize, Coefficient, String)> = monomials
        .iter()
        .zip(coefficients)
        .filter(|(mono, c)| !mono.is_empty() && !c.is_zero())
        .map(|(mono, c)| (mono.len(), *c, variable(mono)))
        .collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.0));
    let terms: Vec<(Coefficient, String)> = terms.into_iter().map(|(_, c, v)| (c, v)).collect();
    let constant = monomials.iter().zip(coefficients).find(|(mono, _)| mono.is_empty()).map(|(_, c)| *c);
    let constant = constant.filter(|c| !c.is_zero());
    let plain_sum = terms.len() > 1 && terms.iter().all(|(c, v)| *c == terms[0].0 && !v.contains(' '));
    if plain_sum
        && constant.is_none()
        && let Coefficient::Integer(k) = terms[0].0
    {
        let sum = terms.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join(" + ");
        return if k == 1 { sum } else { format!("{k} * ({sum})") };
    }
    let mut out = String::new();
    for (i, (c, v)) in terms.iter().enumerate() {
        let term = match c.magnitude() {
            Coefficient::Integer(1) => v.clone(),
            Coefficient::Integer(k) => format!("{v} * {k}"),
            Coefficient::Fraction(1, b) => format!("{v} / {b}"),
            Coefficient::Fraction(a, b) => format!("{v} * {a} / {b}"),
            Coefficient::Decimal(d) => format!("{v} * {d}"),
        };
        out.push_str(match (i, c.is_negative()) {
            (0, true) => "-",
            (0, false) => "",
            (_, true) => " - ",
            (_, false) => " + ",
        });
        out.push_str(&term);
    }
    if let Some(c) = constant {
        let literal = match c.magnitude() {
            Coefficient::Integer(k) => k.to_string(),
            Coefficient::Fraction(a, b) => format!("{a} / {b}"),
            Coefficient::Decimal(d) => d.to_string(),
        };
        out.push_str(if c.is_negative() { " - " } else { " + " });
        out.push_str(&literal);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asserts(lines: &[&str]) -> Tests {
        Tests::Asserts(lines.iter().map(|l| l.to_string()).collect())
    }

    #[test]
    fn examples_are_read_from_asserts_approx_and_unittest() {
        let tests = asserts(&[
            "assert to_f(0) == 32",
            "assert to_f(-40) == -40",
            "assert to_f(37) == pytest.approx(98.6)",
            "self.assertEqual(to_f(100), 212)",
            "assert to_f('a') == 1",
            "assert to_f(1) < 40",
        ]);
        let examples = numeric_examples(&tests);
        let pairs: Vec<(f64, f64)> = examples.iter().map(|e| (e.args[0], e.expected)).collect();
        assert_eq!(pairs, [(0.0, 32.0), (-40.0, -40.0), (37.0, 98.6), (100.0, 212.0)]);
    }

    #[test]
    fn affine_formulas_fit_their_examples() {
        let fit = |lines: &[&str], params: &[&str]| fitted_formula(&numeric_examples(&asserts(lines)), "f", params);
        let celsius = ["assert f(0) == 32", "assert f(100) == 212", "assert f(-40) == -40", "assert f(25) == 77"];
        assert_eq!(fit(&celsius, &["c"]).as_deref(), Some("c * 9 / 5 + 32"));
        let seconds = [
            "assert f(0, 0, 0) == 0",
            "assert f(1, 0, 0) == 3600",
            "assert f(0, 1, 0) == 60",
            "assert f(0, 0, 45) == 45",
            "assert f(1, 2, 3) == 3723",
        ];
        assert_eq!(fit(&seconds, &["h", "m", "s"]).as_deref(), Some("h * 3600 + m * 60 + s"));
        let perimeter =
            ["assert f(3, 4) == 14", "assert f(1, 1) == 4", "assert f(0, 5) == 10", "assert f(2.5, 0.5) == 6.0"];
        assert_eq!(fit(&perimeter, &["w", "h"]).as_deref(), Some("2 * (w + h)"));
        // Too few examples to tell (two points fit any line), no affine fit (a square), a constant.
        assert_eq!(fit(&celsius[..2], &["c"]), None);
        // Squares, triangle numbers, areas.
        let square = ["assert f(1) == 1", "assert f(2) == 4", "assert f(3) == 9"];
        assert_eq!(fit(&square, &["x"]).as_deref(), Some("x ** 2"));
        let triangle =
            ["assert f(0) == 0", "assert f(1) == 1", "assert f(3) == 6", "assert f(4) == 10", "assert f(10) == 55"];
        assert_eq!(fit(&triangle, &["n"]).as_deref(), Some("n ** 2 / 2 + n / 2"));
        let area = ["assert f(3, 4) == 6", "assert f(1, 1) == 0.5", "assert f(10, 0) == 0"];
        assert_eq!(fit(&area, &["b", "h"]).as_deref(), Some("b * h / 2"));
        // No formula of these shapes fits the factorials.
        let factorial =
            ["assert f(1) == 1", "assert f(2) == 2", "assert f(3) == 6", "assert f(4) == 24", "assert f(5) == 120"];
        assert_eq!(fit(&factorial, &["n"]), None);
        assert_eq!(fit(&["assert f(1) == 7", "assert f(2) == 7", "assert f(3) == 7"], &["x"]), None);
    }
}
