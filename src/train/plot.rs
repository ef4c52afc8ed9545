//! Training curves: `metrics.svg` (labelled) and `metrics.png` (the same curves, unlabelled: plotters needs a
//! font library to put text into a bitmap, and Kelp does not depend on one). Blue: training loss (left panel).
//! Right panel, held-out: red pointer accuracy, green token accuracy, black exact edit.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::MetricsLine;

type Series = Vec<(f64, f64)>;

fn read(metrics: &Path) -> std::io::Result<(Series, [Series; 3], f64, f64)> {
    let lines: Vec<MetricsLine> =
        std::fs::read_to_string(metrics)?.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let train: Series =
        lines.iter().filter(|l| l.kind == "train").map(|l| (l.step as f64, f64::from(l.loss))).collect();
    let eval: Vec<&MetricsLine> = lines.iter().filter(|l| l.kind == "eval").collect();
    let series = |f: fn(&MetricsLine) -> f32| eval.iter().map(|l| (l.step as f64, f64::from(f(l)))).collect::<Series>();
    let accuracies = [series(|l| l.pointer_accuracy), series(|l| l.token_accuracy), series(|l| l.exact)];
    let max_step = lines.iter().map(|l| l.step).max().unwrap_or(1).max(1) as f64;
    let max_loss = train.iter().map(|p| p.1).fold(0.1, f64::max);
    Ok((train, accuracies, max_step, max_loss))
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    metrics: &Path,
    labels: bool,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let (train, accuracies, max_step, max_loss) = read(metrics)?;
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(500);
    let label_size = if labels { 35 } else { 0 };
    let mut chart = ChartBuilder::on(&left)
        .margin(15)
        .x_label_area_size(label_size)
        .y_label_area_size(label_size)
        .build_cartesian_2d(0.0..max_step, 0.0..max_loss)?;
    if labels {
        chart.configure_mesh().x_desc("step").y_desc("training loss").draw()?;
    }
    chart.draw_series(LineSeries::new(train, &BLUE))?;
    let mut chart = ChartBuilder::on(&right)
        .margin(15)
        .x_label_area_size(label_size)
        .y_label_area_size(label_size)
        .build_cartesian_2d(0.0..max_step, 0.0..1.0)?;
    if labels {
        chart.configure_mesh().x_desc("step").y_desc("held-out accuracy").draw()?;
    }
    for (series, colour, name) in accuracies
        .into_iter()
        .zip([RED, GREEN, BLACK])
        .zip(["pointer", "token", "exact edit"])
        .map(|((s, c), n)| (s, c, n))
    {
        let drawn = chart.draw_series(LineSeries::new(series, colour))?;
        if labels {
            drawn.label(name).legend(move |(x, y)| PathElement::new([(x, y), (x + 15, y)], colour));
        }
    }
    if labels {
        chart.configure_series_labels().background_style(WHITE).border_style(BLACK).draw()?;
    }
    root.present()?;
    Ok(())
}

/// Writes `metrics.svg` and `metrics.png` beside each other.
pub fn plot_metrics(metrics: &Path, png: &Path) -> Result<(), Box<dyn std::error::Error>> {
    draw(SVGBackend::new(&png.with_extension("svg"), (1000, 400)).into_drawing_area(), metrics, true)?;
    draw(BitMapBackend::new(png, (1000, 400)).into_drawing_area(), metrics, false)
}
