//! Merging partial repairs: two programs that each mend a test the other does not, their edits put together.
//!
//! A bug of two independent faults often mends one test at a time, each fault by its own edit: in a dev case's
//! `lower_bound`, `hi = len(xs) - 1` for `len(xs)` and `<=` for `<`, one edit passes four of six tests and the other
//! five. The climb (`climb.rs`) makes the better one a root, and the other fault's edit waits in that root's
//! stream, which its spectrum orders: an edit on a line every test runs (the `hi` initialisation) can wait there
//! hundreds of picks. Yet the start program's own stream usually tests that edit early, sees it mend a test, and,
//! since it makes less progress than the root, drops it. Here every tested program that mends a test and breaks
//! none is kept as a *partial repair*, and each two whose mended tests differ both ways are merged: their edits,
//! mapped back to the start program's text, applied together where they touch different places. One run each, and
//! the two faults' repairs meet at once rather than after a second pass over the whole menu.
//!
//! A test is mended when its verdict improves over the start program's: raising or hanging, then failing by a
//! wrong value, then passing ([`Verdict`]). Two partial repairs are merged only where, were their effects
//! independent (each test taking the better of its two verdicts), the merge would make more progress than every
//! program so far: two repairs of one fault seldom add up, and where many programs mend some tests a merge of every
//! pair would spend the budget. (On the MBPP dev slices, mostly one-mutation bugs, neither rule changed a trial.)

use std::collections::{HashSet, VecDeque};

use super::{Candidate, Verdict, verdict_progress as progress};
use crate::syntax::{self, Edit, Span, Tree};

/// Partial repairs kept at most (each with a different set of verdicts); the first of each set found is kept,
/// the streams' likeliest.
const MAX_PARTIALS: usize = 24;

/// Merged programs offered at most in one search: each costs a test run.
const MAX_MERGES: usize = 64;

/// A program that mends some tests and breaks none: its edits in the start program's coordinates, and its verdicts.
struct Partial {
    edits: Vec<Edit>,
    verdicts: Vec<Verdict>,
}

/// The partial repairs a search has tested, and the merges of them it has yet to test.
pub struct Merges {
    start: String,
    start_verdicts: Vec<Verdict>,
    partials: Vec<Partial>,
    /// The most progress a tested program made, its reach aside ([`progress`]).
    best: f64,
    queue: VecDeque<(Vec<Edit>, Tree)>,
    offered: usize,
    /// The merged programs offered: a tie by one of them is no other way to its level (`Climb::ties`).
    merged_sources: HashSet<String>,
}

impl Merges {
    /// Merges of the partial repairs of `start` (its tested candidate gives the verdicts to improve on).
    pub fn new(start: &Candidate) -> Merges {
        Merges {
            start: start.source.clone(),
            start_verdicts: start.verdicts.clone(),
            partials: Vec::new(),
            best: progress(&start.verdicts),
            queue: VecDeque::new(),
            offered: 0,
            merged_sources: HashSet::new(),
        }
    }

    /// Keeps `c` if it is a partial repair of a new kind, and queues its merges with the partial repairs before it
    /// that would make more progress than any program so far, were the two repairs' effects independent (each test
    /// taking the better of its two verdicts): two repairs of one fault seldom add up.
    pub fn observe(&mut self, c: &Candidate) {
        let n = self.start_verdicts.len();
        if c.verdicts.len() != n || c.all_passed() {
            return;
        }
        self.best = self.best.max(progress(&c.verdicts));
        if self.partials.len() >= MAX_PARTIALS
            || c.verdicts.iter().zip(&self.start_verdicts).any(|(now, before)| now < before)
            || c.verdicts == self.start_verdicts
            || self.partials.iter().any(|p| p.verdicts == c.verdicts)
        {
            return;
        }
        let Some(edits) = in_start_coordinates(&self.start, &c.edits) else { return };
        for p in &self.partials {
            let together: Vec<Verdict> = p.verdicts.iter().zip(&c.verdicts).map(|(a, b)| *a.max(b)).collect();
            if self.offered >= MAX_MERGES || progress(&together) <= self.best {
                continue;
            }
            if let Some(merged) = merged(&self.start, &p.edits, &edits) {
                self.offered += 1;
                self.merged_sources.insert(merged.1.source().to_string());
                self.queue.push_back(merged);
            }
        }
        self.partials.push(Partial { edits, verdicts: c.verdicts.clone() });
    }

    /// Whether `source` is a merged program offered here.
    pub fn offered(&self, source: &str) -> bool {
        self.merged_sources.contains(source)
    }

    /// The next merged program to test, with its edits from the start program.
    pub fn next(&mut self) -> Option<(Vec<Edit>, Tree)> {
        self.queue.pop_front()
    }
}

/// `edits` (each addressed in the program the ones before it made) as edits of `start` itself, in the order of
/// their places; `None` when an edit changes text an earlier one wrote or touches it (no single edit of `start`
/// says the same) or does not apply.
fn in_start_coordinates(start: &str, edits: &[Edit]) -> Option<Vec<Edit>> {
    // Each edit so far, in `start`'s coordinates, and the length of the text it left in the program.
    let mut placed: Vec<(Edit, usize)> = Vec::new();
    let mut source = start.to_string();
    for edit in edits {
        let next = edit.apply(&source).ok()?;
        let written = (next.len() + edit.span.len()).checked_sub(source.len())?;
        let (s, e) = (edit.span.start as isize, edit.span.end as isize);
        // The shift of the current program's text against `start`'s, up to the edit's place.
        let mut shift = 0isize;
        let mut at = placed.len();
        for (i, (before, len)) in placed.iter().enumerate() {
            let from = before.span.start as isize + shift;
            let to = from + *len as isize;
            if e < from {
                at = i;
                break;
            }
            if s <= to {
                return None;
            }
            shift += *len as isize - before.span.len() as isize;
        }
        let span = Span::new((s - shift) as usize, (e - shift) as usize);
        placed.insert(at, (Edit { span, replacement: edit.replacement.clone() }, written));
        source = next;
    }
    let placed: Vec<Edit> = placed.into_iter().map(|(e, _)| e).collect();
    // The same program from `start` itself, last place first, or no mapping (a splice that re-indents a replacement
    // differently at its place in `start` would make another program).
    let mut again = start.to_string();
    for edit in placed.iter().rev() {
        again = edit.apply(&again).ok()?;
    }
    (again == source).then_some(placed)
}

/// The program both lists of edits of `start` make (each list in the order of its places), with its edits from
/// `start` (the last place first, so that each is addressed in the program before it); `None` when the lists touch
/// the same place differently, when one holds the other, or when the result does not parse.
fn merged(start: &str, a: &[Edit], b: &[Edit]) -> Option<(Vec<Edit>, Tree)> {
    let mut all: Vec<Edit> = a.to_vec();
    for edit in b {
        if !all.contains(edit) {
            all.push(edit.clone());
        }
    }
    if all.len() == a.len() || all.len() == b.len() {
        return None;
    }
    all.sort_by_key(|e| (e.span.start, e.span.end));
    if all.windows(2).any(|w| w[0].span.end >= w[1].span.start) {
        return None;
    }
    all.reverse();
    let mut source = start.to_string();
    for edit in &all {
        source = edit.apply(&source).ok()?;
    }
    let tree = syntax::parse_strict(&source).ok()?;
    Some((all, tree))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(source: &str, old: &str, new: &str) -> Edit {
        let start = source.find(old).expect("in the source");
        Edit { span: Span::new(start, start + old.len()), replacement: new.to_string() }
    }

    fn tested(source: &str, edits: Vec<Edit>, verdicts: &[Verdict]) -> Candidate {
        let passed = verdicts.iter().filter(|v| **v == Verdict::Passed).count();
        Candidate {
            passed: Some(passed),
            verdicts: verdicts.to_vec(),
            ..Candidate::untested(source, edits, verdicts.len(), 0.0)
        }
    }

    const START: &str = "def lower_bound(xs, target):\n    lo, hi = 0, len(xs) - 1\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if xs[mid] <= target:\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo\n";

    #[test]
    fn a_chain_of_edits_maps_back_to_the_start_program() {
        // The second edit is addressed in the program the first made (its text is longer by 3 bytes).
        let first = edit(START, "xs[mid] <= target", "xs[mid] + 0 < target");
        let after = first.apply(START).unwrap();
        let second = edit(&after, "len(xs) - 1", "len(xs)");
        let third = edit(&second.apply(&after).unwrap(), "return lo", "return hi");
        let mapped = in_start_coordinates(START, &[first.clone(), second, third]).expect("separate places");
        assert_eq!(
            mapped,
            [edit(START, "len(xs) - 1", "len(xs)"), first, edit(START, "return lo", "return hi")],
            "in the order of their places, each in the start's text"
        );
        // An edit of text an earlier one wrote has no place in the start program.
        // A block edit (re-indented where it lands) before a later one maps back too.
        let block = edit(START, "lo = mid + 1", "lo = mid + 1\nprint(lo)");
        let grown = block.apply(START).unwrap();
        let later = edit(&grown, "return lo", "return hi");
        let mapped = in_start_coordinates(START, &[block.clone(), later]).expect("separate places");
        assert_eq!(mapped, [block, edit(START, "return lo", "return hi")]);
        let inner = edit(&after, "+ 0 <", "<");
        assert_eq!(
            in_start_coordinates(START, &[edit(START, "xs[mid] <= target", "xs[mid] + 0 < target"), inner]),
            None
        );
    }

    #[test]
    fn two_partial_repairs_that_mend_different_tests_are_merged() {
        use Verdict::*;
        let start = tested(START, Vec::new(), &[Passed, WrongValue, WrongValue, Raised]);
        let mut merges = Merges::new(&start);
        let hi = edit(START, "len(xs) - 1", "len(xs)");
        let lt = edit(START, "xs[mid] <= target", "xs[mid] < target");
        let program = |e: &Edit| e.apply(START).unwrap();
        // One that breaks a passing test is no partial repair; one that mends nothing neither.
        merges.observe(&tested(&program(&hi), vec![hi.clone()], &[WrongValue, Passed, WrongValue, Raised]));
        merges.observe(&tested(&program(&lt), vec![lt.clone()], &[Passed, WrongValue, WrongValue, Raised]));
        merges.observe(&tested(&program(&hi), vec![hi.clone()], &[Passed, Passed, WrongValue, Raised]));
        assert!(merges.next().is_none(), "one partial repair so far");
        // The same tests mended another way: nothing new to merge with.
        let rhs = edit(START, "0, len(xs) - 1", "0, len(xs)");
        merges.observe(&tested(&program(&rhs), vec![rhs.clone()], &[Passed, Passed, WrongValue, Raised]));
        assert!(merges.next().is_none());
        merges.observe(&tested(&program(&lt), vec![lt.clone()], &[Passed, WrongValue, Passed, WrongValue]));
        let (edits, tree) = merges.next().expect("each mends a test the other does not");
        assert_eq!(edits, [lt.clone(), hi.clone()], "the later place first");
        assert_eq!(tree.source(), hi.apply(&program(&lt)).unwrap());
        assert!(merges.next().is_none());
        // A partial repair whose merges would make no more progress than the best program so far: none queued.
        let last = edit(START, "return lo", "return lo + 0");
        merges.observe(&tested(&program(&last), vec![last.clone()], &[Passed, WrongValue, WrongValue, WrongValue]));
        assert!(merges.next().is_none());
    }

    #[test]
    fn edits_of_one_place_are_not_merged() {
        let a = [edit(START, "len(xs) - 1", "len(xs)")];
        let b = [edit(START, "len(xs) - 1", "len(xs) + 1")];
        assert!(merged(START, &a, &b).is_none(), "the same place, two texts");
        let c = [edit(START, "0, len(xs) - 1", "1, len(xs) - 1")];
        assert!(merged(START, &a, &c).is_none(), "overlapping places");
        assert!(merged(START, &a, &a).is_none(), "nothing new");
        let d = [edit(START, "= 0, ", "= 1, ")];
        assert!(merged(START, &a, &d).is_none(), "places that touch");
        let e = [edit(START, "lo, hi =", "lo, top =")];
        assert!(merged(START, &e, &a).is_some(), "places apart");
    }
}
