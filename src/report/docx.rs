//! A report's Markdown as a Word document, the form the bureau files: A4, East-Asian fonts
//! declared (宋体 body, 黑体 headings), the part before the first `##` heading as the cover
//! page, headings with outline levels (Word's navigation pane and table of contents see them),
//! tables with a shaded header row, and the charts as PNG where the template wrote
//! `![…](chart:NAME)`.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts,
    Shading, Style, StyleType, Table, TableCell, TableCellMargins, TableRow, WidthType,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::layout;

/// A chart ready for the document: (name, PNG bytes, width px, height px).
pub type ChartPng = (String, Vec<u8>, u32, u32);

/// Text width of an A4 page with 2.5 cm margins, in twentieths of a point.
const TEXT_WIDTH_TWIPS: usize = 9026;
/// EMU per pixel at 96 dpi.
const EMU_PER_PX: u32 = 9525;
/// The widest a chart is drawn: the text width in EMU (15.9 cm).
const MAX_WIDTH_EMU: u32 = 5_731_510;

/// Runs of one paragraph or cell as they are read.
#[derive(Default)]
struct Inline {
    runs: Vec<Run>,
    bold: bool,
    /// Width of the text so far in half-ems (a Chinese character is two).
    width: usize,
    /// Its widest unbreakable word.
    word: usize,
}

impl Inline {
    fn text(&mut self, t: &str) {
        let mut r = Run::new().add_text(t);
        if self.bold {
            r = r.bold();
        }
        self.runs.push(r);
        self.width += layout::text_width(t);
        self.word = self.word.max(layout::word_width(t));
    }

    fn take(&mut self) -> Vec<Run> {
        self.width = 0;
        self.word = 0;
        std::mem::take(&mut self.runs)
    }
}

fn paragraph(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(Paragraph::new(), Paragraph::add_run)
}

/// Builds the document.
pub fn document(markdown: &str, charts: &[ChartPng]) -> Result<Vec<u8>, String> {
    let song = RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .east_asia("宋体");
    let hei = RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .east_asia("黑体");
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1440)
                .bottom(1440)
                .left(1417)
                .right(1417),
        )
        .default_fonts(song)
        .default_size(21)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .fonts(hei.clone())
                .size(44)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .fonts(hei.clone())
                .size(32)
                .bold()
                .line_spacing(LineSpacing::new().before(360).after(180))
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .fonts(hei.clone())
                .size(28)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(120))
                .outline_lvl(1),
        )
        .add_style(
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .fonts(hei)
                .size(24)
                .bold()
                .line_spacing(LineSpacing::new().before(180).after(80))
                .outline_lvl(2),
        );

    let mut inline = Inline::default();
    let mut cover = true;
    let mut list: Vec<Option<u64>> = Vec::new();
    // The table being read: rows of cells of runs, and whether a row is the header.
    let mut rows: Vec<(bool, Vec<Cell>)> = Vec::new();
    let mut in_head = false;
    let mut chart: Option<String> = None;

    for ev in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match ev {
            Event::End(TagEnd::Heading(level)) => {
                let runs = inline.take();
                let mut p = paragraph(runs).style(match level {
                    HeadingLevel::H1 => "Title",
                    HeadingLevel::H2 => "Heading1",
                    HeadingLevel::H3 => "Heading2",
                    _ => "Heading3",
                });
                if level == HeadingLevel::H1 {
                    // The cover title sits a third of the way down the page.
                    for _ in 0..6 {
                        doc = doc.add_paragraph(Paragraph::new());
                    }
                }
                if level == HeadingLevel::H2 && cover {
                    cover = false;
                    p = p.page_break_before(true);
                }
                doc = doc.add_paragraph(p);
            }
            Event::Start(Tag::Strong) => inline.bold = true,
            Event::End(TagEnd::Strong) => inline.bold = false,
            Event::Start(Tag::Image { dest_url, .. }) if dest_url.starts_with("chart:") => {
                chart = Some(dest_url["chart:".len()..].to_owned());
            }
            Event::End(TagEnd::Image) if chart.is_some() => {
                let name = chart.take().unwrap_or_default();
                inline.take();
                if let Some((_, png, w, h)) = charts.iter().find(|(n, ..)| *n == name) {
                    let (mut we, mut he) = (w * EMU_PER_PX, h * EMU_PER_PX);
                    if we > MAX_WIDTH_EMU {
                        he = (u64::from(he) * u64::from(MAX_WIDTH_EMU) / u64::from(we)) as u32;
                        we = MAX_WIDTH_EMU;
                    }
                    let pic = Pic::new_with_dimensions(png.clone(), w * 2, h * 2).size(we, he);
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_image(pic)),
                    );
                }
            }
            Event::Text(_) if chart.is_some() => {}
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                inline.text(&t)
            }
            Event::SoftBreak => inline.text(" "),
            Event::HardBreak => inline
                .runs
                .push(Run::new().add_break(BreakType::TextWrapping)),
            Event::End(TagEnd::Paragraph) if list.is_empty() => {
                let runs = inline.take();
                let mut p = paragraph(runs);
                if cover {
                    p = p.align(AlignmentType::Center);
                }
                doc = doc.add_paragraph(p);
            }
            Event::Start(Tag::List(first)) => list.push(first),
            Event::End(TagEnd::List(_)) => {
                list.pop();
            }
            Event::End(TagEnd::Item) => {
                let runs = inline.take();
                let depth = list.len().max(1);
                let marker = match list.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_owned(),
                };
                let mut p = Paragraph::new()
                    .indent(
                        Some(420 * depth as i32),
                        Some(docx_rs::SpecialIndentType::Hanging(300)),
                        None,
                        None,
                    )
                    .add_run(Run::new().add_text(marker));
                for r in runs {
                    p = p.add_run(r);
                }
                doc = doc.add_paragraph(p);
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                rows.push((true, Vec::new()));
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push((in_head, Vec::new())),
            Event::End(TagEnd::TableCell) => {
                let measure = (inline.width, inline.word);
                let runs = inline.take();
                if let Some((_, cells)) = rows.last_mut() {
                    cells.push((runs, measure));
                }
            }
            Event::End(TagEnd::Table) => {
                doc = doc.add_table(table(std::mem::take(&mut rows), cover));
                doc = doc.add_paragraph(Paragraph::new());
            }
            _ => {}
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| format!("docx: {e}"))?;
    Ok(out.into_inner())
}

/// A table cell's runs, the width of its text and of its widest word.
type Cell = (Vec<Run>, (usize, usize));

/// A table across the text width (three quarters on the cover), its columns as
/// [`layout::shares`] gives them.
fn table(rows: Vec<(bool, Vec<Cell>)>, cover: bool) -> Table {
    let columns = rows.iter().map(|r| r.1.len()).max().unwrap_or(1).max(1);
    let width = if cover {
        TEXT_WIDTH_TWIPS * 3 / 4
    } else {
        TEXT_WIDTH_TWIPS
    };
    let mut fit = vec![layout::Column::default(); columns];
    for (head, cells) in &rows {
        for (c, (_, (width, word))) in fit.iter_mut().zip(cells) {
            c.fit_width(*width, *word, *head);
        }
    }
    // Font size in half-points; a half-em of it is five times that in twips.
    let size = if cover { 24 } else { 18 };
    let grid: Vec<usize> = layout::shares(&fit, width / (size * 5))
        .iter()
        .map(|s| (s * width as f64) as usize)
        .collect();
    let rows = rows
        .into_iter()
        .map(|(head, cells)| {
            TableRow::new(
                cells
                    .into_iter()
                    .enumerate()
                    .map(|(i, (runs, _))| {
                        // A paragraph's own size only sizes its mark: each run is sized.
                        let runs = runs
                            .into_iter()
                            .map(|r| if head { r.bold() } else { r }.size(size))
                            .collect();
                        let mut c = TableCell::new()
                            .width(
                                grid.get(i).copied().unwrap_or(width / columns),
                                WidthType::Dxa,
                            )
                            .add_paragraph(paragraph(runs).size(size));
                        if head {
                            c = c.shading(Shading::new().fill("DCE6F2"));
                        }
                        c
                    })
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    let t = Table::new(rows)
        .set_grid(grid)
        .width(width, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(40, 100, 40, 100));
    if cover {
        t.align(docx_rs::TableAlignmentType::Center)
    } else {
        t
    }
}
