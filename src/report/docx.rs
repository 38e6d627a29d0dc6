//! A report's Markdown as a Word document, the form the bureau files: A4, East-Asian fonts
//! declared (宋体 body, 黑体 headings), the part before the first `##` heading as the cover
//! page, headings with outline levels (Word's navigation pane and table of contents see them),
//! tables with a shaded header row repeated on every page the table runs onto, and the charts
//! as PNG where the template wrote `![…](chart:NAME)`. After the cover come a table of
//! contents (a TOC field Word and LibreOffice update, filled with the headings so it reads
//! before any update) and the text; every page but the cover has the running head above and
//! 第 X 页 共 Y 页 below (PAGE and NUMPAGES fields).

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrText, LineSpacing,
    NumPages, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType, Table,
    TableCell, TableCellMargins, TableRow, WidthType,
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

/// What a document shows outside its text.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    /// The running head of every page after the cover: the project, else the document's
    /// title.
    pub running_head: String,
}

/// The `##` and `###` headings of the text, in order, for the table of contents: (level from
/// 1, text).
fn headings(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for ev in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { level, .. })
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) =>
            {
                current = Some((if level == HeadingLevel::H2 { 1 } else { 2 }, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// The bookmark of the `n`th heading, which its contents line points at.
fn toc_mark(n: usize) -> String {
    format!("_Toc{:08}", n + 1)
}

/// A field as Word writes it, each part a run of its own (LibreOffice reads nothing else as
/// a field): its instruction, then what shows until it is updated.
fn field(instr: InstrText, shown: &str, dirty: bool) -> Vec<Run> {
    vec![
        Run::new().add_field_char(FieldCharType::Begin, dirty),
        Run::new().add_instr_text(instr),
        Run::new().add_field_char(FieldCharType::Separate, false),
        Run::new().add_text(shown),
        Run::new().add_field_char(FieldCharType::End, false),
    ]
}

/// The table of contents: a line per heading whose page number is a PAGEREF field to the
/// heading's bookmark, marked dirty. Not a TOC field: LibreOffice shows a TOC field's stored
/// text and does not rebuild it when it opens a file, so its page numbers would stay blank,
/// while a PAGEREF is computed by LibreOffice on opening and by Word when it updates fields
/// (asked for in the settings, see [`update_fields_on_open`]).
fn contents(markdown: &str) -> Vec<Paragraph> {
    headings(markdown)
        .iter()
        .enumerate()
        .map(|(n, (level, text))| {
            let mut p = Paragraph::new()
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Right)
                        .leader(docx_rs::TabLeaderType::Dot)
                        .pos(TEXT_WIDTH_TWIPS),
                )
                .line_spacing(LineSpacing::new().after(60))
                .add_run(Run::new().add_text(text))
                .add_run(Run::new().add_tab());
            if *level > 1 {
                p = p.indent(Some(420 * (*level as i32 - 1)), None, None, None);
            }
            let page = InstrText::PAGEREF(docx_rs::InstrPAGEREF::new(toc_mark(n)).hyperlink());
            field(page, "", true)
                .into_iter()
                .fold(p, Paragraph::add_run)
        })
        .collect()
}

/// Asks Word to update the document's fields when it opens it (`w:updateFields`): the
/// contents' page numbers and the page count are then right in Word as in LibreOffice.
fn update_fields_on_open(settings: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(settings);
    // The schema orders the settings: `updateFields` comes before `compat`.
    match text
        .find("<w:compat>")
        .or_else(|| text.rfind("</w:settings>"))
    {
        Some(at) => format!(
            "{}<w:updateFields w:val=\"true\" />{}",
            &text[..at],
            &text[at..]
        )
        .into_bytes(),
        None => settings.to_vec(),
    }
}

/// The running head: the frame's text, small and centred.
fn running_head(frame: &Frame) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(&frame.running_head).size(18)),
    )
}

/// 第 X 页 共 Y 页, centred.
fn page_numbers() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(18)
            .add_run(Run::new().add_text("第 ").size(18))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" 页 共 ").size(18))
            .add_num_pages(NumPages::new())
            .add_run(Run::new().add_text(" 页").size(18)),
    )
}

/// Marks the first row of every table as its header row (`w:tblHeader`), repeated at the top
/// of each page a table runs onto; docx-rs 0.4 cannot say so itself. Every table here starts
/// with its header row, which carries `w:cantSplit` and so has a `w:trPr` to extend.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let mut out = String::with_capacity(text.len() + 1024);
    let mut rest: &str = &text;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, after) = rest.split_at(at + "<w:tbl>".len());
        out.push_str(before);
        rest = after;
        if let Some(pr) = rest.find("<w:trPr>") {
            let (before, after) = rest.split_at(pr + "<w:trPr>".len());
            out.push_str(before);
            out.push_str("<w:tblHeader />");
            rest = after;
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Builds the document.
pub fn document(markdown: &str, charts: &[ChartPng], frame: &Frame) -> Result<Vec<u8>, String> {
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
        // The cover has neither head nor page number: its own (empty) first-page parts.
        .first_header(Header::new())
        .first_footer(Footer::new())
        .header(running_head(frame))
        .footer(page_numbers())
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
    let mut marked = 0;
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
                // A heading never ends a page: it stays with what follows.
                let mut p = paragraph(runs)
                    .style(match level {
                        HeadingLevel::H1 => "Title",
                        HeadingLevel::H2 => "Heading1",
                        HeadingLevel::H3 => "Heading2",
                        _ => "Heading3",
                    })
                    .keep_next(true);
                if level == HeadingLevel::H1 {
                    // The cover title sits a third of the way down the page.
                    for _ in 0..6 {
                        doc = doc.add_paragraph(Paragraph::new());
                    }
                }
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    // Where its line in the contents points.
                    p = p
                        .add_bookmark_start(marked, toc_mark(marked))
                        .add_bookmark_end(marked);
                    marked += 1;
                }
                if level == HeadingLevel::H2 && cover {
                    cover = false;
                    // The contents on a page of their own, then the text on the next.
                    doc = doc.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .page_break_before(true)
                            .add_run(Run::new().add_text("目　录").bold().size(32))
                            .line_spacing(LineSpacing::new().after(240)),
                    );
                    for line in contents(markdown) {
                        doc = doc.add_paragraph(line);
                    }
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
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.settings = update_fields_on_open(&xml.settings);
    xml.pack(&mut out).map_err(|e| format!("docx: {e}"))?;
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
