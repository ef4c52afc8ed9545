//! Best-first search over edit sequences, ordered by the model and the tests (the default strategy).
//!
//! Every tested program is a node. Expanding a node gathers candidate single edits of it: the baseline's menu (the
//! classic APR repairs, [`single_edits_with`] the tests' strings) and a few edits sampled from the model (which can write text no menu has).
//! The model scores every menu edit ([`score_edits`], teacher-forced log-probability, comparable with the sampled
//! ones), and each child waits in a queue keyed by (share of tests its parent passed, a test failing by a wrong value
//! counting a quarter of a pass, [`Candidate::progress`]; sum of log-probabilities along its path). The search pops the best
//! children in batches and tests them; a tested node is expanded once its own key beats the queue's head (none of its
//! children can score above it) and enough runs have been spent since the last expansion (in proportion to an
//! expansion's cost: the model costs more than a test run).
//!
//! With a spectrum (`localize.rs`), a child's key also gets the log-prior of its edit's place: edits on lines that
//! the failing tests run come first, at equal model scores. The model's samples are drawn there too: its start
//! pointer reweighted by the same prior ([`PrefixPass::bias_starts`]).
//!
//! A guard keeps the model's mistakes cheap: after the model's first [`MODEL_FIRST`] picks, every other pick goes
//! to the next untested program of the baseline's own stream ([`Climb`]: localised like the search, and climbing
//! from the partial repairs any pick finds), so within about 2b runs the search has tried about what the baseline
//! tries within b (plus what the model picked; the two climbs can part once the model's picks find a root). When the queue is empty and nothing is left to expand, the guard's stream
//! continues alone. On long programs the model's ranking of places is worse than the spectrum's (the dev set: its
//! likeliest edit was at the wrong node in 17 of 19 failed one-mutation searches), and without the guard it fell
//! far behind the baseline there.
//!
//! The guard also holds the wall clock: once [`MODEL_WALL_SHARE`] of the wall is spent, the model is not called
//! again and every pick goes to the guard's stream (the queue's children only once that runs dry). The model's
//! picks cost 20–100× a baseline one (its expansions against a ≈1–2 ms run), so without this a search stopped at
//! its wall having tested a tenth of what the baseline tests in the same time (toy set, 10 s wall: 100–250 runs
//! against 1,000). Like the wall itself, this makes a search that runs long depend on the machine's speed and load;
//! one that ends within half its wall does not.
//!
//! So the model decides the order of the test runs. Where it ranks the intended edit first, a repair costs a
//! handful of runs; where it is wrong, the menu is still there, later. The tests' verdict weighs most
//! ([`PASS_WEIGHT`] nats for passing every test rather than none): the children of a program that passes more tests
//! usually go before those of one that passes fewer.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashSet};
use std::time::Instant;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::baseline::{Pending, RawEdit, STRETCHED_PENALTY, Tier, error_edits, kinds_could_pass, single_edits_with};
use super::climb::Climb;
use super::localize::Suspicion;
use super::propose::{PrefixPass, ProposeStats, Proposer, score_menu};
use super::{Candidate, Run, SearchError, Searcher, Stop, sketch};
use crate::model::decode::Prefix;
use crate::model::{EditModel, Tokenizer};
use crate::syntax::{Span, Tree};

/// Picks given to the model's queue alone before the guard (the baseline's stream) takes every other one. A pick
/// is counted whether or not it yields a program to test (a duplicate or an edit that does not splice uses it up).
/// Where the model is right it is right early: on the toy set its median repair came at 8 runs.
const MODEL_FIRST: usize = 8;

/// The share of the wall after which the model is no longer called and the guard's stream takes every pick.
const MODEL_WALL_SHARE: f64 = 0.5;

/// The log-probability a guard candidate is ranked with when expanded (the model never scored its edits): about a
/// poorly ranked menu edit's.
const UNSCORED_LOG_PROB: f32 = -10.0;

/// The floor of the log-probability an edit the tests' errors make likely ([`ErrorEdits::likely`]), or a mend of code
/// that cannot be right ([`Tier::Mend`]), is ranked with: above most of the menu, below the model's confident picks
/// and the errors' sure edits.
///
/// [`ErrorEdits::likely`]: super::baseline::ErrorEdits::likely
const LIKELY_LOG_PROB: f32 = -1.0;

/// Markers of the spec a cued edit may hold that still order it (`sketch::cue_rank`): a cued edit ranks between
/// -0.04 and 0, above a confident model score, more markers first, then shorter first.
const MAX_CUES: usize = 4;

/// Edits sampled from the model per expanded node, besides the menu.
const SAMPLES_PER_EXPANSION: usize = 4;

/// Nats of log-probability that passing every test (rather than none) is worth. Strictly lexicographic (tests
/// first) starves the real fix whenever a wrong edit passes one more test (deleting a `return` often does); a
/// finite weight lets the model's best edits of the parent compete with the children of such a partial fix.
const PASS_WEIGHT: f64 = 8.0;

/// Nats below its own key that a node's best child is expected to score. A tested node's key is its path's
/// log-probability, which (as it was popped first) tops its remaining siblings': without a discount every tested
/// node would be expanded at once, and an expansion (a model pass over the menu, ≈0.2 s) costs far more than a
/// test run (≈1 ms). With it, a parent's next-best edits are tested before a child is expanded.
const EXPANSION_DISCOUNT: f64 = 3.0;

/// Prefix tokens (spec and program) per test run that must come between two expansions (unless the queue runs
/// dry). An expansion's cost grows with the prefix: ≈0.4 s for HumanEval/0 (362 tokens, a 410-edit menu, four
/// samples) against ≈10 ms per test run. Without a floor, searches on HumanEval spent 95% of a 10 s wall on the
/// model and tested 40 candidates where the baseline tested 100; a flat floor of 12 runs cost the toy tasks (60
/// tokens, cheap expansions, deep repairs) a tenth of their repairs. So the floor is the prefix length over this.
const PREFIX_TOKENS_PER_TEST: usize = 32;

/// Priority: `PASS_WEIGHT` × share of tests the parent passed ([`Candidate::progress`]) + path log-probability;
/// higher first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key(f64);

impl Key {
    fn of(share: f64, log_prob: f32) -> Key {
        Key(PASS_WEIGHT * share + log_prob as f64)
    }
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Child {
    key: Key,
    /// Insertion order: among equal keys the earlier child goes first (deterministic).
    order: u64,
    parent: usize,
    log_prob: f32,
    pending: Pending,
}

impl PartialEq for Child {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Child {}

impl Ord for Child {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key).then(other.order.cmp(&self.order))
    }
}

impl PartialOrd for Child {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A tested program.
struct Node {
    tree: Tree,
    candidate: Candidate,
    /// Its tests' spectrum: the log-prior of an edit's place ranks its children (`localize.rs`).
    suspicion: Option<Suspicion>,
}

impl Node {
    fn key(&self) -> Key {
        self.key_with(0.0, 0.0)
    }

    /// The key of a child reached by an edit of log-probability `log_prob` at a place of localisation log-prior
    /// `prior`.
    fn key_with(&self, log_prob: f32, prior: f64) -> Key {
        let c = &self.candidate;
        let share = c.progress() / c.tests.max(1) as f64;
        Key(Key::of(share, self.candidate.log_prob + log_prob).0 + prior)
    }
}

/// The guard's next program that the search has not tested yet; `None` once its stream ran dry.
fn next_from_guard(guard: &mut Climb, run: &mut Run, tests: usize) -> Option<(Candidate, Tree)> {
    while let Some((edits, tree)) = guard.next_candidates(1).pop() {
        let candidate = Candidate::untested(tree.source(), edits, tests, UNSCORED_LOG_PROB);
        if let Some(c) = run.fresh(vec![candidate], std::slice::from_ref(&tree)).pop() {
            return Some((c, tree));
        }
    }
    None
}

/// The localisation log-prior of an edit at each span of the node's program (all 0 without a spectrum).
fn place_priors(node: &Node, spans: &[crate::syntax::Span]) -> Vec<f64> {
    match &node.suspicion {
        Some(s) => s.priors(&node.tree, spans),
        None => vec![0.0; spans.len()],
    }
}

impl<'a> Searcher<'a> {
    /// See the module doc. Model calls are the sampled edits plus one scoring pass per expanded node.
    pub(super) fn best_first(
        &self,
        run: &mut Run,
        start: &Tree,
        model: &EditModel,
        tokenizer: &Tokenizer,
    ) -> Result<ProposeStats, SearchError> {
        let mut proposer = Proposer::beside_menu(model, tokenizer, self.spec.clone(), self.config.sampling);
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed);
        let mut nodes =
            vec![Node { tree: start.clone(), candidate: run.best.clone(), suspicion: run.start_suspicion.clone() }];
        let mut expandable: BinaryHeap<(Key, std::cmp::Reverse<usize>)> = BinaryHeap::new();
        expandable.push((nodes[0].key(), std::cmp::Reverse(0)));
        let mut queue: BinaryHeap<Child> = BinaryHeap::new();
        let mut order = 0u64;
        let mut scoring_passes = 0u64;
        let calls = |p: &Proposer, passes: u64| p.stats.sampled + passes;
        let mut tested_since_expansion = usize::MAX;
        let mut tests_per_expansion = 0;
        // The guard: the baseline's own stream (localised when the search is), given every other slot after the
        // model's first picks.
        let mut guard = Climb::new(start, &run.best, self.config.seed, run.start_suspicion.as_ref(), &run.facts);
        let mut slots = 0usize;
        let model_deadline = run.started + self.config.budget.wall.mul_f64(MODEL_WALL_SHARE);
        while !run.out_of_budget(calls(&proposer, scoring_passes)) {
            // Expand every node whose children could outrank the queue's head, once enough has been tested.
            while let Some(&(key, std::cmp::Reverse(id))) =
                expandable.peek().filter(|_| Instant::now() < model_deadline)
            {
                let outranked = queue.peek().is_some_and(|head| head.key.0 >= key.0 - EXPANSION_DISCOUNT);
                if !queue.is_empty() && (outranked || tested_since_expansion < tests_per_expansion) {
                    break;
                }
                expandable.pop();
                tested_since_expansion = 0;
                if nodes[id].candidate.edits.len() >= self.config.depth.max(1) {
                    continue;
                }
                let parent = &nodes[id];
                let prefix = Prefix::new(tokenizer, &self.spec, parent.tree.source());
                let mut pass = PrefixPass::new(model, &prefix)?;
                if let (Some(pass), Some(_)) = (&mut pass, &parent.suspicion) {
                    let starts = prefix.starts();
                    let spans: Vec<_> = starts.iter().map(|&s| prefix.byte_span(s, s)).collect();
                    let priors = place_priors(parent, &spans);
                    pass.bias_starts(starts.into_iter().zip(priors.into_iter().map(|p| p as f32)));
                }
                tests_per_expansion = prefix.ids.len() / PREFIX_TOKENS_PER_TEST;
                // The edits the tests' errors name join the menu; the likeliest of them rank as if the model were sure
                // of them (the baseline tries them first: `ErrorEdits::first`).
                let mut errors = parent
                    .suspicion
                    .as_ref()
                    .map(|s| error_edits(&parent.tree, s.missing(), &run.facts))
                    .unwrap_or_default();
                let named: HashSet<(Span, String)> = errors.first.iter().map(|e| (e.span, e.text.clone())).collect();
                let likely: HashSet<(Span, String)> = errors.likely.iter().map(|e| (e.span, e.text.clone())).collect();
                let hot = std::mem::take(&mut errors.hot);
                let extra: Vec<RawEdit> = errors.first.into_iter().chain(errors.likely).chain(errors.rest).collect();
                let markers = sketch::spec_markers(&parent.tree);
                // A program too long for the model's context: its menu unscored (in the menu's order), no samples.
                let menu = match &pass {
                    Some(pass) => {
                        scoring_passes += 1;
                        score_menu(model, tokenizer, pass, &parent.tree, &run.facts, extra)?
                    }
                    None => {
                        let mut seen = HashSet::new();
                        single_edits_with(&parent.tree, &run.facts)
                            .into_iter()
                            .chain(extra)
                            .filter(|e| seen.insert((e.span, e.text.clone())))
                            .map(|e| (e, None))
                            .collect()
                    }
                };
                let spans: Vec<_> = menu.iter().map(|(e, _)| e.span).collect();
                let priors = place_priors(parent, &spans);
                for ((raw, score), prior) in menu.into_iter().zip(priors) {
                    // A menu edit the pointers cannot address keeps a floor score: tried after the model's picks.
                    let log_prob = match score {
                        _ if raw.tier == Tier::Fitted => 0.0,
                        // Above the model's scores, in the baseline's order (`sketch::cue_rank`).
                        _ if raw.tier == Tier::Cued => {
                            let (Reverse(held), len) = sketch::cue_rank(&raw.text, &markers);
                            -(MAX_CUES.saturating_sub(held) as f32) / 100.0 - len as f32 / 100_000.0
                        }
                        _ if !named.is_empty() && named.contains(&(raw.span, raw.text.clone())) => 0.0,
                        // Likely, not sure: no lower than a fair model score.
                        Some(score)
                            if raw.tier == Tier::Mend
                                || (!likely.is_empty() && likely.contains(&(raw.span, raw.text.clone())))
                                || hot.holds(&raw) =>
                        {
                            score.max(LIKELY_LOG_PROB)
                        }
                        Some(score) if raw.tier == Tier::Stretched => score - STRETCHED_PENALTY,
                        Some(score) => score,
                        None => -1e4,
                    };
                    let key = parent.key_with(log_prob, prior);
                    queue.push(Child { key, order, parent: id, log_prob, pending: Pending::Menu(raw) });
                    order += 1;
                }
                let proposals = match &pass {
                    Some(pass) => proposer.propose_after(&parent.tree, pass, SAMPLES_PER_EXPANSION, &mut rng)?,
                    None => Vec::new(),
                };
                let spans: Vec<_> = proposals.iter().map(|p| p.edit.span).collect();
                let priors = place_priors(parent, &spans);
                for (p, prior) in proposals.into_iter().zip(priors) {
                    let key = parent.key_with(p.log_prob, prior);
                    let pending = Pending::Sampled(p.edit, p.tree);
                    queue.push(Child { key, order, parent: id, log_prob: p.log_prob, pending });
                    order += 1;
                }
                if run.out_of_budget(calls(&proposer, scoring_passes)) {
                    break;
                }
            }
            if run.stop.is_some() {
                break;
            }
            let rushed = Instant::now() >= model_deadline;
            // The next batch of distinct, valid children.
            let mut batch = Vec::new();
            let mut trees = Vec::new();
            while batch.len() < self.config.batch.max(1) {
                slots += 1;
                // Nothing left to pop or expand: the guard's stream is all that remains.
                let dry = queue.is_empty() && expandable.is_empty();
                if dry || rushed || (slots > MODEL_FIRST && slots.is_multiple_of(2)) {
                    // The guard's turn, unless its stream ran dry.
                    if let Some((c, tree)) = next_from_guard(&mut guard, run, self.tests.len()) {
                        batch.push(c);
                        trees.push(tree);
                        continue;
                    }
                }
                let Some(child) = queue.pop() else { break };
                let parent = &nodes[child.parent];
                let Some((edit, tree)) = child.pending.apply(&parent.tree) else { continue };
                // (A program that uses an argument as what the tests cannot pass is not worth a run.)
                if !kinds_could_pass(&tree, &run.facts) {
                    continue;
                }
                let mut edits = parent.candidate.edits.clone();
                edits.push(edit);
                let log_prob = parent.candidate.log_prob + child.log_prob;
                let candidate = Candidate::untested(tree.source(), edits, self.tests.len(), log_prob);
                let fresh = run.fresh(vec![candidate], std::slice::from_ref(&tree));
                if let Some(c) = fresh.into_iter().next() {
                    batch.push(c);
                    trees.push(tree);
                }
            }
            if batch.is_empty() {
                if expandable.is_empty() || rushed {
                    run.stop = Some(Stop::Exhausted);
                    break;
                }
                continue;
            }
            let tested = run.test_localized(batch)?;
            run.climb(&mut guard, &tested)?;
            tested_since_expansion = tested_since_expansion.saturating_add(tested.len());
            for ((candidate, suspicion), tree) in tested.into_iter().zip(trees) {
                let node = Node { tree, candidate, suspicion };
                expandable.push((node.key(), std::cmp::Reverse(nodes.len())));
                nodes.push(node);
            }
        }
        proposer.stats.sampled += scoring_passes;
        Ok(proposer.stats)
    }
}
