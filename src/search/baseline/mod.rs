//! The model-free baseline: blind mutation-based repair of the classic APR kind (DESIGN §6).
//!
//! [`single_edits`] enumerates every single edit of a program from a fixed menu: an operator swapped within its family,
//! an integer changed by ±1, set to 0/1/-1 or given a zero more or less (`50` ↔ `500`), `True`↔`False`, a string
//! replaced by a string of the tests that the program lacks ([`single_edits_with`], [`test_strings`]), a name (read or bound) replaced by another name of the
//! program and an attribute name by another, an expression replaced by another expression of the same program or by a
//! parameter of its function, a statement deleted (`pass`), a dropped result kept (`n // 10` → `n //= 10`),
//! neighbours swapped (call arguments, binary operands, tuple or list elements, a subscript's indices), a unary
//! `-`/`not` dropped, a called function or method swapped for its sibling (`min`/`max`, `strip`/`rstrip`:
//! [`SIBLING_NAMES`]), `while True` become a name its body reads, a recursive call become its argument (`yield
//! flatten(x)` → `yield x`), a returned `[]` become `[[]]`, a passed or iterated sequence given a slice of the
//! program (`b` → `b[1:]` beside `a[1:]`), and
//! small expressions over the parameters (`sketch.rs`: a stub body's `return E`, a
//! returned expression wrapped in `-`, `abs`, `max`…), and a passed, iterated or returned value wrapped in a
//! builtin (`reversed(words)`, [`CONVERSIONS`]). The function's header is left alone but for misspelt names: a
//! header name that occurs nowhere else becomes another name of the program, and a parameter a name its function reads
//! but never binds; a `while` body that never binds a name its condition reads ends with `v += 1` or `v -= 1`.
//! [`additive_edits`] adds code (a statement copied, a recursion's base case, a condition's clause).
//! [`error_edits`] supply what a failing test's error says is missing (a misspelt binding, an initialisation, a
//! builtin type's method): the likeliest of them go before everything else.
//! Code that is wrong whatever the tests say (a called literal, a value computed and dropped, a store nothing reads
//! ending a block, a function or a truth value where a collection belongs, `xs.sort()` used as a value:
//! [`cannot_be_right`], [`is_foreign_statement`])
//! gets mends: the statement deleted or become an initialisation of a local read before it is bound, one of its
//! function's returns or an accumulator's update, a callee become one of the program's callables, a truth test one of
//! a name, a lambda's body a small expression over its parameters, `xs.sort()` become `sorted(xs)`; and, as
//! rewrites, the statement become a binding of a local to a small value ([`lost_bindings`]).
//! Each single edit is of one of eight tiers ([`Tier`]): a stub's body fitted to the tests' numeric examples, cued
//! code (what the function's name or docstring names), mends, the classic mutation operators (a token changed, a
//! name for its kin, an operand dropped or moved), other renames, rewrites (a site replaced by other code of the
//! program, or deleted), a stub's idioms, and its stretched bodies. [`Baseline`] yields the error
//! edits, then the mends, then the rest of the single edits in a seeded random order (a hash of the seed and the
//! edit: [`order_key`]), tier by tier on lines the tests
//! suspect alike, then the additive ones and random compositions of 2–3 such edits taking turns, each a distinct
//! program (normalised AST).
//! It knows nothing of the tests but their string literals: the search runs them.
//!
//! Layout: [`menu`] builds the single edits, reading the program with [`names`] (what it reads, binds and calls) and
//! [`wrong`] (code that cannot be right); [`facts`] holds what the tests and the file around the program say;
//! [`additive`] adds code; [`errors`] reads a failing test's error. This file holds the edit, its tiers and the
//! stream. The submodules share one namespace (`use super::*`): one pipeline stage, split for reading.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::examples::{self, ValueKind};
use super::localize::{self, Missing, Suspicion};
use super::propose::splice_checked;
use super::sketch;
use crate::exec::Tests;
use crate::noise::OPERATOR_FAMILIES;
use crate::syntax::{self, Edit, NodeId, NormalisedAst, ReplacementClass, Span, Tree, content_hash, line_starts_at};

mod additive;
mod errors;
mod facts;
mod menu;
mod names;
#[cfg(test)]
mod tests;
mod wrong;

pub use additive::{additive_edits, guard_edits};
pub use errors::error_edits;
pub use facts::{TestFacts, test_strings};
pub use menu::{single_edits, single_edits_with};
pub use wrong::kinds_could_pass;

use additive::*;
use errors::*;
use facts::*;
use menu::*;
use names::*;
use wrong::*;

/// One candidate single edit: replace the node at `span` (of `class`) with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawEdit {
    pub span: Span,
    pub class: ReplacementClass,
    pub text: String,
    pub tier: Tier,
}

/// Which of the menu's tiers an edit belongs to. Within a line's suspicion, the baseline tries them tier by tier
/// ([`tier_by_tier`]): a site replaced by each other expression of the program is most of a menu (hundreds of edits in
/// a 13-line function), and each name by each other name the next largest part, so in one seeded order a one-token bug
/// waited behind them (a wrong name in `merge_sorted`: 795 runs), while the classic mutation operators, the bugs a
/// competent programmer makes, are fewer. The model-ranked searches ignore tiers: the model's scores rank their menus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// A body for a stub or a function's lone statement that every numeric example of the tests fits, with examples
    /// to spare (`hours * 3600 + minutes * 60 + seconds`: [`examples::fitted_formula`]), or for a stub or a lone
    /// statement that reads none of its function's parameters or cannot pass for the kinds of value it uses, one
    /// that returns every example's label
    /// ([`examples::piecewise_body`], [`examples::decision_list`], [`examples::fitted_predicate`]): tried first,
    /// and ranked by the model search as sure.
    Fitted,
    /// A stub's candidate body, or a returned value's wrapping, that adds code the function's name or docstring
    /// names (`double` and `x * 2`, "the largest" and `max(`, `clamp` and `min(hi, max(x, lo))`:
    /// [`sketch::cue_markers`]): tried before the rest of its rank, simplest first, and ranked by the model search
    /// above the model's own scores.
    Cued,
    /// The repair of code that is wrong whatever the tests say: a grafted statement become an initialisation, one
    /// of its function's returns or an accumulator's update ([`is_foreign_statement`]), a called value's callee become
    /// one of the program's callables, a truth test that cannot be right one of a name, an expression that reads
    /// only names bound nowhere a parameter nothing reads. Few, so tried right after the edits the errors name, and ranked by the model search no lower than
    /// a fair model score.
    Mend,
    /// One token changed (an operator, a literal, a name for its kin, a sibling function, a test's string), a `± 1`, neighbours
    /// swapped, a unary operator, an operand or a call's argument dropped (a site becomes one of its own
    /// sub-expressions), a dropped result kept, a header's misspelt name, a missing `return v` or loop step.
    Classic,
    /// A name become another name of the program that is not its kin ([`kin_groups`]).
    Rename,
    /// A site replaced by another expression of the program or a parameter (classic where the site holds a name
    /// nothing else in the program spells: it looks grafted), a returned value wrapped in its
    /// function's terms, a passed, iterated or returned value wrapped in a builtin ([`CONVERSIONS`]), a statement
    /// deleted, a grafted statement become a local's binding to a small value ([`lost_bindings`]), a stub's other
    /// returns.
    Rewrite,
    /// A stub's idiom, `math` formula or recurrence ([`sketch::stub_idioms`], [`sketch::math_idioms`],
    /// [`sketch::recursive_idioms`]) that nothing of the spec cues: after every other edit of its rank, as they are
    /// many and bottom-up enumeration tries the small expressions first; ranked by the model search by its score.
    Idiom,
    /// A stub's body that returns a number where every test expects a bool, or the reverse
    /// ([`examples::BodyFit::Stretched`]): tried after every other edit of its rank, and ranked by the model search
    /// [`STRETCHED_PENALTY`] nats below the model's score.
    Stretched,
}

/// How far the model search ranks a [`Tier::Stretched`] body below the model's score for it, in nats.
pub const STRETCHED_PENALTY: f32 = 5.0;

/// The edits without repeats (the same text at the same site), each in its first place and its lowest tier.
fn distinct(edits: Vec<RawEdit>) -> Vec<RawEdit> {
    let mut first: HashMap<(Span, ReplacementClass, String), usize> = HashMap::new();
    let mut out: Vec<RawEdit> = Vec::with_capacity(edits.len());
    for edit in edits {
        match first.entry((edit.span, edit.class, edit.text.clone())) {
            Entry::Occupied(i) => {
                let kept = &mut out[*i.get()];
                kept.tier = kept.tier.min(edit.tier);
            }
            Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push(edit);
            }
        }
    }
    out
}

/// An edit's place in its seed's random order: a hash of the seed and the edit alone. A shuffle of the whole menu
/// moved every edit whenever one was added or dropped, so a menu change reordered every trial and its effect could
/// not be read trial by trial; under this key the other edits keep their order.
fn order_key(seed: u64, edit: &RawEdit) -> u64 {
    let mut bytes = Vec::with_capacity(edit.text.len() + 17);
    bytes.extend(seed.to_le_bytes());
    bytes.extend(edit.span.start.to_le_bytes());
    bytes.extend(edit.span.end.to_le_bytes());
    bytes.push(edit.class as u8);
    bytes.extend(edit.text.as_bytes());
    // FNV-1a's high bits lag its last bytes; splitmix64's finaliser spreads them.
    let mut z = content_hash(&bytes);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Applies a raw edit if it splices cleanly (see [`splice_checked`]) and writes nothing that cannot be right.
pub fn apply(tree: &Tree, edit: &RawEdit) -> Option<(Edit, Tree)> {
    let (edit, next) = splice_checked(tree, edit.span, edit.class, &edit.text)?;
    (!writes_nonsense(tree, &edit, &next)).then_some((edit, next))
}

/// Does the code an edit wrote hold more sites that cannot be right ([`cannot_be_right`]) than the code it
/// replaced? Such a program is wrong whatever the tests say, and where they pass it anyway, a wrong repair (QuixBugs
/// `depth_first_search`: `any(search_from for nextnode in node.successors)`). Counted, not merely found: an edit of
/// a whole block keeps what the block already held.
fn writes_nonsense(before: &Tree, edit: &Edit, after: &Tree) -> bool {
    let (start, old_end) = (edit.span.start as usize, edit.span.end as usize);
    let new_end = (old_end + after.source().len()).saturating_sub(before.source().len());
    let flagged = |tree: &Tree, end: usize| {
        (0..tree.nodes().len() as NodeId)
            .filter(|&id| {
                let span = tree.node(id).span;
                span.start as usize >= start && span.end as usize <= end && span.start < span.end
            })
            .filter(|&id| cannot_be_right(tree, id))
            .count()
    };
    let written = flagged(after, new_end);
    written > 0 && written > flagged(before, old_end)
}

/// Edits in order of suspicion, most suspicious first, each with its log-prior (a stable sort: equals keep their
/// order).
fn by_suspicion(start: &Tree, suspicion: &Suspicion, edits: Vec<RawEdit>) -> Vec<(f64, RawEdit)> {
    let spans: Vec<_> = edits.iter().map(|e| e.span).collect();
    let priors = suspicion.priors(start, &spans);
    let mut ranked: Vec<(f64, RawEdit)> = priors.into_iter().zip(edits).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked
}

/// Log-suspicion within which two lines count as equally suspicious (about 15%): a spectrum of a few tests tells
/// such lines apart by chance. `hi = len(xs) - 1` before a binary search's loop, which every test runs, was 0.91 of
/// the loop's lines, which one test skips; its one-token repair waited behind every rewrite of the loop. In the
/// priors' units (`localize.rs`: `WEIGHT` nats per unit of log-suspicion, 1).
const SUSPICION_TIE: f64 = 0.15;

/// Log-suspicion within which a line's classic edits take turns with a more suspicious line's renames and rewrites
/// (a factor of 2). A long line every failing test runs alone holds hundreds of rewrites (each other
/// expression of the program at each of its sites); a one-token bug on a line a passing test also runs (`value.lstrip()`
/// for `value.strip()`, 0.71 of the top line) waited behind them all.
const CLASSIC_BAND: f64 = std::f64::consts::LN_2;

/// Ranked edits (most suspicious first) in the order the baseline tries them: within each run of equally suspicious
/// edits tier by tier, each tier in its given order (a stub's idioms, then its stretched bodies, last of the run's
/// own); after the run's own classic edits, its other tiers take turns with the classic edits of lines nearly as
/// suspicious ([`CLASSIC_BAND`]).
///
/// Measured against the tiers taking turns (classic, rename, rewrite, classic…) on the dev set of 41 real bugs: 31
/// repairs against tier by tier's 33 (which had no rename tier then), most repairs later; and no better on the toy set's corruptions (which graft foreign code, so
/// their repairs are rewrites): each tier order costs those a few points at k = 2 and 3 within 100 runs.
fn tier_by_tier(ranked: Vec<(f64, RawEdit)>, markers: &[&str]) -> Vec<RawEdit> {
    let (ranks, edits): (Vec<f64>, Vec<RawEdit>) = ranked.into_iter().unzip();
    // Taken out as they are placed: a band's classic edits come before their own run.
    let mut edits: Vec<Option<RawEdit>> = edits.into_iter().map(Some).collect();
    let n = ranks.len();
    let mut out = Vec::with_capacity(n);
    let mut first = 0;
    while first < n {
        let end = (first..n).find(|&j| ranks[j] < ranks[first] - SUSPICION_TIE).unwrap_or(n);
        let band_end = (end..n).find(|&j| ranks[j] < ranks[first] - CLASSIC_BAND).unwrap_or(n);
        let mut group: Vec<RawEdit> = edits[first..end].iter_mut().filter_map(Option::take).collect();
        // Cued edits by what of the spec they hold, then simplest first (`a + b` before `sum(1 for x in b if x)`:
        // [`sketch::cue_rank`]); the rest in their seeded order.
        group.sort_by_key(|e| {
            let rank = if e.tier == Tier::Cued { sketch::cue_rank(&e.text, markers) } else { Default::default() };
            (e.tier, rank)
        });
        let mut band = Vec::new();
        for slot in &mut edits[end..band_end] {
            if slot.as_ref().is_some_and(|e| e.tier == Tier::Classic) {
                band.extend(slot.take());
            }
        }
        // The run's classic edits, then its other tiers and the band's classic edits taking turns.
        let classic = group.iter().take_while(|e| e.tier <= Tier::Classic).count();
        let rest = group.split_off(classic);
        out.extend(group);
        let (mut rest, mut band) = (rest.into_iter(), band.into_iter());
        loop {
            match (rest.next(), band.next()) {
                (None, None) => break,
                (a, b) => out.extend(a.into_iter().chain(b)),
            }
        }
        first = end;
    }
    out
}

/// A child waiting in a model-ranked search (best-first, beam): a menu edit, applied (and so re-parsed) only if it
/// is picked, or a model sample, applied when it was checked.
pub(super) enum Pending {
    Menu(RawEdit),
    Sampled(Edit, Tree),
}

impl Pending {
    /// The edit and the program it makes of `parent`; `None` when a menu edit does not splice.
    pub(super) fn apply(self, parent: &Tree) -> Option<(Edit, Tree)> {
        match self {
            Pending::Menu(raw) => apply(parent, &raw),
            Pending::Sampled(edit, tree) => Some((edit, tree)),
        }
    }
}

/// A stream of distinct candidate programs: all single edits in seeded random order (tier by tier), then the additive ones
/// (`additive_edits`) and random 2–3-edit compositions taking turns (a missing statement and a bug of several
/// edits are both common; neither tier starves the other). Each candidate carries the edits that made it.
pub struct Baseline {
    start: Tree,
    /// The tests' strings the program lacks ([`test_strings`]): part of every single-edit menu.
    facts: TestFacts,
    singles: Vec<RawEdit>,
    next_single: usize,
    additive: Vec<RawEdit>,
    next_additive: usize,
    /// Whose turn it is once the single edits are spent.
    additive_turn: bool,
    seen: HashSet<u64>,
    rng: ChaCha8Rng,
}

impl Baseline {
    pub fn new(start: &Tree, seed: u64) -> Baseline {
        Baseline::localized(start, seed, None, &TestFacts::default())
    }

    /// With a spectrum, the single edits come in order of suspicion (most suspicious lines first; within a line's
    /// rank tier by tier, each in seeded random order: `tier_by_tier`), as classic APR tools walk a
    /// fault-localisation ranking. Compositions are unchanged. The single edits include `test_strings` in place of the program's strings ([`single_edits_with`]).
    pub fn localized(start: &Tree, seed: u64, suspicion: Option<&Suspicion>, facts: &TestFacts) -> Baseline {
        let rng = ChaCha8Rng::seed_from_u64(seed);
        let mut errors = suspicion.map(|s| error_edits(start, s.missing(), facts)).unwrap_or_default();
        let hot_spans = std::mem::take(&mut errors.hot);
        let mut singles = single_edits_with(start, facts);
        singles.extend(errors.rest);
        let mut singles = distinct(singles);
        singles.sort_by_cached_key(|e| order_key(seed, e));
        let mut additive = additive_edits(start);
        additive.sort_by_cached_key(|e| order_key(seed, e));
        let ranked = match suspicion {
            Some(suspicion) => by_suspicion(start, suspicion, singles),
            None => singles.into_iter().map(|e| (0.0, e)).collect(),
        };
        if let Some(suspicion) = suspicion {
            additive = by_suspicion(start, suspicion, additive).into_iter().map(|(_, e)| e).collect();
            if suspicion.crashed() {
                // A check the function lacks before anything else it lacks: the tests say where it died.
                let mut guards = guard_edits(start);
                guards.append(&mut additive);
                additive = guards;
            }
        }
        // What the errors say is missing, before anything else ([`ErrorEdits::first`]); then the mends of code
        // that cannot be right, most suspicious first.
        let (hot, ranked): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(_, e)| hot_spans.holds(e));
        let mut singles = errors.first;
        singles.extend(errors.likely);
        singles.extend(hot.into_iter().map(|(_, e)| e));
        let (mends, ranked): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(_, e)| e.tier == Tier::Mend);
        singles.extend(mends.into_iter().map(|(_, e)| e));
        let markers = sketch::spec_markers(start);
        singles.extend(tier_by_tier(ranked, &markers));
        let singles = distinct(singles);
        let mut seen = HashSet::new();
        seen.insert(start.normalised().fingerprint());
        Baseline {
            start: start.clone(),
            facts: facts.clone(),
            singles,
            next_single: 0,
            additive,
            next_additive: 0,
            additive_turn: true,
            seen,
            rng,
        }
    }

    /// The tests' strings its menus hold ([`Baseline::localized`]).
    pub fn facts(&self) -> &TestFacts {
        &self.facts
    }

    /// The start program's single edits, in the order the stream tries them.
    pub fn singles(&self) -> &[RawEdit] {
        &self.singles
    }

    /// Up to `n` new distinct candidates (fewer when the stream runs dry: compositions give up after many
    /// repeats).
    pub fn next_candidates(&mut self, n: usize) -> Vec<(Vec<Edit>, Tree)> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n && self.next_single < self.singles.len() {
            let raw = &self.singles[self.next_single];
            self.next_single += 1;
            if let Some((edit, tree)) = apply(&self.start, raw)
                && self.seen.insert(tree.normalised().fingerprint())
                && kinds_could_pass(&tree, &self.facts)
            {
                out.push((vec![edit], tree));
            }
        }
        let mut misses = 0;
        while out.len() < n {
            let additive_left = self.next_additive < self.additive.len();
            let compositions_left = misses < 200 && !self.singles.is_empty();
            if additive_left && (self.additive_turn || !compositions_left) {
                let raw = &self.additive[self.next_additive];
                self.next_additive += 1;
                if let Some((edit, tree)) = apply(&self.start, raw)
                    && self.seen.insert(tree.normalised().fingerprint())
                    && kinds_could_pass(&tree, &self.facts)
                {
                    out.push((vec![edit], tree));
                    self.additive_turn = false;
                }
                continue;
            }
            if !compositions_left {
                break;
            }
            match self.composition() {
                Some((edits, tree))
                    if self.seen.insert(tree.normalised().fingerprint()) && kinds_could_pass(&tree, &self.facts) =>
                {
                    out.push((edits, tree));
                    misses = 0;
                    self.additive_turn = true;
                }
                _ => misses += 1,
            }
        }
        out
    }

    /// A random composition of 2–3 single edits, each drawn from the edits of the program so far.
    fn composition(&mut self) -> Option<(Vec<Edit>, Tree)> {
        let depth = self.rng.random_range(2..=3);
        let mut tree = self.start.clone();
        let mut edits = Vec::with_capacity(depth);
        for step in 0..depth {
            let fresh;
            let menu = if step == 0 {
                &self.singles
            } else {
                fresh = single_edits_with(&tree, &self.facts);
                &fresh
            };
            if menu.is_empty() {
                return None;
            }
            let mut applied = None;
            for _ in 0..8 {
                let raw = &menu[self.rng.random_range(0..menu.len())];
                if let Some(hit) = apply(&tree, raw) {
                    applied = Some(hit);
                    break;
                }
            }
            let (edit, next) = applied?;
            edits.push(edit);
            tree = next;
        }
        Some((edits, tree))
    }
}
