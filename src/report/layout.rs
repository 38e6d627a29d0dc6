//! Column widths of a document's tables, one rule for the HTML page and the Word document, so
//! a table looks the same in both: short columns (序号, counts, statuses, times) keep their
//! values on one line, and the columns of long text share the rest of the page.
//!
//! Widths are counted in half-ems (an ASCII character is one, a Chinese character two). The
//! text width of an A4 page at the tables' 9 pt / 13 px font is about 100 of them in both
//! renderers.

/// The text width of an A4 page in half-ems at the tables' font size.
pub const PAGE: usize = 100;
/// What a cell's padding and border take from a column.
const PADDING: usize = 3;
/// A column whose values all fit in this width keeps them on one line (a time
/// `12-02 12:27`, five Chinese characters).
const SHORT: usize = 11;
/// A column of longer text is not made narrower than this (four Chinese characters).
const KEEP: usize = 8;
/// A longer unbreakable word (a URL, a path) may be broken past this width.
const WORD: usize = 10;

/// The width of a text in half-ems.
pub fn text_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The widest run a line cannot break inside, in half-ems: an ASCII word, or one Chinese
/// character (lines may break between any two of them).
pub fn word_width(s: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            run = 0;
        } else if c.is_ascii() {
            run += 1;
        } else {
            run = 0;
            widest = widest.max(2);
        }
        widest = widest.max(run);
    }
    widest
}

/// What one column holds, in half-ems: its header, its widest value and its widest word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Column {
    /// The header cell.
    pub head: usize,
    /// The widest body cell.
    pub body: usize,
    /// The widest unbreakable word of a body cell.
    pub word: usize,
}

impl Column {
    /// Widens the column to hold a cell's text.
    pub fn fit(&mut self, text: &str, head: bool) {
        self.fit_width(text_width(text), word_width(text), head);
    }

    /// Widens the column to hold a cell measured as it was read.
    pub fn fit_width(&mut self, width: usize, word: usize, head: bool) {
        if head {
            self.head = self.head.max(width);
        } else {
            self.body = self.body.max(width);
            self.word = self.word.max(word);
        }
    }

    /// Every cell on one line.
    fn most(self) -> usize {
        self.head.max(self.body) + PADDING
    }

    /// The narrowest that still reads well: short values whole, in longer text no word
    /// broken (up to `WORD`), and the header on one line, or two if it is long.
    fn least(self) -> usize {
        let head = if self.head <= KEEP {
            self.head
        } else {
            self.head.div_ceil(2).next_multiple_of(2)
        };
        let body = if self.body <= SHORT {
            self.body
        } else {
            self.word.clamp(KEEP, WORD)
        };
        let w = body.max(head) + PADDING;
        w.min(self.most())
    }
}

/// Each column's share of the table's width (the shares sum to 1), for a table `available`
/// half-ems wide. As a browser lays out a table: every column gets its least width, and what
/// is left of the page goes to each column in proportion to how much more it could use, so
/// long text gets the room and short values are not broken.
pub fn shares(columns: &[Column], available: usize) -> Vec<f64> {
    if columns.is_empty() {
        return Vec::new();
    }
    let most: usize = columns.iter().map(|c| c.most()).sum();
    let least: usize = columns.iter().map(|c| c.least()).sum();
    let widths: Vec<f64> = if most <= available {
        columns.iter().map(|c| c.most() as f64).collect()
    } else if least >= available {
        columns.iter().map(|c| c.least() as f64).collect()
    } else {
        let spare = (available - least) as f64 / (most - least) as f64;
        columns
            .iter()
            .map(|c| c.least() as f64 + (c.most() - c.least()) as f64 * spare)
            .collect()
    };
    let total: f64 = widths.iter().sum();
    widths.iter().map(|w| w / total).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(head: &str, body: &[&str]) -> Column {
        let mut c = Column::default();
        c.fit(head, true);
        for b in body {
            c.fit(b, false);
        }
        c
    }

    fn widths(cols: &[Column]) -> Vec<usize> {
        shares(cols, PAGE)
            .iter()
            .map(|s| (s * PAGE as f64).round() as usize)
            .collect()
    }

    #[test]
    fn words_are_measured_as_a_line_breaks_them() {
        assert_eq!(text_width("日常检查 ok"), 11);
        assert_eq!(word_width("严重：http://127.0.0.1:8080/ cannot"), 22);
        assert_eq!(word_width("数据需求管理系统"), 2);
        assert_eq!(word_width(""), 0);
    }

    #[test]
    fn short_values_stay_whole_and_long_text_gets_the_room() {
        let summary = "严重：http://127.0.0.1:8080/demand/: cannot connect: Connection refused (os error 111)";
        let cols = [
            col("序号", &["1", "14"]),
            col("检查项", &["应用服务运行情况：数据需求管理系统"]),
            col("类别", &["日常检查"]),
            col("异常次数", &["3"]),
            col("最近", &["12-02 12:27"]),
            col("最近一次情况", &[summary]),
        ];
        let w = widths(&cols);
        // 序号 holds "14" and its header; 类别 its four characters; 最近 the time.
        assert!(w[0] >= 4 + PADDING, "{w:?}");
        assert!(w[2] >= 8 + PADDING, "{w:?}");
        assert!(w[3] >= 4 + PADDING, "{w:?}");
        assert!(w[4] >= 11 + PADDING, "{w:?}");
        // The summary, the longest text, gets the most; the title more than a category.
        assert!(w[5] > w[1] && w[1] > w[2], "{w:?}");
        assert_eq!(w.iter().sum::<usize>(), PAGE);
    }

    #[test]
    fn a_table_that_fits_is_spread_by_its_widths() {
        let cols = [
            col("项目", &["服务单位"]),
            col("内容", &["省政务大数据中心"]),
        ];
        let s = shares(&cols, PAGE);
        assert!((s[0] - 11.0 / 30.0).abs() < 1e-9, "{s:?}");
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(shares(&[], PAGE).is_empty());
    }

    #[test]
    fn a_table_too_wide_for_the_page_shrinks_to_its_least_widths() {
        let cols = vec![col("一二三四五六七八", &["2026-12-02 12:27:00"]); 12];
        let s = shares(&cols, PAGE);
        assert!(s.iter().all(|x| (x - 1.0 / 12.0).abs() < 1e-9), "{s:?}");
    }
}
