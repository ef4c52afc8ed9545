//! Beam search over edit sequences, ranked by the model alone: model-only mode's default strategy (the paper's).
//!
//! A path's score is the sum of its edits' log-probabilities, each edit also paying "not done" (the model's
//! probability that its program needed no edit, [`PrefixPass::no_edit_log_prob`], taken away). A program ends a
//! path with the log-probability that it is done, so a final program's score is the log-probability of the whole
//! story "these edits, then stop". Each step expands every program of the beam: the model scores the baseline's
//! menu of single edits ([`score_edits`], the same candidates the execution-guided search tries) and samples a few
//! edits of its own, and the likeliest [`SearchConfig::rollouts`] distinct children form the next beam, up to
//! [`SearchConfig::depth`] steps. A child enters the beam only if CPython compiles it (the menu's splices are
//! checked by tree-sitter, which accepts a few programs CPython does not, such as `(*-x)`; compiling runs no test).
//! The best final program wins, and the tests run once, on it, for the report. The start is no final program: a
//! repair starts from a program known to be broken.
//!
//! A child's score bounds every final program below it (finishing costs probability), so children that cannot beat
//! the best final program so far are dropped, and the search ends early once none can.
//!
//! The prototype sampled rollouts of its own text alone; on the toy set that reached 10% average test pass, where
//! the model's choice among the menu's edits is what it ranks best.
//!
//! [`SearchConfig::rollouts`]: super::SearchConfig::rollouts
//! [`SearchConfig::depth`]: super::SearchConfig::depth

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::baseline::Pending;
use super::propose::{PrefixPass, ProposeStats, Proposer, score_menu};
use super::{Candidate, Run, SearchError, Searcher, Stop};
use crate::exec::validate;
use crate::model::decode::Prefix;
use crate::model::{EditModel, Tokenizer};
use crate::syntax::Tree;

/// Edits sampled from the model per expanded program, besides the menu: text no menu has.
const SAMPLES_PER_EXPANSION: usize = 2;

/// A program of the beam and its path.
struct Beam {
    tree: Tree,
    candidate: Candidate,
}

impl<'a> Searcher<'a> {
    /// See the module doc. Model calls are one pass per judged program (scoring its menu, unless it is at the
    /// last step) plus the sampled edits.
    pub(super) fn beam(
        &self,
        run: &mut Run,
        start: &Tree,
        model: &EditModel,
        tokenizer: &Tokenizer,
    ) -> Result<ProposeStats, SearchError> {
        let mut proposer = Proposer::beside_menu(model, tokenizer, self.spec.clone(), self.config.sampling);
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed);
        let mut passes = 0u64;
        let mut beam = vec![Beam { tree: start.clone(), candidate: Candidate { log_prob: 0.0, ..run.best.clone() } }];
        // The best final program: its score (path, then done) and its path. It bounds the children.
        let mut best: Option<(f64, Candidate)> = None;
        let width = self.config.rollouts.max(1);
        'steps: for step in 0..=self.config.depth {
            let mut children: Vec<(f64, usize, Pending)> = Vec::new();
            for (parent, b) in beam.iter().enumerate() {
                if run.out_of_budget(proposer.stats.sampled + passes) {
                    break 'steps;
                }
                let prefix = Prefix::new(tokenizer, &self.spec, b.tree.source());
                // A program too long for the model's context: the model cannot judge it.
                let Some(pass) = PrefixPass::new(model, &prefix)? else { continue };
                passes += 1;
                let path = f64::from(b.candidate.log_prob);
                let finished = path + f64::from(pass.no_edit_log_prob());
                if step > 0 && finished.is_finite() && best.as_ref().is_none_or(|(s, _)| finished > *s) {
                    best = Some((finished, b.candidate.clone()));
                }
                if step == self.config.depth {
                    continue;
                }
                // The start's "needs an edit" is common to every path (and may round to −∞ where the model is
                // sure of "no edit"): only later programs pay it.
                let edit = if step == 0 { 0.0 } else { f64::from(pass.edit_log_prob()) };
                for (raw, score) in score_menu(model, tokenizer, &pass, &b.tree, &run.facts, Vec::new())? {
                    if let Some(s) = score {
                        children.push((path + edit + f64::from(s), parent, Pending::Menu(raw)));
                    }
                }
                for p in proposer.propose_after(&b.tree, &pass, SAMPLES_PER_EXPANSION, &mut rng)? {
                    children.push((path + edit + f64::from(p.log_prob), parent, Pending::Sampled(p.edit, p.tree)));
                }
            }
            // Likeliest first; among equal scores, the earlier child (a stable sort: deterministic). A child's score
            // bounds its descendants' final scores (stopping costs probability), so none below the best final
            // program can win.
            let bound = best.as_ref().map_or(f64::NEG_INFINITY, |(s, _)| *s);
            children.retain(|c| c.0.is_finite() && c.0 > bound);
            children.sort_by(|a, b| b.0.total_cmp(&a.0));
            let mut next = Vec::with_capacity(width);
            let mut children = children.into_iter();
            // Fill the beam in rounds, since CPython may turn down a few of each round.
            while next.len() < width {
                let mut round = Vec::new();
                for (score, parent, pending) in children.by_ref() {
                    let parent = &beam[parent];
                    let Some((edit, tree)) = pending.apply(&parent.tree) else { continue };
                    let mut edits = parent.candidate.edits.clone();
                    edits.push(edit);
                    let candidate = Candidate::untested(tree.source(), edits, self.tests.len(), score as f32);
                    if let Some(c) = run.fresh(vec![candidate], std::slice::from_ref(&tree)).pop() {
                        round.push(Beam { tree, candidate: c });
                        if next.len() + round.len() == width {
                            break;
                        }
                    }
                }
                if round.is_empty() {
                    break;
                }
                let programs: Vec<String> = round.iter().map(|b| run.program(b.tree.source())).collect();
                let verdicts = validate(&programs)?;
                next.extend(round.into_iter().zip(verdicts).filter(|(_, v)| v.ok).map(|(b, _)| b));
            }
            if next.is_empty() {
                break;
            }
            beam = next;
        }
        if let Some((_, chosen)) = best {
            // Ranked by the model alone: the choice replaces the start whatever its tests say.
            if let Some(c) = run.test(vec![chosen])?.into_iter().next() {
                run.best = c;
            }
        }
        if run.stop.is_none() {
            run.stop = Some(Stop::Finished);
        }
        proposer.stats.sampled += passes;
        Ok(proposer.stats)
    }
}
