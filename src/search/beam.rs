//! Beam search over edit sequences, ranked by the model alone: model-only mode's default strategy (the paper's).
//!
//! A path's score is the sum of its edits' log-probabilities, each edit also paying "not done" (the model's
//! probability that its program needed no edit, [`PrefixPass::no_edit_log_prob`], taken away). A program ends a
//! path with the log-probability that it is done, so a final program's score is the log-probability of the whole
//! story "these edits, then stop". Each step expands every program of the beam: the model scores the baseline's
//! menu of single edits ([`score_edits`], the same candidates the execution-guided search tries) and samples a few
//! edits of its own, and the likeliest [`SearchConfig::rollouts`] distinct children form the next beam, up to
//! [`SearchConfig::depth`] steps. The best final program (that CPython compiles) wins; the tests run once, on it,
//! for the report. The start is no final program: a repair starts from a program known to be broken.
//!
//! A child's score bounds every final program below it (finishing costs probability), so children that cannot beat
//! the best final program so far are dropped, and the search ends early once none can.
//!
//! The prototype sampled rollouts of its own text alone; on the toy set that reached 10% average test pass, where
//! the model's choice among the menu's edits is what it ranks best.
//!
//! [`SearchConfig::rollouts`]: super::SearchConfig::rollouts
//! [`SearchConfig::depth`]: super::SearchConfig::depth

use std::collections::HashSet;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::baseline::{RawEdit, apply, single_edits};
use super::propose::{PrefixPass, ProposeStats, Proposer, SCORED_TEXTS, score_edits};
use super::{Candidate, Run, SearchError, Searcher, Stop};
use crate::exec::validate;
use crate::model::decode::Prefix;
use crate::model::{EditModel, Tokenizer};
use crate::syntax::{Edit, Tree};

/// Edits sampled from the model per expanded program, besides the menu: text no menu has.
const SAMPLES_PER_EXPANSION: usize = 2;

/// Final programs, likeliest first, that CPython is asked to compile before one is chosen.
const FINALS_CHECKED: usize = 8;

/// A program of the beam and its path.
struct Beam {
    tree: Tree,
    candidate: Candidate,
}

/// A child of a beam program, applied only if it makes the next beam.
enum Pending {
    Menu(RawEdit),
    Sampled(Edit, Tree),
}

impl<'a> Searcher<'a> {
    /// See the module doc. Model calls are one scoring pass per expanded program plus the sampled edits.
    pub(super) fn beam(
        &self,
        run: &mut Run,
        start: &Tree,
        model: &EditModel,
        tokenizer: &Tokenizer,
    ) -> Result<ProposeStats, SearchError> {
        let mut proposer = Proposer::new(model, tokenizer, self.spec.clone(), self.config.sampling);
        proposer.max_attempts = 1;
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed);
        let mut passes = 0u64;
        let mut seen = HashSet::from([start.normalised().fingerprint()]);
        let mut beam = vec![Beam { tree: start.clone(), candidate: Candidate { log_prob: 0.0, ..run.best.clone() } }];
        // Every final program: its score (path, then done) and its path; the best so far bounds the children.
        let mut finals: Vec<(f64, Candidate)> = Vec::new();
        let mut bound = f64::NEG_INFINITY;
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
                let done = pass.no_edit_log_prob();
                let path = f64::from(b.candidate.log_prob);
                let finished = path + f64::from(done);
                // The start is broken (that is the premise of a repair), so it is no final program: the model's
                // "no edit" on it only prices the first edit. (The default model finds most toy corruptions done:
                // ranked with the rest, the start won 93 of 100 P1 trials.)
                if step > 0 {
                    bound = bound.max(finished);
                    finals.push((finished, b.candidate.clone()));
                }
                if step == self.config.depth {
                    continue;
                }
                let not_done = f64::from((-done.exp()).ln_1p());
                let menu = single_edits(&b.tree);
                let texts: Vec<_> = menu.iter().map(|e| (e.span, e.text.as_str())).collect();
                let scores = score_edits(model, tokenizer, &pass, &texts, SCORED_TEXTS)?;
                for (raw, score) in menu.into_iter().zip(scores) {
                    if let Some(s) = score {
                        children.push((path + not_done + f64::from(s), parent, Pending::Menu(raw)));
                    }
                }
                for p in proposer.propose_after(&b.tree, &pass, SAMPLES_PER_EXPANSION, &mut rng)? {
                    let score = path + not_done + f64::from(p.log_prob);
                    children.push((score, parent, Pending::Sampled(p.edit, p.tree)));
                }
            }
            // Likeliest first; among equal scores, the earlier child (deterministic).
            children.sort_by(|a, b| b.0.total_cmp(&a.0));
            let mut next = Vec::with_capacity(width);
            for (score, parent, pending) in children {
                if next.len() == width || score <= bound {
                    break;
                }
                let parent = &beam[parent];
                let applied = match pending {
                    Pending::Menu(raw) => apply(&parent.tree, &raw),
                    Pending::Sampled(edit, tree) => Some((edit, tree)),
                };
                let Some((edit, tree)) = applied else { continue };
                if !seen.insert(tree.normalised().fingerprint()) {
                    run.duplicates += 1;
                    continue;
                }
                run.candidates += 1;
                let mut edits = parent.candidate.edits.clone();
                edits.push(edit);
                let candidate = Candidate::untested(tree.source(), edits, self.tests.len(), score as f32);
                next.push(Beam { tree, candidate });
            }
            if next.is_empty() {
                break;
            }
            beam = next;
        }
        // The likeliest final program that CPython compiles: the menu's splices are checked by tree-sitter, which
        // accepts a few programs CPython does not (`(*-x)`). Compiling is no test run.
        finals.sort_by(|a, b| b.0.total_cmp(&a.0));
        finals.truncate(FINALS_CHECKED);
        let programs: Vec<String> = finals.iter().map(|(_, c)| run.program(&c.source)).collect();
        let verdicts = validate(&programs)?;
        let chosen = match finals.iter().zip(&verdicts).position(|(_, v)| v.ok) {
            Some(i) => Some(finals.swap_remove(i).1),
            None => finals.into_iter().next().map(|(_, c)| c),
        };
        if let Some(chosen) = chosen {
            // Ranked by the model alone: the choice replaces the start whatever its tests say.
            if let Some(c) = run.test(vec![chosen])?.into_iter().next() {
                run.best = c;
            }
        }
        if run.stop != Some(Stop::Repaired) {
            run.stop = Some(Stop::Finished);
        }
        proposer.stats.sampled += passes;
        Ok(proposer.stats)
    }
}
