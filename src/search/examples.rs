//! Numeric input–output examples read from the tests (`assert total_seconds(1, 0, 0) == 3600`), and the affine
//! formulas over a function's parameters that fit all of them: a stub's first candidate bodies
//! (`return hours * 3600 + minutes * 60 + seconds`). Synthesis by enumeration reaches one or two operators; a
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
            named_children(tree, id)
        }
        "call" => {
            let callee = tree.children(id).find(|&c| tree.node(c).field == Some("function"))?;
            let name = tree.text(tree.node(callee).span);
            if !(name.ends_with(".assertEqual") || name.ends_with(".assertAlmostEqual")) {
                return None;
            }
            let args = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")?;
            named_children(tree, args)
        }
        _ => return None,
    };
    let [call, expected] = operands[..] else { return None };
    let callee = tree.children(call).find(|&c| tree.node(c).field == Some("function"))?;
    if tree.node(call).kind != "call" || tree.node(callee).kind != "identifier" {
        return None;
    }
    let list = tree.children(call).find(|&c| tree.node(c).kind == "argument_list")?;
    let args = named_children(tree, list).into_iter().map(|a| number(tree, a)).collect::<Option<Vec<f64>>>()?;
    let expected = number(tree, expected).or_else(|| approximate(tree, expected))?;
    Some(Example { function: tree.text(tree.node(callee).span).to_string(), args, expected })
}

fn named_children(tree: &Tree, id: NodeId) -> Vec<NodeId> {
    tree.children(id).filter(|&c| tree.node(c).named && !tree.node(c).extra).collect()
}

/// A number literal's value, signed (`-40`, `2.5`); not a bool.
fn number(tree: &Tree, id: NodeId) -> Option<f64> {
    let node = tree.node(id);
    match node.kind {
        "integer" | "float" => tree.text(node.span).replace('_', "").parse::<f64>().ok().filter(|v| v.is_finite()),
        "unary_operator" => {
            let operand = *named_children(tree, id).first()?;
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
    match named_children(tree, list)[..] {
        [y] => number(tree, y),
        _ => None,
    }
}

/// The affine formula `c0 + c1·p1 + … + cn·pn` over `params` that fits every example of `function` (its own name,
/// or `candidate`) with nice coefficients (integers, small fractions), as a Python expression; `None` when the
/// examples are too few to pin it down (no more than its unknowns), do not fit one, or the parameters are many.
pub fn fitted_formula(examples: &[Example], function: &str, params: &[&str]) -> Option<String> {
    let n = params.len();
    if n == 0 || n > MAX_PARAMETERS {
        return None;
    }
    let rows: Vec<&Example> = examples
        .iter()
        .filter(|e| (e.function == function || e.function == "candidate") && e.args.len() == n)
        .collect();
    if rows.len() <= n + 1 {
        return None;
    }
    // Least squares by the normal equations: (AᵀA) c = Aᵀy, with A's rows [1, x1, …, xn].
    let features = |e: &Example| std::iter::once(1.0).chain(e.args.iter().copied()).collect::<Vec<f64>>();
    let m = n + 1;
    let mut system = vec![vec![0.0; m + 1]; m];
    for e in &rows {
        let x = features(e);
        for i in 0..m {
            for j in 0..m {
                system[i][j] += x[i] * x[j];
            }
            system[i][m] += x[i] * e.expected;
        }
    }
    let raw = solve(system)?;
    let coefficients: Vec<Coefficient> = raw.iter().map(|&c| Coefficient::nice(c)).collect::<Option<_>>()?;
    // The nice coefficients must fit every example, as Python would compute them.
    let fits = rows.iter().all(|e| {
        let x = features(e);
        let predicted: f64 = x.iter().zip(&coefficients).map(|(x, c)| x * c.value()).sum();
        (predicted - e.expected).abs() <= 1e-6 * e.expected.abs().max(1.0)
    });
    (fits && coefficients[1..].iter().any(|c| !c.is_zero())).then(|| write_formula(&coefficients, params))
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
        for row in 0..m {
            if row != col {
                let factor = a[row][col] / a[col][col];
                for k in col..=m {
                    a[row][k] -= factor * a[col][k];
                }
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
}

/// `p1 * 3600 + p2 * 60 + p3`, `celsius * 9 / 5 + 32`, `2 * (w + h)` (a shared coefficient factored out).
fn write_formula(coefficients: &[Coefficient], params: &[&str]) -> String {
    let (intercept, slopes) = (coefficients[0], &coefficients[1..]);
    let terms: Vec<(Coefficient, &str)> =
        slopes.iter().zip(params).filter(|(c, _)| !c.is_zero()).map(|(c, p)| (*c, *p)).collect();
    let shared = terms.len() > 1 && intercept.is_zero() && terms.iter().all(|(c, _)| *c == terms[0].0);
    if shared && let Coefficient::Integer(k) = terms[0].0 {
        let sum = terms.iter().map(|(_, p)| *p).collect::<Vec<_>>().join(" + ");
        return if k == 1 { sum } else { format!("{k} * ({sum})") };
    }
    let mut out = String::new();
    for (i, (c, p)) in terms.iter().enumerate() {
        let (negative, magnitude) = match *c {
            Coefficient::Integer(k) => (k < 0, Coefficient::Integer(k.abs())),
            Coefficient::Fraction(a, b) => (a < 0, Coefficient::Fraction(a.abs(), b)),
            Coefficient::Decimal(d) => (d < 0.0, Coefficient::Decimal(d.abs())),
        };
        let term = match magnitude {
            Coefficient::Integer(1) => p.to_string(),
            Coefficient::Integer(k) => format!("{p} * {k}"),
            Coefficient::Fraction(a, b) if a == 1 => format!("{p} / {b}"),
            Coefficient::Fraction(a, b) => format!("{p} * {a} / {b}"),
            Coefficient::Decimal(d) => format!("{p} * {d}"),
        };
        match (i, negative) {
            (0, true) => out.push_str(&format!("-{term}")),
            (0, false) => out.push_str(&term),
            (_, true) => out.push_str(&format!(" - {term}")),
            (_, false) => out.push_str(&format!(" + {term}")),
        }
    }
    let b = intercept.value();
    if b != 0.0 {
        let literal = match intercept {
            Coefficient::Integer(k) => k.abs().to_string(),
            Coefficient::Fraction(p, q) => format!("{} / {q}", p.abs()),
            Coefficient::Decimal(d) => d.abs().to_string(),
        };
        out.push_str(if b < 0.0 { " - " } else { " + " });
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
        assert_eq!(fit(&["assert f(1) == 1", "assert f(2) == 4", "assert f(3) == 9"], &["x"]), None);
        assert_eq!(fit(&["assert f(1) == 7", "assert f(2) == 7", "assert f(3) == 7"], &["x"]), None);
    }
}
