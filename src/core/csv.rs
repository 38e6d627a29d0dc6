//! CSV as spreadsheets and the province's systems write it: UTF-8 (with or without a BOM) or
//! GBK, RFC 4180 quoting. Read by `history import` sheets and return-flow manifests.

/// The text of a CSV file: UTF-8 without its BOM, else GBK (GB18030); `None` when neither.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t.to_owned()),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.into_owned()),
    }
}

/// The records of CSV text (RFC 4180: fields in double quotes may hold commas, quotes doubled
/// and line breaks), each with the line it starts on.
pub fn records(text: &str) -> Vec<(u64, Vec<String>)> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1u64;
    let mut start = 1u64;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (',', false) => fields.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            ('\n', true) => {
                line += 1;
                field.push('\n');
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::records;

    #[test]
    fn reads_csv_as_excel_writes_it() {
        let text = "检查项,结果,说明,检查人\r\ndb-up,正常,\"ok, fine\",张工\r\n,,,\r\ndisk,告警,\"第一行\n第二行 \"\"引号\"\"\",\r\nlast,严重";
        let r = records(text);
        assert_eq!(
            r[0],
            (
                1,
                vec![
                    "检查项".into(),
                    "结果".into(),
                    "说明".into(),
                    "检查人".into()
                ]
            )
        );
        assert_eq!(
            r[1],
            (
                2,
                vec![
                    "db-up".into(),
                    "正常".into(),
                    "ok, fine".into(),
                    "张工".into()
                ]
            )
        );
        assert_eq!(r[2].1, ["", "", "", ""]);
        assert_eq!(r[3].0, 4);
        assert_eq!(r[3].1[2], "第一行\n第二行 \"引号\"");
        assert_eq!(r[4], (6, vec!["last".into(), "严重".into()]));
    }
}
