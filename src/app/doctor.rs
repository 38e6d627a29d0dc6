//! `znode doctor`: whether this installation can do its job, item by item, each with what to do
//! about it — the configuration, the history store (reachable, writable, its schema), the timers
//! that run the daily inspection and the reports (enabled, when they last ran, how that went),
//! the secrets file's permissions, the log files this account must read, the reports folder, the
//! fonts the DOCX charts need, and LibreOffice for PDF copies.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::core::outcome::Status;
use crate::core::text::Text;
use crate::settings::{Overrides, Settings};
use crate::store::Store;
use crate::text;

/// One thing looked at, in both languages.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What was looked at (配置文件, 历史库, ...).
    pub item: Text,
    /// How it stands.
    pub status: Status,
    /// What was found.
    pub detail: Text,
    /// What to do, when something is to be done.
    pub fix: Option<Text>,
}

/// JSON keeps the Chinese in `item`, `detail` and `fix` (as documents do) and the English
/// beside them in `*_en`, whatever `--lang` says: scripts read one shape.
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::json!({
            "item": self.item.zh, "item_en": self.item.en,
            "status": self.status,
            "detail": self.detail.zh, "detail_en": self.detail.en,
            "fix": self.fix.as_ref().map(|f| &f.zh), "fix_en": self.fix.as_ref().map(|f| &f.en),
        })
        .serialize(s)
    }
}

impl Finding {
    fn new(item: impl Into<Text>, status: Status, detail: impl Into<Text>) -> Finding {
        Finding {
            item: item.into(),
            status,
            detail: detail.into(),
            fix: None,
        }
    }

    fn fix(mut self, fix: impl Into<Text>) -> Finding {
        self.fix = Some(fix.into());
        self
    }
}

/// The timers and services the packages install, with when each matters.
const UNITS: &[(&str, &str, &str)] = &[
    ("znode-inspect.timer", "每日巡检", "the daily inspection"),
    ("znode-report@weekly.timer", "周报", "the weekly report"),
    ("znode-report@monthly.timer", "月报", "the monthly report"),
    ("znode-backup.timer", "备份检查", "backup verification"),
    (
        "znode-logs.timer",
        "日志归档与清理",
        "log archive and purge",
    ),
    ("znode-watch.service", "值守", "the watcher"),
];

fn config_item() -> Text {
    text!("配置文件", "configuration")
}

fn store_item() -> Text {
    text!("历史库", "history store")
}

/// Looks at everything; the worst status is the installation's.
pub async fn examine(config: &Path, overrides: &Overrides) -> Vec<Finding> {
    let mut out = Vec::new();
    let (settings, problems) = crate::settings::load_lenient(config, overrides);
    match (&settings, problems.0.first()) {
        (Some(_), None) => out.push(Finding::new(
            config_item(),
            Status::Ok,
            text!(
                "{path} 可读且有效",
                "{path} loads without problems",
                path = config.display()
            ),
        )),
        (_, Some(first)) => out.push(
            Finding::new(
                config_item(),
                Status::Crit,
                text!(
                    "{path} 有 {n} 处问题，第一处：{first}",
                    "{path} has {n} problem(s), the first: {first}",
                    path = config.display(),
                    n = problems.0.len(),
                    first = first
                ),
            )
            .fix(text!(
                "znode config check -c {path} 逐条列出并说明如何改",
                "znode config check -c {path} lists each with what to change",
                path = config.display()
            )),
        ),
        (None, None) => out.push(Finding::new(
            config_item(),
            Status::Crit,
            text!("无法读取", "cannot be read"),
        )),
    }
    let Some(settings) = settings else {
        return out;
    };
    out.extend(account());
    out.push(store(&settings).await);
    out.extend(schedule(&settings).await);
    out.extend(secrets(&settings));
    out.extend(log_access(&settings));
    out.push(reports_folder(&settings));
    out.push(fonts(&settings));
    out.push(libreoffice());
    out
}

/// The store as it is: opened without creating or migrating it, so that looking changes
/// nothing and the schema read is the store's own.
async fn store(settings: &Settings) -> Finding {
    let shown = crate::core::secret::redact_url(&settings.store_url);
    let binary = Store::schema_version();
    let store = match Store::open_as_is(&settings.store_url).await {
        Ok(s) => s,
        Err(crate::store::StoreError::Missing(_)) => {
            return match sqlite_folder(&settings.store_url) {
                Some(dir) if !writable(&dir) => Finding::new(
                    store_item(),
                    Status::Crit,
                    text!(
                        "{shown} 尚未建立，且 {dir} 不可写",
                        "{shown} does not exist yet and {dir} is not writable",
                        shown = shown,
                        dir = dir.display()
                    ),
                )
                .fix(text!(
                    "让运行 znode 的账号能写该目录，或在 store: 中另指一处",
                    "let the account znode runs as write that folder, or point store: elsewhere"
                )),
                _ => Finding::new(
                    store_item(),
                    Status::Ok,
                    text!(
                        "{shown} 尚未建立：第一次巡检时建立（第 {binary} 版库结构）",
                        "{shown} does not exist yet: the first inspection makes it (schema {binary})",
                        shown = shown,
                        binary = binary
                    ),
                ),
            };
        }
        Err(e) => {
            return Finding::new(store_item(), Status::Crit, e.to_string()).fix(text!(
                "检查 store:（或 ZNODE_STORE）所指的库是否存在、可连接，账号是否有权限",
                "check that the store named by store: (or ZNODE_STORE) exists, answers, and lets this account in"
            ));
        }
    };
    let applied = store.applied_schema().await.unwrap_or(0);
    let finding = if applied > binary {
        Finding::new(
            store_item(),
            Status::Crit,
            text!(
                "{shown} 的库结构为第 {applied} 版，本程序只认识到第 {binary} 版",
                "{shown} is at schema {applied}; this znode knows up to {binary}",
                shown = shown,
                applied = applied,
                binary = binary
            ),
        )
        .fix(text!(
            "历史库已由更新版本的 znode 升级：请安装不低于写入它的版本，不要降级（本程序 {v}）",
            "a newer znode migrated the store: install that version or newer, never downgrade (this is {v})",
            v = env!("CARGO_PKG_VERSION")
        ))
    } else {
        let schema = if applied < binary {
            text!(
                "库结构第 {applied} 版，下次写入时升级到第 {binary} 版",
                "schema {applied}, migrated to {binary} at the next write",
                applied = applied,
                binary = binary
            )
        } else {
            text!(
                "库结构第 {applied} 版（本程序第 {binary} 版）",
                "schema {applied} (this znode's: {binary})",
                applied = applied,
                binary = binary
            )
        };
        match store.check_writable().await {
            Ok(()) => Finding::new(
                store_item(),
                Status::Ok,
                text!("{shown} 可写，{schema}", "{shown} is writable, {schema}", shown = shown, schema = schema),
            ),
            Err(e) => Finding::new(
                store_item(),
                Status::Crit,
                text!("{shown} 不可写：{e}", "{shown} is not writable: {e}", shown = shown, e = e),
            )
            .fix(text!(
                "SQLite：让运行 znode 的账号（软件包为 znode）能写该文件和所在目录；PostgreSQL：给该账号 INSERT/UPDATE 权限",
                "SQLite: let the account znode runs as (znode, from the package) write the file and its folder; PostgreSQL: grant it INSERT/UPDATE"
            )),
        }
    };
    store.close().await;
    finding
}

/// The folder of a SQLite store's file.
fn sqlite_folder(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or(url.strip_prefix("sqlite:"))?;
    Path::new(path.split('?').next()?)
        .parent()
        .map(Path::to_path_buf)
}

/// Whether this account may create files in `dir`, or in the nearest folder above it that
/// exists (where `dir` would be made): asked of the kernel, nothing is written.
fn writable(dir: &Path) -> bool {
    let mut d = Some(dir);
    while let Some(x) = d {
        if x.exists() {
            return nix::unistd::access(x, nix::unistd::AccessFlags::W_OK).is_ok();
        }
        d = x.parent();
    }
    false
}

/// What systemd says of a unit.
#[derive(Default)]
struct UnitState {
    load: String,
    enabled: String,
    active: String,
    last: String,
    result: String,
}

async fn unit_state(unit: &str) -> Option<UnitState> {
    let argv: Vec<String> = [
        "systemctl",
        "show",
        unit,
        "-p",
        "LoadState,UnitFileState,ActiveState,LastTriggerUSec,ActiveEnterTimestamp,Result",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let ran = tokio::time::timeout(
        Duration::from_secs(10),
        crate::core::process::run_process(&argv, None, &[]),
    )
    .await
    .ok()?
    .ok()?;
    if ran.code != 0 {
        return None;
    }
    let mut s = UnitState::default();
    for line in ran.stdout.lines() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let v = v.to_owned();
        match k {
            "LoadState" => s.load = v,
            "UnitFileState" => s.enabled = v,
            "ActiveState" => s.active = v,
            // A timer's last firing; a service's start (a service has no trigger).
            "LastTriggerUSec" if unit.ends_with(".timer") => s.last = v,
            "ActiveEnterTimestamp" if unit.ends_with(".service") => s.last = v,
            "Result" => s.result = v,
            _ => {}
        }
    }
    Some(s)
}

/// Whether a unit is wanted on this node: reports and inspection always, backups and log
/// retention when the configuration declares some; the watcher is started when a duty period
/// needs it, so it is never missing.
fn wanted(settings: &Settings, unit: &str) -> bool {
    match unit {
        "znode-backup.timer" => !settings.backups.policies.is_empty(),
        "znode-logs.timer" => !settings.logs.retention.is_empty(),
        "znode-watch.service" => false,
        _ => true,
    }
}

async fn schedule(settings: &Settings) -> Vec<Finding> {
    if !Path::new("/run/systemd/system").is_dir() {
        let cron = cron_lines();
        let item = text!("定时任务", "schedule");
        return vec![if cron.is_empty() {
            Finding::new(
                item,
                Status::Warn,
                text!("systemd 未运行，crontab 中也没有 znode", "systemd is not running and no crontab runs znode"),
            )
            .fix(text!(
                "按 README“Scheduled runs”一节的 crontab 示例安排每日巡检和周报、月报",
                "schedule the daily inspection and the weekly and monthly reports as the README's crontab example does (Scheduled runs)"
            ))
        } else {
            Finding::new(
                item,
                Status::Ok,
                text!(
                    "systemd 未运行；cron 中有 {n} 条 znode 任务",
                    "systemd is not running; cron has {n} znode line(s)",
                    n = cron.len()
                ),
            )
        }];
    }
    let mut out = Vec::new();
    for (unit, what_zh, what_en) in UNITS {
        let what = Text {
            zh: (*what_zh).to_owned(),
            en: (*what_en).to_owned(),
        };
        let item = text!("定时任务 {unit}", "timer {unit}", unit = unit);
        let Some(s) = unit_state(unit).await else {
            out.push(Finding::new(
                item,
                Status::Unknown,
                text!(
                    "systemctl show 未能读取",
                    "systemctl show could not read it"
                ),
            ));
            continue;
        };
        let mut s = s;
        if let Some(service) = unit.strip_suffix(".timer") {
            // A timer's own result is only whether it fired; the run is its service's.
            s.result = unit_state(&format!("{service}.service"))
                .await
                .map(|x| x.result)
                .unwrap_or_default();
        }
        let needed = wanted(settings, unit);
        if s.load != "loaded" {
            out.push(if needed {
                Finding::new(item, Status::Warn, text!("未安装（{what}）", "not installed ({what})", what = what))
                    .fix(text!(
                        "安装 znode 软件包，或把 packaging/systemd/ 下的单元复制到 /etc/systemd/system/",
                        "install the znode package, or copy the units of packaging/systemd/ to /etc/systemd/system/"
                    ))
            } else {
                Finding::new(
                    item,
                    Status::Ok,
                    text!("未安装；配置中没有{what}的内容", "not installed; the configuration has nothing for {what}", what = what),
                )
            });
            continue;
        }
        let enabled = s.enabled == "enabled" || s.enabled == "static";
        let last = if s.last.is_empty() || s.last == "n/a" || s.last == "0" {
            text!("从未运行", "never ran")
        } else if unit.ends_with(".service") {
            text!("自 {t} 起运行", "running since {t}", t = s.last)
        } else {
            text!("上次运行 {t}", "last ran {t}", t = s.last)
        };
        let service = unit.replace(".timer", ".service");
        let f = if !enabled && needed {
            Finding::new(
                item,
                Status::Warn,
                text!(
                    "未启用（{what}），{last}",
                    "not enabled ({what}), {last}",
                    what = what,
                    last = last
                ),
            )
            .fix(format!("systemctl enable --now {unit}"))
        } else if !enabled && *unit == "znode-watch.service" {
            Finding::new(
                item,
                Status::Ok,
                text!(
                    "未启用：值守在需要时启用（systemctl enable --now znode-watch）",
                    "not enabled: the watcher is started when a duty needs it (systemctl enable --now znode-watch)"
                ),
            )
        } else if !enabled {
            Finding::new(
                item,
                Status::Ok,
                text!(
                    "未启用；配置中没有{what}的内容",
                    "not enabled; the configuration has nothing for {what}",
                    what = what
                ),
            )
        } else if unit.ends_with(".service") && s.active != "active" {
            Finding::new(
                item,
                Status::Warn,
                text!(
                    "已启用但未运行（{state}）",
                    "enabled but not running ({state})",
                    state = s.active
                ),
            )
            .fix(text!(
                "journalctl -u {unit} 查看原因，systemctl restart {unit}",
                "journalctl -u {unit} says why; systemctl restart {unit}",
                unit = unit
            ))
        } else if s.result != "success" && !s.result.is_empty() {
            Finding::new(
                item,
                Status::Warn,
                text!(
                    "已启用，{last}，结果 {result}",
                    "enabled, {last}, result {result}",
                    last = last,
                    result = s.result
                ),
            )
            .fix(text!(
                "journalctl -u {service} 查看原因",
                "journalctl -u {service} says why",
                service = service
            ))
        } else {
            Finding::new(
                item,
                Status::Ok,
                text!(
                    "已启用（{state}），{last}",
                    "enabled ({state}), {last}",
                    state = s.active,
                    last = last
                ),
            )
        };
        out.push(f);
    }
    out
}

/// Lines that run znode in this user's crontab and in /etc/cron.d.
fn cron_lines() -> Vec<String> {
    let mut text = std::process::Command::new("crontab")
        .arg("-l")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for dir in ["/etc/cron.d", "/etc/crontab"] {
        let p = Path::new(dir);
        let files: Vec<PathBuf> = if p.is_dir() {
            std::fs::read_dir(p)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default()
        } else {
            vec![p.to_owned()]
        };
        for f in files {
            text.push_str(&std::fs::read_to_string(f).unwrap_or_default());
            text.push('\n');
        }
    }
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains("znode "))
        .map(str::to_owned)
        .collect()
}

/// The secrets env file (the units' EnvironmentFile) and the drift hash key: nobody else may
/// read them.
fn secrets(settings: &Settings) -> Vec<Finding> {
    use std::os::unix::fs::MetadataExt;
    let mut out = Vec::new();
    let candidates = [
        settings.base_dir.join("env"),
        PathBuf::from("/etc/znode/env"),
        settings.base_dir.join("hash.key"),
    ];
    let mut seen = Vec::new();
    for path in candidates {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if seen.contains(&meta.ino()) {
            continue;
        }
        seen.push(meta.ino());
        let bits = meta.mode() & 0o777;
        let mode = format!("{bits:04o}");
        let item = text!(
            "密钥文件 {path}",
            "secrets file {path}",
            path = path.display()
        );
        let (status, reader) = if bits & 0o007 != 0 {
            (
                Status::Crit,
                text!("任何账号都能读", "any account can read it"),
            )
        } else if bits & 0o070 != 0 {
            (Status::Warn, text!("同组账号能读", "its group can read it"))
        } else {
            (Status::Ok, Text::default())
        };
        let found = if status == Status::Ok {
            text!("权限 {mode}", "mode {mode}", mode = mode)
        } else {
            text!(
                "权限 {mode}：{reader}",
                "mode {mode}: {reader}",
                mode = mode,
                reader = reader
            )
        };
        let mut f = Finding::new(item, status, found);
        if status != Status::Ok {
            f = f.fix(format!("chmod 600 {}", path.display()));
        }
        out.push(f);
    }
    if out.is_empty() {
        out.push(Finding::new(
            text!("密钥文件", "secrets file"),
            Status::Ok,
            text!(
                "没有 env 文件：配置中的密钥须经环境变量提供（${VAR}）",
                "no env file: the configuration's secrets must come from the environment (${VAR})"
            ),
        ));
    }
    out
}

/// The log files (or journal) of this host's sources, as this account can read them.
fn log_access(settings: &Settings) -> Vec<Finding> {
    let here = settings.this_host.as_deref();
    let mut out = Vec::new();
    for src in &settings.logs.sources {
        if !src.hosts.is_empty() && !src.hosts.iter().any(|h| Some(h.as_str()) == here) {
            continue;
        }
        if let Some(query) = &src.journal {
            out.push(journal_access(settings, src, query));
            continue;
        }
        let (files, problems) = crate::logs::discover(src, &settings.base_dir);
        let unreadable: Vec<String> = files
            .iter()
            .filter(|f| std::fs::File::open(&f.path).is_err())
            .map(|f| f.path.display().to_string())
            .collect();
        let item = text!("日志源 {id}", "log source {id}", id = src.id);
        out.push(if !unreadable.is_empty() {
            Finding::new(
                item,
                Status::Warn,
                text!(
                    "{n} 个文件不可读，如 {first}",
                    "{n} file(s) cannot be read, e.g. {first}",
                    n = unreadable.len(),
                    first = unreadable[0]
                ),
            )
            .fix(text!(
                "把运行 znode 的账号加入日志的属组（Debian：usermod -aG adm znode），或用 setfacl -m u:znode:r 授权",
                "add the account znode runs as to the logs' group (Debian: usermod -aG adm znode), or grant it with setfacl -m u:znode:r"
            ))
        } else if files.is_empty() {
            let paths = format!("{:?}", src.paths);
            Finding::new(
                item,
                Status::Warn,
                match problems.first() {
                    Some(p) => Text::raw(p.clone()),
                    None => text!("paths {paths} 没有匹配到文件", "paths {paths} match no file", paths = paths),
                },
            )
            .fix(text!("检查该日志源的 paths", "check the source's paths"))
        } else {
            Finding::new(
                item,
                Status::Ok,
                text!("{n} 个文件可读", "{n} file(s) readable", n = files.len()),
            )
        });
    }
    out
}

/// Whether this account sees the entries a journal source selects: journalctl run as the
/// scans run it, for the newest entry.
fn journal_access(
    settings: &Settings,
    src: &crate::logs::Source,
    query: &crate::logs::journal::Query,
) -> Finding {
    let item = text!(
        "日志源 {id}（systemd 日志）",
        "log source {id} (systemd journal)",
        id = &src.id
    );
    // An unknown timezone is refused when the config is loaded.
    let tz = src.tz(settings.timezone).unwrap_or(settings.timezone);
    match crate::logs::journal::tail(query, &settings.base_dir, tz, 1) {
        Err(e) => Finding::new(item, Status::Crit, Text::of_io(&e)).fix(text!(
            "该主机没有可读的 systemd 日志时，改用 paths: 读取日志文件",
            "where this host has no readable systemd journal, read the log files with paths: instead"
        )),
        Ok((_, Some(warning))) => Finding::new(item, Status::Warn, warning).fix(text!(
            "把运行 znode 的账号加入 systemd-journal 组（usermod -aG systemd-journal znode），才能读到系统日志",
            "add the account znode runs as to the systemd-journal group (usermod -aG systemd-journal znode) so that it sees the system's entries"
        )),
        Ok((lines, None)) => match lines.first() {
            Some(newest) => Finding::new(
                item,
                Status::Ok,
                text!(
                    "可读，最新一条：{line}",
                    "readable; newest entry: {line}",
                    line = crate::logs::scan::clip(&crate::core::secret::mask_inline(newest))
                ),
            ),
            None => Finding::new(
                item,
                Status::Warn,
                text!(
                    "{q} 没有匹配的条目",
                    "{q} matches no entry",
                    q = query.describe()
                ),
            )
            .fix(text!(
                "检查该日志源的 unit、identifier、matches（journalctl -u 单元名 可先试）",
                "check the source's unit, identifier and matches (try journalctl -u UNIT first)"
            )),
        },
    }
}

fn reports_folder(settings: &Settings) -> Finding {
    let dir = settings.reports.folder(&settings.base_dir);
    let item = text!("报告目录", "reports folder");
    if writable(&dir) {
        Finding::new(
            item,
            Status::Ok,
            text!("{dir} 可写", "{dir} is writable", dir = dir.display()),
        )
    } else {
        Finding::new(
            item,
            Status::Crit,
            text!("{dir} 不可写", "{dir} is not writable", dir = dir.display()),
        )
        .fix(text!(
            "让运行 znode 的账号能写该目录，或在 reports.folder 中另指一个",
            "let the account znode runs as write it, or name another in reports.folder"
        ))
    }
}

/// Root passes every "may this account read or write" question: say so, and how to ask as
/// the account the timers run as.
fn account() -> Option<Finding> {
    nix::unistd::geteuid().is_root().then(|| {
        Finding::new(
            text!("运行账号", "account"),
            Status::Warn,
            text!(
                "以 root 运行：读写权限的检查对 root 总是通过，定时任务以 znode 账号运行",
                "running as root: every read and write check passes for root, while the timers run as znode"
            ),
        )
        .fix("sudo -u znode znode doctor -c /etc/znode/znode.yaml")
    })
}

fn fonts(settings: &Settings) -> Finding {
    let f = crate::report::chart::fonts(settings.reports.font.as_deref());
    match f.path {
        Some(p) => Finding::new(
            text!("图表字体", "chart font"),
            Status::Ok,
            format!("{} ({})", f.family, p.display()),
        ),
        None => Finding::new(
            text!("图表字体", "chart font"),
            Status::Warn,
            text!(
                "没有含中文字形的字体：Word 报告图表中的中文会缺字",
                "no font with Chinese glyphs: Chinese in the Word reports' charts would be missing"
            ),
        )
        .fix(text!(
            "安装 fonts-wqy-microhei（Debian/UOS）或 google-noto-sans-cjk-fonts（RHEL/麒麟），或在 reports.font 指定字体文件",
            "install fonts-wqy-microhei (Debian/UOS) or google-noto-sans-cjk-fonts (RHEL/Kylin), or name a font file in reports.font"
        )),
    }
}

fn libreoffice() -> Finding {
    let found = ["soffice", "libreoffice"].iter().find_map(|p| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(p))
                .find(|c| c.is_file())
        })
    });
    match found {
        Some(p) => Finding::new(
            "LibreOffice",
            Status::Ok,
            text!(
                "{path}：可把 Word 报告转成 PDF（soffice --headless --convert-to pdf）",
                "{path}: Word reports can be made PDFs (soffice --headless --convert-to pdf)",
                path = p.display()
            ),
        ),
        None => Finding::new(
            "LibreOffice",
            Status::Ok,
            text!(
                "未安装：不影响生成报告；需要 PDF 副本时安装 libreoffice-writer",
                "not installed: reports are made without it; install libreoffice-writer for PDF copies"
            ),
        ),
    }
}
