//! A report's Markdown as one self-contained HTML page: inline CSS (A4, prints cleanly), the
//! charts inlined as SVG where the template wrote `![…](chart:NAME)`, and the part before the
//! first `##` heading set as the cover.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::layout;

const CSS: &str = r#"
@page { size: A4; margin: 20mm 18mm; }
:root { --ink: #1f2933; --line: #c9d2dc; --head: #eef2f7; --accent: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 210mm; padding: 16px 28px 48px; color: var(--ink);
  font: 15px/1.7 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
  "Source Han Sans SC", SimSun, sans-serif; }
h1 { font-size: 26px; text-align: center; margin: 48px 0 32px; color: var(--accent); }
h2 { font-size: 20px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 32px 0 12px;
  break-after: avoid; }
h3 { font-size: 17px; margin: 20px 0 8px; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 16px; font-size: 13px; line-height: 1.5; break-inside: auto;
  table-layout: fixed; }
tr { break-inside: avoid; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: var(--head); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
figure.chart { margin: 12px 0 20px; text-align: center; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 13px; color: #52606d; }
section.cover { padding: 24px 0 40px; margin-bottom: 24px; border-bottom: 1px dashed var(--line); }
section.cover table { width: 70%; margin: 16px auto; font-size: 15px; }
section.cover td { height: 2.4em; }
@media print { section.cover { break-after: page; border: 0; padding-top: 30vh; }
  body { padding: 0; max-width: none; } }
"#;

/// Renders the page; `charts` gives the SVG of each chart name (a missing one is left out).
pub fn page(markdown: &str, title: &str, charts: &[(String, String)]) -> String {
    let mut events = Vec::new();
    // The chart an image names, and its alt text as it arrives.
    let mut chart: Option<(String, String)> = None;
    let mut cover_open = true;
    // The table being read: where its events start, and its columns as measured so far.
    let mut table: Option<(usize, Vec<layout::Column>)> = None;
    // The cell being read: its column, its text, whether it is a header.
    let mut cell = (0usize, String::new(), false);
    events.push(Event::Html("<section class=\"cover\">\n".into()));
    for ev in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) if cover_open => {
                cover_open = false;
                events.push(Event::Html("</section>\n".into()));
                events.push(ev);
            }
            Event::Start(Tag::Image { ref dest_url, .. }) if dest_url.starts_with("chart:") => {
                chart = Some((dest_url["chart:".len()..].to_owned(), String::new()));
            }
            Event::Text(t) if chart.is_some() => {
                if let Some((_, alt)) = chart.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) if chart.is_some() => {
                let (name, alt) = chart.take().unwrap_or_default();
                if let Some((_, svg)) = charts.iter().find(|(n, _)| *n == name) {
                    let svg = svg.find("<svg").map_or(svg.as_str(), |i| &svg[i..]);
                    events.push(Event::Html(
                        format!(
                            "<figure class=\"chart\" data-chart=\"{}\">{svg}<figcaption>{}</figcaption></figure>",
                            escape(&name),
                            escape(&alt)
                        )
                        .into(),
                    ));
                }
            }
            _ if chart.is_some() => {}
            Event::Start(Tag::Table(_)) => {
                table = Some((events.len() + 1, Vec::new()));
                events.push(ev);
            }
            Event::Start(Tag::TableHead) => {
                cell = (0, String::new(), true);
                events.push(ev);
            }
            Event::Start(Tag::TableRow) => {
                cell = (0, String::new(), false);
                events.push(ev);
            }
            Event::Text(ref t) | Event::Code(ref t) if table.is_some() => {
                cell.1.push_str(t);
                events.push(ev);
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((_, columns)) = table.as_mut() {
                    if columns.len() <= cell.0 {
                        columns.resize(cell.0 + 1, layout::Column::default());
                    }
                    columns[cell.0].fit(&cell.1, cell.2);
                }
                cell = (cell.0 + 1, String::new(), cell.2);
                events.push(ev);
            }
            Event::End(TagEnd::Table) => {
                if let Some((at, columns)) = table.take() {
                    let cols: String = layout::shares(&columns, layout::PAGE)
                        .iter()
                        .map(|s| format!("<col style=\"width:{:.1}%\">", s * 100.0))
                        .collect();
                    events.insert(
                        at,
                        Event::Html(format!("<colgroup>{cols}</colgroup>\n").into()),
                    );
                }
                events.push(ev);
            }
            // Report text comes from the store (titles, summaries): any HTML in it is text.
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            _ => events.push(ev),
        }
    }
    if cover_open {
        events.push(Event::Html("</section>\n".into()));
    }
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"znode {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn cover_charts_and_tables() {
        let md = "# 标题\n\n| a | b |\n|---|---|\n| 1 | x \\| y |\n\n## 一、概况\n\n![趋势](chart:trend)\n\n![无](chart:none)\n\n正文 <script>alert(1)</script>\n";
        let html = super::page(
            md,
            "标题 & 副",
            &[(
                "trend".into(),
                "<?xml version=\"1.0\"?><svg width=\"1\"></svg>".into(),
            )],
        );
        assert!(html.contains("<title>标题 &amp; 副</title>"));
        assert!(html.contains("<section class=\"cover\">\n<h1>标题</h1>"));
        assert!(html.contains("<td>x | y</td>"));
        // Column widths from the cells, the same rule as the Word document's.
        assert!(
            html.contains(
                "<table><colgroup><col style=\"width:33.3%\"><col style=\"width:66.7%\"></colgroup>"
            ),
            "{html}"
        );
        assert!(html.contains("</section>\n<h2>一、概况</h2>"));
        assert!(html.contains("<figure class=\"chart\" data-chart=\"trend\"><svg width=\"1\"></svg><figcaption>趋势</figcaption></figure>"));
        assert!(!html.contains("chart:none") && !html.contains("<?xml"));
        assert!(
            html.contains("正文 &lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }
}
