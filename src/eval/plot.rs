//! Report plots: `solved.svg`/`.png`, the share of trials solved against the test-run budget (log scale, one
//! line per method and k: the paper's "solved vs node expansions"), and `tasks.svg`/`.png`, the average test pass
//! per task and method as bars. As in training's plot, the PNGs carry no text (no font library): the SVGs are
//! labelled. Colours by method: model blue, model-only green, baseline red; darker for larger k.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Report;

fn colour(method: &str, shade: usize) -> RGBColor {
    let dim = |c: u8| c.saturating_sub((shade * 60).min(180) as u8);
    match method {
        "model" => RGBColor(dim(60), dim(110), 230),
        "model-only" => RGBColor(dim(60), 170, dim(60)),
        _ => RGBColor(220, dim(70), dim(70)),
    }
}

/// One line of the solved-vs-budget plot: method, k, and (budget, share solved) for every budget 1..=max.
type Curve = (String, usize, Vec<(f64, f64)>);

fn curves(report: &Report) -> Vec<Curve> {
    let max = report.config.budget.max(1);
    let mut out = Vec::new();
    for s in &report.summaries {
        let group: Vec<_> = report.trials.iter().filter(|t| t.method == s.method && t.k == s.k).collect();
        let n = group.len().max(1) as f64;
        let points = (1..=max)
            .map(|b| {
                let solved = group.iter().filter(|t| t.solved && t.test_runs_to_solve.is_some_and(|r| r <= b)).count();
                (b as f64, solved as f64 / n)
            })
            .collect();
        out.push((s.method.clone(), s.k, points));
    }
    out
}

fn draw_solved<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    report: &Report,
    labels: bool,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let label_size = if labels { 40 } else { 0 };
    let max = report.config.budget.max(2) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin(15)
        .x_label_area_size(label_size)
        .y_label_area_size(label_size)
        .build_cartesian_2d((1.0..max).log_scale(), 0.0..1.0)?;
    if labels {
        chart.configure_mesh().x_desc("test runs (budget)").y_desc("share solved").draw()?;
    }
    for (method, k, points) in curves(report) {
        let c = colour(&method, k.saturating_sub(1));
        let drawn = chart.draw_series(LineSeries::new(points, c.stroke_width(2)))?;
        if labels {
            drawn.label(format!("{method} k={k}")).legend(move |(x, y)| PathElement::new([(x, y), (x + 15, y)], c));
        }
    }
    if labels {
        chart.configure_series_labels().background_style(WHITE).border_style(BLACK).draw()?;
    }
    root.present()?;
    Ok(())
}

fn draw_tasks<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    report: &Report,
    labels: bool,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let mut tasks: Vec<&str> = Vec::new();
    let mut methods: Vec<&str> = Vec::new();
    for r in &report.tasks {
        if !tasks.contains(&r.task_id.as_str()) {
            tasks.push(&r.task_id);
        }
        if !methods.contains(&r.method.as_str()) {
            methods.push(&r.method);
        }
    }
    let label_size = if labels { 40 } else { 0 };
    let slots = (tasks.len() * (methods.len() + 1)).max(1);
    let mut chart = ChartBuilder::on(&root)
        .margin(15)
        .x_label_area_size(label_size)
        .y_label_area_size(label_size)
        .build_cartesian_2d(0.0..slots as f64, 0.0..1.0)?;
    if labels {
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(tasks.len())
            .x_label_formatter(&|x| {
                let i = (*x as usize) / (methods.len() + 1);
                tasks.get(i).map_or(String::new(), |t| t.rsplit('/').next().unwrap_or(t).to_string())
            })
            .y_desc("average test pass")
            .draw()?;
    }
    for r in &report.tasks {
        let ti = tasks.iter().position(|t| *t == r.task_id).unwrap_or(0);
        let mi = methods.iter().position(|m| *m == r.method).unwrap_or(0);
        let x = (ti * (methods.len() + 1) + mi) as f64;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x, 0.0), (x + 0.9, r.average_pass)],
            colour(&r.method, 0).filled(),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// Writes `solved.svg`, `solved.png`, `tasks.svg` and `tasks.png` into `dir`.
pub fn plot_report(report: &Report, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let size = (900, 500);
    draw_solved(SVGBackend::new(&dir.join("solved.svg"), size).into_drawing_area(), report, true)?;
    draw_solved(BitMapBackend::new(&dir.join("solved.png"), size).into_drawing_area(), report, false)?;
    draw_tasks(SVGBackend::new(&dir.join("tasks.svg"), size).into_drawing_area(), report, true)?;
    draw_tasks(BitMapBackend::new(&dir.join("tasks.png"), size).into_drawing_area(), report, false)?;
    Ok(())
}
