//! What znode tells people, in both of its languages: Chinese for the bureau and the team (the
//! default), English for `--lang en`. A message is written once where it is made, its two
//! wordings side by side ([`text!`]), and travels as a [`Text`] holding both: probes, the
//! judge, the backup ladder and the log engine make them; the store keeps both; whoever shows
//! one picks the reader's language. Values (addresses, paths, counts, versions) go into both
//! wordings as they are.

use std::borrow::Cow;
use std::fmt::Display;

use serde::{Deserialize, Serialize};

/// The language of words in human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

/// A message in Chinese and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The same words in both languages: a value, a path, a line quoted from a log.
    pub fn raw(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            zh: s.clone(),
            en: s,
        }
    }

    /// The wording in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }

    /// Parts joined, with the separator of each language (`；` and `; `).
    pub fn join(parts: &[Text], zh: &str, en: &str) -> Text {
        Text {
            zh: parts
                .iter()
                .map(|p| p.zh.as_str())
                .collect::<Vec<_>>()
                .join(zh),
            en: parts
                .iter()
                .map(|p| p.en.as_str())
                .collect::<Vec<_>>()
                .join(en),
        }
    }

    /// Both wordings passed through `f` (redaction, trimming).
    pub fn map(&self, mut f: impl FnMut(&str) -> String) -> Text {
        Text {
            zh: f(&self.zh),
            en: f(&self.en),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::raw(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::raw(s)
    }
}

/// A value put into a message: a [`Text`] gives the wording of the language being written,
/// anything else that displays gives itself (so `{pct:.1}` formats a number as usual).
pub trait Lingual {
    /// What is written in Chinese.
    type Shown<'a>: Display
    where
        Self: 'a;
    /// In Chinese.
    fn zh(&self) -> Self::Shown<'_>;
    /// In English.
    fn en(&self) -> Self::Shown<'_>;
}

impl<T: Display> Lingual for T {
    type Shown<'a>
        = &'a T
    where
        T: 'a;
    fn zh(&self) -> &T {
        self
    }
    fn en(&self) -> &T {
        self
    }
}

impl Lingual for Text {
    type Shown<'a> = &'a str;
    fn zh(&self) -> &str {
        &self.zh
    }
    fn en(&self) -> &str {
        &self.en
    }
}

/// An I/O error whose words were written in both languages where it was made (journalctl's
/// reader says why a journal cannot be read this way).
#[derive(Debug)]
pub struct Said(pub Text);

impl Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for Said {}

/// An I/O error of `kind` that says `text`.
pub fn io_error(kind: std::io::ErrorKind, text: Text) -> std::io::Error {
    std::io::Error::new(kind, Said(text))
}

impl Text {
    /// An I/O error as people read it: the two wordings it was made with ([`io_error`]), or
    /// the system's message.
    pub fn of_io(e: &std::io::Error) -> Text {
        match e.get_ref().and_then(|i| i.downcast_ref::<Said>()) {
            Some(said) => said.0.clone(),
            None => Text::raw(e.to_string()),
        }
    }
}

/// A [`Text`] from its Chinese and English wordings, with named values:
/// `text!("已连接 {addr}，用时 {ms} ms", "connected to {addr} in {ms} ms", addr = a, ms = t)`.
/// A value that is itself a `Text` is written in the same language as the message.
#[macro_export]
macro_rules! text {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::core::text::Text { zh: ($zh).to_owned(), en: ($en).to_owned() }
    };
    // The wordings capture the values by name, so either may leave a value out.
    ($zh:literal, $en:literal, $($name:ident = $val:expr),+ $(,)?) => {{
        // Every value is evaluated before any name is bound, so a value may use a variable
        // that another value's name shadows.
        let ($($name,)+) = ($(&$val,)+);
        let zh = {
            $(#[allow(unused_variables)] let $name = $crate::core::text::Lingual::zh($name);)+
            format!($zh)
        };
        let en = {
            $(#[allow(unused_variables)] let $name = $crate::core::text::Lingual::en($name);)+
            format!($en)
        };
        $crate::core::text::Text { zh, en }
    }};
}

/// A span of time in both languages, to the two largest units: `1 天 2 小时`, `1day 2h`.
pub fn duration(d: std::time::Duration) -> Text {
    let secs = d.as_secs();
    if secs == 0 {
        let ms = d.as_millis();
        return Text {
            zh: format!("{ms} 毫秒"),
            en: format!("{ms}ms"),
        };
    }
    let units: [(u64, &str, &str); 4] = [
        (86400, "天", "d"),
        (3600, "小时", "h"),
        (60, "分", "m"),
        (1, "秒", "s"),
    ];
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut rest = secs;
    for (size, z, e) in units {
        let n = rest / size;
        rest %= size;
        if n > 0 {
            zh.push(format!("{n} {z}"));
            en.push(format!("{n}{e}"));
        }
        if zh.len() == 2 {
            break;
        }
        // Only adjacent units: `1 天 5 秒` says less than `1 天`.
        if !zh.is_empty() && n == 0 {
            break;
        }
    }
    Text {
        zh: zh.join(" "),
        en: en.join(" "),
    }
}

/// What a metric is called, for the reasons the judge gives: the common names in Chinese,
/// any other as it is.
pub fn metric_name(name: &str) -> Cow<'static, str> {
    let zh = match name {
        "used_pct" => "使用率",
        "inodes_used_pct" => "inode 使用率",
        "count" => "数量",
        "connections" => "连接数",
        "connections_pct" => "连接使用率",
        "latency" | "response_time" | "time" => "响应时间",
        "connect_time" => "连接时间",
        "rung" => "验证级别",
        "age" => "距今",
        "size" => "大小",
        "load1" => "1 分钟负载",
        "load5" => "5 分钟负载",
        "load15" => "15 分钟负载",
        "usage_pct" | "cpu_pct" => "CPU 使用率",
        "iowait_pct" => "I/O 等待",
        "available_pct" => "可用率",
        "swap_used_pct" => "交换区使用率",
        "cert_days_left" => "证书剩余天数",
        "status" => "状态码",
        "findings" => "发现",
        "finding" => "不符合项",
        "drifted" => "漂移路径",
        "added" => "新增路径",
        "removed" => "删除路径",
        "changed" => "内容变更",
        "meta_changed" => "属性变更",
        "paths" => "路径数",
        "accounts" => "账号数",
        "sudo_accounts" => "sudo 账号数",
        "matches" => "匹配",
        "lag" | "replication_lag" => "复制延迟",
        "offset" => "时钟偏差",
        "rows" => "行数",
        "value" => "值",
        "exit_code" => "退出码",
        "days_left" => "剩余天数",
        "queue_depth" | "messages" => "积压消息",
        "memory_pct" => "内存使用率",
        "clients" => "客户端数",
        "active" => "活动连接",
        "waiting" => "等待连接",
        "threads_busy_pct" => "线程繁忙率",
        "heap_used_pct" => "堆内存使用率",
        "nodes" => "节点数",
        "instances" => "实例数",
        "hosts" => "主机数",
        "busy_pct" => "CPU 使用率",
        "load1_per_core" => "每核 1 分钟负载",
        "load5_per_core" => "每核 5 分钟负载",
        "load15_per_core" => "每核 15 分钟负载",
        "idle_in_transaction" => "事务中空闲会话",
        "lock_waits" => "锁等待",
        "oldest_xact_age" => "最长事务时长",
        "xid_age" => "事务号年龄",
        "clients_pct" => "客户端连接使用率",
        "ping_time" => "PING 时间",
        "round_trip" => "往返时间",
        "handshake_time" => "握手时间",
        "query_time" => "查询时间",
        "ttfb" => "首字节时间",
        "status_code" => "HTTP 状态码",
        "rss" => "内存占用",
        "inode_pct" => "inode 使用率",
        "sockets" => "监听数",
        "evicted_keys_delta" => "新增驱逐键",
        "rejected_connections_delta" => "新增拒绝连接",
        "errors_delta" => "新增错误",
        "dropped_delta" => "新增丢弃连接",
        "fd_used_pct" => "文件句柄使用率",
        "mem_used_pct" => "内存使用率",
        "queues_over_ready" => "积压队列",
        "queues_over_unacked" => "未确认积压队列",
        "queues_without_consumers" => "无消费者队列",
        "buffer_pool_hit_pct" => "缓冲池命中率",
        "slow_queries_delta" => "新增慢查询",
        "threads_running" => "运行线程",
        "replication_lag_seconds" => "复制延迟（秒）",
        "replication_lag_bytes" => "复制延迟（字节）",
        "healthy" => "正常实例",
        "java_xmx" => "Java 最大堆",
        "synced" => "时钟同步",
        "max_error" => "时钟误差",
        _ => return Cow::Owned(name.to_owned()),
    };
    Cow::Borrowed(zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_both_wordings_and_values_format_as_usual() {
        let inner = text!("连接被拒绝", "connection refused");
        let t = text!(
            "{addr}：{why}，用时 {ms:.1} ms",
            "{addr}: {why} after {ms:.1} ms",
            addr = "127.0.0.1:5432",
            why = inner,
            ms = 12.345,
        );
        assert_eq!(t.zh, "127.0.0.1:5432：连接被拒绝，用时 12.3 ms");
        assert_eq!(t.en, "127.0.0.1:5432: connection refused after 12.3 ms");
        let j = Text::join(&[t.clone(), Text::raw("x")], "；", "; ");
        assert!(j.zh.ends_with("；x") && j.en.ends_with("; x"));
        assert_eq!(metric_name("used_pct"), "使用率");
        assert_eq!(metric_name("tps"), "tps");
        let d = duration(std::time::Duration::from_secs(86400 + 2 * 3600 + 5));
        assert_eq!((d.zh.as_str(), d.en.as_str()), ("1 天 2 小时", "1d 2h"));
        assert_eq!(
            duration(std::time::Duration::from_secs(90)).zh,
            "1 分 30 秒"
        );
    }
}
