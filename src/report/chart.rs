//! Charts of the reports: drawn as SVG by charts-rs (inlined in HTML) and rasterized to PNG by
//! resvg (embedded in DOCX). Chinese labels need a font with CJK glyphs for both measuring
//! (charts-rs) and drawing (resvg): `reports.font`, else the first of the usual system fonts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use charts_rs::{HorizontalBarChart, LineChart, PieChart, Series};

/// A chart a report asks for, by the data it shows.
#[derive(Clone, Debug)]
pub enum Chart {
    /// Lines over a category axis (days).
    Lines {
        /// Title.
        title: String,
        /// The axis labels.
        x: Vec<String>,
        /// (name, one value per label); `None` is a gap (a day nothing was observed), never
        /// drawn as a zero.
        series: Vec<(String, Vec<Option<f32>>)>,
    },
    /// One horizontal bar per category, labelled with its value.
    Bars {
        /// Title.
        title: String,
        /// The categories.
        x: Vec<String>,
        /// (series name, one value per category).
        series: (String, Vec<f32>),
        /// The value axis from and to; `None` lets the chart choose.
        range: Option<(f32, f32)>,
        /// A target drawn as a dashed line across the bars (availability's 99%).
        target: Option<f32>,
    },
    /// Shares of a whole.
    Pie {
        /// Title.
        title: String,
        /// (name, value); zero parts are left out.
        parts: Vec<(String, f32)>,
    },
}

/// Fonts on Debian/Ubuntu, RHEL/Kylin/openEuler and SUSE that carry Chinese glyphs.
const CJK_FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
];

/// The font charts are drawn with.
#[derive(Clone)]
pub struct Fonts {
    /// Family name as the SVG names it.
    pub family: String,
    data: Option<Arc<Vec<u8>>>,
    /// Where it came from (None: no CJK font found; Chinese text will not show in PNGs).
    pub path: Option<PathBuf>,
}

static LOADED: OnceLock<Fonts> = OnceLock::new();

/// Finds and registers the CJK font once per process: `configured` first, then the usual
/// system paths.
pub fn fonts(configured: Option<&Path>) -> Fonts {
    LOADED
        .get_or_init(|| {
            let candidates = configured
                .map(Path::to_path_buf)
                .into_iter()
                .chain(CJK_FONTS.iter().map(PathBuf::from));
            for path in candidates {
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let before = charts_rs::get_font_families().unwrap_or_default();
                if charts_rs::add_fonts(&[&bytes]).is_err() {
                    continue;
                }
                let after = charts_rs::get_font_families().unwrap_or_default();
                let Some(family) = after.into_iter().find(|f| !before.contains(f)) else {
                    continue;
                };
                return Fonts {
                    family,
                    data: Some(Arc::new(bytes)),
                    path: Some(path),
                };
            }
            Fonts {
                family: charts_rs::DEFAULT_FONT_FAMILY.to_owned(),
                data: None,
                path: None,
            }
        })
        .clone()
}

const WIDTH: f32 = 720.0;

impl Chart {
    /// The chart as an SVG document.
    pub fn svg(&self, fonts: &Fonts) -> Result<String, String> {
        let err = |e: charts_rs::Error| format!("chart: {e}");
        match self {
            Chart::Lines { title, x, series } => {
                let mut c = LineChart::new(
                    series
                        .iter()
                        .map(|(n, v)| Series::new_nullable(n.clone(), v.clone()))
                        .collect(),
                    x.clone(),
                );
                c.base.title.text = title.clone();
                c.base.font_family = fonts.family.clone();
                c.base.width = WIDTH;
                c.base.height = 320.0;
                // The status colours of the tables: 告警 amber, 严重 red, 未知 grey.
                c.base.series.colors = ["#E6A23C", "#D9363E", "#909399"]
                    .into_iter()
                    .map(charts_rs::Color::from)
                    .collect();
                c.svg().map_err(err)
            }
            Chart::Bars {
                title,
                x,
                series,
                range,
                target,
            } => {
                let mut s = Series::new(series.0.clone(), series.1.clone());
                s.label_show = true;
                if let Some(t) = target {
                    s.mark_lines.push(charts_rs::MarkLine {
                        category: charts_rs::MarkLineCategory::Value(*t),
                        color: Some(charts_rs::Color::from("#D9363E")),
                        stroke_width: Some(1.5),
                        stroke_dash_array: None,
                    });
                }
                let mut c = HorizontalBarChart::new(vec![s], x.clone());
                if let Some((min, max)) = range {
                    let mut axis = charts_rs::YAxisConfig::default();
                    if let Some(a) = c.y_axis_configs.first() {
                        axis = a.clone();
                    }
                    axis.min = Some(*min);
                    axis.max = Some(*max);
                    // Whole numbers on the axis: 95, 96 … 100.
                    axis.split_number = 5;
                    c.y_axis_configs = vec![axis];
                }
                c.base.title.text = title.clone();
                c.base.font_family = fonts.family.clone();
                c.base.width = WIDTH;
                c.base.height = (90.0 + 36.0 * x.len() as f32).max(200.0);
                c.svg().map_err(err)
            }
            Chart::Pie { title, parts } => {
                let mut series: Vec<Series> = parts
                    .iter()
                    .filter(|(_, v)| *v > 0.0)
                    .map(|(n, v)| Series::new(n.clone(), vec![*v]))
                    .collect();
                for s in &mut series {
                    s.label_show = true;
                }
                let mut c = PieChart::new(series);
                c.base.title.text = title.clone();
                c.base.font_family = fonts.family.clone();
                c.base.width = WIDTH;
                c.base.height = 360.0;
                c.svg().map_err(err)
            }
        }
    }
}

/// Rasterizes an SVG at twice its size (sharp when printed) into PNG bytes; returns them with
/// the SVG's own width and height in pixels.
pub fn png(svg: &str, fonts: &Fonts) -> Result<(Vec<u8>, u32, u32), String> {
    let mut opt = resvg::usvg::Options {
        font_family: fonts.family.clone(),
        ..Default::default()
    };
    if let Some(data) = &fonts.data {
        opt.fontdb_mut().load_font_data(data.as_ref().clone());
    }
    let tree = resvg::usvg::Tree::from_str(svg, &opt).map_err(|e| format!("chart: {e}"))?;
    let size = tree.size();
    let (w, h) = (size.width().ceil() as u32, size.height().ceil() as u32);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w * 2, h * 2)
        .ok_or_else(|| format!("chart: cannot draw {w}×{h}"))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| format!("chart: {e}"))?;
    Ok((bytes, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_availability_bars_start_near_the_lowest_value_with_the_target_drawn_across() {
        let chart = Chart::Bars {
            title: "可用率".into(),
            x: vec!["门户".into(), "数据库".into()],
            series: ("可用率".into(), vec![99.9, 98.5]),
            range: Some((95.0, 100.0)),
            target: Some(99.0),
        };
        let svg = chart.svg(&fonts(None)).unwrap();
        assert!(svg.contains("stroke-dasharray=\"4,2\""), "the 99% line");
        assert!(svg.contains("\n95\n") && svg.contains("\n96\n"), "{svg}");
        assert!(!svg.contains("\n120\n") && !svg.contains("\n0\n"), "{svg}");
        // A day without any run is a gap, not a zero.
        let lines = Chart::Lines {
            title: "趋势".into(),
            x: vec!["12-01".into(), "12-02".into(), "12-03".into()],
            series: vec![("严重".into(), vec![Some(2.0), None, Some(1.0)])],
        };
        let with_gap = lines.svg(&fonts(None)).unwrap();
        let zero = Chart::Lines {
            title: "趋势".into(),
            x: vec!["12-01".into(), "12-02".into(), "12-03".into()],
            series: vec![("严重".into(), vec![Some(2.0), Some(0.0), Some(1.0)])],
        };
        assert_ne!(with_gap, zero.svg(&fonts(None)).unwrap());
    }
}
