//! Climbing: the baseline's stream started over from each partial repair.
//!
//! A bug of several edits often mends one test at a time: `range(1, n)` → `range(1, n + 1)` makes the length test
//! pass while the `"Fizz"` that should be `"Buzz"` still fails two others. The baseline's random 2–3-edit
//! compositions of the start program meet two given edits among ~2,000 single ones about once in millions of
//! draws; the single edits of the partial repair hold the second edit, a few hundred runs away at most with fault
//! localisation. So whenever a tested program makes more progress than every root so far (tests passed, a test
//! failing by a wrong value counting a quarter of a pass: [`Candidate::progress`]), it becomes a new root with
//! its own stream ([`Baseline`]: its single edits in order of its own suspicion, its additive tier, its
//! compositions). A program that ties the best root by another way (not from that root's stream) becomes one too,
//! once per level ([`ROOTS_PER_LEVEL`]): the first partial repair found is often a lure.
//!
//! The roots share the picks geometrically: the newest gets every other pick, the one before it every fourth, and
//! so on; the oldest, the start program, gets what remains, but never less than every fourth pick
//! ([`START_SHARE`]). A partial repair can fit the tests without being on the way to the intended fix (`count + -1`
//! makes four of five tests pass in a dev case); the older roots keep going beside it. With one root the stream is
//! exactly the baseline's.

use super::Candidate;
use super::baseline::{Baseline, TestFacts};
use super::localize::Suspicion;
use super::merge::Merges;
use crate::syntax::{self, Edit, Tree};

/// Roots at most: progress rises with each, so this is only a bound on memory for long test suites.
const MAX_ROOTS: usize = 16;

/// The start program gets at least every `START_SHARE`-th pick. Geometric shares alone gave it 1/2^(n-1) of them
/// under n roots: synthesis climbs in small steps (a test failing by a wrong value counts a quarter), and a chain
/// of five partial bodies of `is_multiple` left the stub's own menu, which holds `value % factor == 0`, one pick in
/// sixteen.
const START_SHARE: u64 = 4;

/// Progress a program must gain over the best root to become one (a float tolerance, not a threshold).
const EPSILON: f64 = 1e-9;

/// Ways to the best root's level of progress at most. The first program to reach a level is often a lure that fits
/// the tests without being on the way to the fix: `range(0, n)` passes the length test that `range(1, n + 1)` does
/// (a fizzbuzz with that bug and a `"Fizz"` for `"Buzz"`), and only the latter's single edits hold the repair. So a
/// program that ties it by another way gets a stream too, sharing the level's turns; not every one (a level is often
/// reached many ways), and not the start's share: there the single edit that repairs everything may still wait.
const ROOTS_PER_LEVEL: usize = 2;

/// A program the search climbs from, and its stream.
struct Way {
    /// The edits that made it from the start program.
    edits: Vec<Edit>,
    stream: Baseline,
    dry: bool,
}

/// A level of progress and the ways to it (one, or up to [`ROOTS_PER_LEVEL`] for the best), taking turns.
struct Root {
    progress: f64,
    ways: Vec<Way>,
    turn: usize,
}

impl Root {
    fn new(edits: Vec<Edit>, progress: f64, stream: Baseline) -> Root {
        Root { progress, ways: vec![Way { edits, stream, dry: false }], turn: 0 }
    }

    /// The next candidate of the way whose turn it is (or of the next that is not dry); `None` once all are dry.
    fn next(&mut self) -> Option<(Vec<Edit>, Tree)> {
        for k in 0..self.ways.len() {
            let i = (self.turn + k) % self.ways.len();
            let way = &mut self.ways[i];
            if way.dry {
                continue;
            }
            match way.stream.next_candidates(1).pop() {
                Some((edits, tree)) => {
                    self.turn = i + 1;
                    return Some((way.edits.iter().cloned().chain(edits).collect(), tree));
                }
                None => way.dry = true,
            }
        }
        None
    }
}

/// The baseline's stream over several roots: the start program and every partial repair that beat the roots
/// before it, the best one reached by up to `ROOTS_PER_LEVEL` ways (see the module doc).
pub struct Climb {
    /// In order of progress: the start program's first, the best last.
    roots: Vec<Root>,
    picks: u64,
    /// Picks shared geometrically (those not reserved for the start program).
    shared: u64,
    seed: u64,
    /// Partial repairs merged (`merge.rs`): tested before any root's next pick.
    merges: Merges,
}

impl Climb {
    /// The start program's stream (its tested candidate gives the progress to beat); every root's menu holds the
    /// tests' strings its program lacks.
    pub fn new(start: &Tree, tested: &Candidate, seed: u64, suspicion: Option<&Suspicion>, facts: &TestFacts) -> Climb {
        let root = Root::new(Vec::new(), tested.progress(), Baseline::localized(start, seed, suspicion, facts));
        Climb { roots: vec![root], picks: 0, shared: 0, seed, merges: Merges::new(tested) }
    }

    /// Roots so far, the start program's included (a level reached two ways counts once).
    pub fn roots(&self) -> usize {
        self.roots.len()
    }

    /// Whether a tested program would become a new root: it makes more progress than every root (and the roots are
    /// fewer than `MAX_ROOTS`), or it ties the best root's partial repair by another way while that level has
    /// fewer than `ROOTS_PER_LEVEL` ways; and it passes short of every test (a repair ends the search instead).
    pub fn improves(&self, c: &Candidate) -> bool {
        c.passed.is_some() && !c.all_passed() && (self.beats(c) || self.ties(c))
    }

    fn best(&self) -> &Root {
        self.roots.last().expect("the start program is a root")
    }

    fn beats(&self, c: &Candidate) -> bool {
        c.progress() > self.best().progress + EPSILON && self.roots.len() < MAX_ROOTS
    }

    /// Takes note of a tested program: a partial repair is merged with those before it (`merge.rs`).
    pub fn observe(&mut self, c: &Candidate) {
        self.merges.observe(c);
    }

    /// A tie that descends from a way to its level is that way's stream going sideways, not another way up; nor is
    /// a merge of partial repairs (its edits, in the start program's places, descend from no way's), most often a
    /// way plus an edit that added nothing.
    fn ties(&self, c: &Candidate) -> bool {
        let best = self.best();
        self.roots.len() > 1
            && !self.merges.offered(&c.source)
            && (c.progress() - best.progress).abs() <= EPSILON
            && best.ways.len() < ROOTS_PER_LEVEL
            && !best.ways.iter().any(|w| c.edits.starts_with(&w.edits))
    }

    /// Makes `c` a root if it [`Climb::improves`] on the roots; its spectrum, when given, orders its single edits.
    /// Returns whether it did.
    pub fn add_root(&mut self, c: &Candidate, suspicion: Option<&Suspicion>) -> bool {
        if !self.improves(c) {
            return false;
        }
        // The candidate's source parsed once before it was tested; should it not, it is no root.
        let Ok(tree) = syntax::parse_strict(&c.source) else { return false };
        let beats = self.beats(c);
        // A tie's seed differs from every root's.
        let seed = self.seed.wrapping_add(self.roots.len() as u64 + if beats { 0 } else { MAX_ROOTS as u64 });
        // Every root's menu holds the start's test strings.
        let facts = self.roots[0].ways[0].stream.facts();
        let stream = Baseline::localized(&tree, seed, suspicion, facts);
        if beats {
            self.roots.push(Root::new(c.edits.clone(), c.progress(), stream));
        } else if let Some(best) = self.roots.last_mut() {
            best.ways.push(Way { edits: c.edits.clone(), stream, dry: false });
        }
        true
    }

    /// Up to `n` candidates, each with the edits that made it from the start program (fewer once every root's
    /// stream ran dry). Candidates of different roots can repeat one another; the search's dedup drops them.
    pub fn next_candidates(&mut self, n: usize) -> Vec<(Vec<Edit>, Tree)> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            if let Some(merged) = self.merges.next() {
                out.push(merged);
                continue;
            }
            self.picks += 1;
            // With three roots or fewer, the geometric shares give the start program every fourth pick or more.
            let chosen = if self.roots.len() > 3 && self.picks.is_multiple_of(START_SHARE) {
                0
            } else {
                self.shared += 1;
                // 0 for every other pick, 1 for every fourth, …: the newest root's turn, the one before it, ….
                let back = (self.shared.trailing_zeros() as usize).min(self.roots.len() - 1);
                self.roots.len() - 1 - back
            };
            // A dry root passes its turn to the newest root that still has candidates.
            let order = std::iter::once(chosen).chain((0..self.roots.len()).rev());
            let mut got = None;
            for i in order {
                got = self.roots[i].next();
                if got.is_some() {
                    break;
                }
            }
            match got {
                Some(c) => out.push(c),
                None => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Verdict;

    /// A tested candidate of four tests: `passed` pass, `wrong_values` fail by a wrong value, the rest raise.
    fn tested(source: &str, edits: Vec<Edit>, passed: usize, wrong_values: usize) -> Candidate {
        let mut verdicts = [vec![Verdict::Passed; passed], vec![Verdict::WrongValue; wrong_values]].concat();
        verdicts.resize(verdicts.len().max(4), Verdict::Raised);
        Candidate { passed: Some(passed), verdicts, ..Candidate::untested(source, edits, 4, 0.0) }
    }

    const START: &str = "def f(n):\n    return n - 1\n";

    #[test]
    fn one_root_is_the_baselines_stream() {
        let tree = syntax::parse(START);
        let mut climb = Climb::new(&tree, &tested(START, Vec::new(), 1, 0), 7, None, &TestFacts::default());
        let mut baseline = Baseline::new(&tree, 7);
        let a: Vec<String> = climb.next_candidates(40).into_iter().map(|(_, t)| t.source().to_string()).collect();
        let b: Vec<String> = baseline.next_candidates(40).into_iter().map(|(_, t)| t.source().to_string()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn the_start_program_keeps_a_quarter_of_the_picks_under_many_roots() {
        let tree = syntax::parse(START);
        let mut climb = Climb::new(&tree, &tested(START, Vec::new(), 1, 0), 7, None, &TestFacts::default());
        let mut roots: Vec<Vec<Edit>> = Vec::new();
        for wrong_values in 1..=4 {
            let (edits, next) = climb.next_candidates(1).pop().expect("a candidate");
            assert!(climb.add_root(&tested(next.source(), edits.clone(), 1, wrong_values), None));
            roots.push(edits);
        }
        assert_eq!(climb.roots(), 5);
        let picks = climb.next_candidates(100);
        assert_eq!(picks.len(), 100);
        let from_start = picks.iter().filter(|(edits, _)| !roots.iter().any(|r| edits.starts_with(r))).count();
        // Every fourth pick is the start's, and one in sixteen of the others (the oldest root's remainder);
        // geometric shares alone would give it one in sixteen.
        assert!((25..=30).contains(&from_start), "{from_start} of 100");
    }

    #[test]
    fn an_exception_raised_further_on_is_progress_below_a_wrong_value() {
        let tree = syntax::parse(START);
        let start = Candidate { reach: 0.25, ..tested(START, Vec::new(), 0, 0) };
        let mut climb = Climb::new(&tree, &start, 7, None, &TestFacts::default());
        let (edits, next) = climb.next_candidates(1).pop().expect("a candidate");
        let raising = |reach| Candidate { reach, ..tested(next.source(), edits.clone(), 0, 0) };
        assert!(!climb.improves(&raising(0.25)), "raising where the start raised");
        assert!(climb.improves(&raising(0.5)), "raising further on");
        assert!(climb.add_root(&raising(1.0), None));
        // Every test raising at the program's last line is still short of one test returning a wrong value.
        assert!(climb.improves(&tested(next.source(), edits.clone(), 0, 1)));
    }

    #[test]
    fn another_way_to_the_best_partial_repair_shares_its_turns() {
        let tree = syntax::parse(START);
        let mut climb = Climb::new(&tree, &tested(START, Vec::new(), 1, 0), 7, None, &TestFacts::default());
        let picks = climb.next_candidates(3);
        let [a, b, c] = [&picks[0], &picks[1], &picks[2]];
        assert!(climb.add_root(&tested(a.1.source(), a.0.clone(), 2, 0), None));
        assert!(climb.add_root(&tested(b.1.source(), b.0.clone(), 2, 0), None), "a tie by another edit");
        assert_eq!(climb.roots(), 2, "one level, two ways");
        assert!(!climb.improves(&tested(c.1.source(), c.0.clone(), 2, 0)), "two ways to a level at most");
        assert!(climb.improves(&tested(c.1.source(), c.0.clone(), 2, 1)), "more progress is always a root");
        // The level keeps the newest root's share, every other pick, the two ways taking turns; the start keeps the
        // rest.
        let next = climb.next_candidates(40);
        let from = |root: &(Vec<Edit>, Tree)| next.iter().filter(|(edits, _)| edits.starts_with(&root.0)).count();
        assert_eq!((from(a), from(b)), (10, 10));
        assert_eq!(next.iter().filter(|(edits, _)| !edits.starts_with(&a.0) && !edits.starts_with(&b.0)).count(), 20);
    }

    #[test]
    fn merged_partial_repairs_come_before_every_roots_next_pick() {
        use Verdict::{Passed, WrongValue};
        let start = "def f(a, b):\n    x = a - 1\n    y = b - 1\n    return x, y\n";
        let tree = syntax::parse(start);
        let with = |verdicts: &[Verdict], edits: Vec<Edit>, source: &str| Candidate {
            verdicts: verdicts.to_vec(),
            ..tested(source, edits, verdicts.iter().filter(|v| **v == Passed).count(), 0)
        };
        let start_tested = with(&[Passed, WrongValue, WrongValue, WrongValue], Vec::new(), start);
        let mut climb = Climb::new(&tree, &start_tested, 7, None, &TestFacts::default());
        let at = |old: &str, new: &str| {
            let i = start.find(old).expect("in the start");
            Edit { span: syntax::Span::new(i, i + old.len()), replacement: new.into() }
        };
        let (x, y) = (at("a - 1", "a"), at("b - 1", "b"));
        let x_tested = with(&[Passed, Passed, WrongValue, WrongValue], vec![x.clone()], &x.apply(start).unwrap());
        climb.observe(&x_tested);
        assert!(climb.add_root(&x_tested, None));
        climb.observe(&with(&[Passed, WrongValue, Passed, Passed], vec![y.clone()], &y.apply(start).unwrap()));
        let (edits, merged) = climb.next_candidates(1).pop().expect("a candidate");
        assert_eq!(edits, [y, x.clone()]);
        assert_eq!(merged.source(), "def f(a, b):\n    x = a\n    y = b\n    return x, y\n");
        // Had the merge only tied the root, it would be no second way to its level: its edits, in the start's
        // places, do not begin with the root's, but it is the root plus an edit.
        let tie = with(&[Passed, Passed, WrongValue, WrongValue], edits.clone(), merged.source());
        assert!(!climb.improves(&tie));
        let other = with(&[Passed, Passed, WrongValue, WrongValue], vec![at("x, y", "y, x")], "def f(): pass\n");
        assert!(climb.improves(&other), "another way ties");
    }

    #[test]
    fn a_partial_repair_becomes_a_root_that_gets_every_other_pick() {
        let tree = syntax::parse(START);
        let mut climb = Climb::new(&tree, &tested(START, Vec::new(), 1, 0), 7, None, &TestFacts::default());
        let first = climb.next_candidates(1).pop().expect("a candidate");
        // No more progress than the start: not a root. A wrong value instead of a raise is progress.
        assert!(!climb.add_root(&tested(first.1.source(), first.0.clone(), 1, 0), None));
        assert!(climb.add_root(&tested(first.1.source(), first.0.clone(), 1, 1), None));
        assert_eq!(climb.roots(), 2);
        // A repair ends the search, it is no root; nor is a program that only ties the start, or the root by way of
        // the root.
        assert!(!climb.improves(&tested(START, Vec::new(), 4, 0)));
        assert!(!climb.improves(&tested(START, Vec::new(), 1, 0)));
        let sideways = first.0.iter().chain(&first.0).cloned().collect();
        assert!(!climb.improves(&tested(START, sideways, 1, 1)));
        let next = climb.next_candidates(4);
        // Picks 2 to 5: the start's, the new root's, the start's, the new root's. The new root's candidates
        // carry its edit first.
        let from_new_root: Vec<bool> = next.iter().map(|(edits, _)| edits.first() == first.0.first()).collect();
        assert_eq!(from_new_root, [false, true, false, true]);
        assert_eq!(next[1].0.len(), 2);
    }
}
