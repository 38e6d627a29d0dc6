//! `command`: runs a program (a shell only with `shell: true`) and judges its exit code and
//! output; `nagios: true` takes a Nagios plugin's exit code and first line as they are.
//!
//! The child gets its own process group, and the whole group is killed when the check ends
//! early (timeout, Ctrl-C), so a script's grandchildren do not outlive the run.

use crate::text;
use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, Text};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::process::run_process;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// Program and arguments; with `shell: true`, one string run by `sh -c`.
    run: Run,
    /// Run through `/bin/sh -c`.
    #[serde(default)]
    shell: bool,
    /// Accepted exit codes (default `[0]`).
    #[serde(default)]
    exit_codes: Vec<i32>,
    /// Regex stdout must match.
    stdout: Option<Pattern>,
    /// Regex stdout must not match.
    stdout_not: Option<Pattern>,
    /// Regex stderr must not match.
    stderr_not: Option<Pattern>,
    /// Regex whose first capture group (or whole match) is a number, judged by warn/crit.
    value: Option<Pattern>,
    /// Treat the program as a Nagios plugin: exit 0-3 is the status, first line the summary.
    #[serde(default)]
    nagios: bool,
    /// Working directory.
    dir: Option<String>,
}

/// The program: one line for `sh -c` (with `shell: true`), or its words.
#[derive(Debug)]
enum Run {
    Line(String),
    Argv(Vec<String>),
}

/// What `run:` takes, said once for every way of getting it wrong.
const RUN_TAKES: &str = "`run` takes the program and its arguments as a list (`[systemctl, is-active, nginx]`), or one line with `shell: true`";

impl<'de> Deserialize<'de> for Run {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Run, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Run;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(RUN_TAKES)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Run, E> {
                Ok(Run::Line(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Run, A::Error> {
                let mut words = Vec::new();
                while let Some(w) = seq.next_element::<Word>()? {
                    words.push(w.0);
                }
                Ok(Run::Argv(words))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// One word of a command line. YAML reads `[sleep, 5]` and `[true]` as a number and a
/// boolean; they are the words `5` and `true`.
struct Word(String);

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Word, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Word;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a word (a string, a number or true/false); {RUN_TAKES}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Word, E> {
                Ok(Word(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Word, E> {
                Ok(Word(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Word, E> {
                Ok(Word(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Word, E> {
                Ok(Word(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Word, E> {
                Ok(Word(v.to_string()))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Probe for Command {
    const KIND: &'static str = "command";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        self.value.as_ref().map(|_| "value")
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        match (&self.run, self.shell) {
            (Run::Argv(v), _) if v.is_empty() => Err(Invalid::new(
                "`run` is empty",
                "give the program and its arguments as a list",
            )),
            (Run::Line(_), false) => Err(Invalid::new(
                "`run` is a single string but `shell` is not set",
                "write `run: [prog, arg1, arg2]`, or set `shell: true` to run the string with /bin/sh -c",
            )),
            (Run::Argv(_), true) => Err(Invalid::new(
                "with `shell: true`, `run` must be one string",
                "write `run: \"cmd | filter\"`",
            )),
            _ => Ok(()),
        }
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let argv: Vec<String> = match &self.run {
            Run::Line(l) => vec!["/bin/sh".into(), "-c".into(), l.clone()],
            Run::Argv(v) => v.clone(),
        };
        let ran = run_process(&argv, self.dir.as_deref().map(std::path::Path::new), &[])
            .await
            .map_err(ProbeError::unknown)?;
        let (stdout, stderr, code) = (ran.stdout, ran.stderr, ran.code);
        let elapsed = ran.elapsed.as_secs_f64();
        let first = |s: &str| {
            s.lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .chars()
                .take(200)
                .collect::<String>()
        };
        let out = first(&stdout);
        let mut obs = Observation::new(if out.is_empty() {
            text!(
                "退出码 {code}，用时 {ms:.0} ms",
                "exit {code} in {ms:.0} ms",
                code = code,
                ms = elapsed * 1000.0,
            )
        } else {
            text!(
                "退出码 {code}，用时 {ms:.0} ms：{out}",
                "exit {code} in {ms:.0} ms: {out}",
                code = code,
                ms = elapsed * 1000.0,
                out = out,
            )
        })
        .metric(Metric::new("exit_code", f64::from(code), ""))
        .metric(Metric::new("duration", elapsed, "s"));
        obs.fact(
            "output",
            stdout.trim().chars().take(1024).collect::<String>(),
        );
        obs.fact("exit_code", code.to_string());
        if self.nagios {
            let st = match code {
                0 => Status::Ok,
                1 => Status::Warn,
                2 => Status::Crit,
                _ => Status::Unknown,
            };
            let line = first(&stdout);
            let (text, perf) = line
                .split_once('|')
                .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
                .unwrap_or((line.clone(), String::new()));
            obs.summary = Text::raw(text.clone());
            if !perf.is_empty() {
                obs.evidence.push(format!("perfdata: {perf}"));
            }
            if st != Status::Ok {
                obs.fail(st, text);
            }
            return Ok(obs);
        }
        let accepted = if self.exit_codes.is_empty() {
            vec![0]
        } else {
            self.exit_codes.clone()
        };
        if !accepted.contains(&code) {
            let why = match first(&stderr) {
                l if l.is_empty() => String::new(),
                l => format!(": {l}"),
            };
            obs.fail(
                Status::Crit,
                text!(
                    "退出码 {code}，应为 {accepted}{why}",
                    "exit code {code}, expected {accepted}{why}",
                    code = code,
                    accepted = format!("{accepted:?}"),
                    why = why,
                ),
            );
        }
        if let Some(re) = &self.stdout
            && !re.0.is_match(&stdout)
        {
            obs.evidence
                .push(format!("stdout does not match /{}/", re.as_str()));
            obs.fail(
                Status::Crit,
                text!("命令输出与预期不符", "the output is not what was expected"),
            );
        }
        if let Some(re) = &self.stdout_not
            && re.0.is_match(&stdout)
        {
            obs.evidence
                .push(format!("stdout matches /{}/", re.as_str()));
            obs.fail(
                Status::Crit,
                text!(
                    "命令输出含有不应出现的内容",
                    "the output has what it must not"
                ),
            );
            obs.evidence.extend(
                stdout
                    .lines()
                    .filter(|l| re.0.is_match(l))
                    .take(5)
                    .map(|l| l.chars().take(200).collect::<String>()),
            );
        }
        if let Some(re) = &self.stderr_not
            && re.0.is_match(&stderr)
        {
            obs.evidence
                .push(format!("stderr matches /{}/", re.as_str()));
            obs.fail(
                Status::Crit,
                text!(
                    "命令错误输出含有不应出现的内容",
                    "the error output has what it must not"
                ),
            );
        }
        if let Some(re) = &self.value {
            let found =
                re.0.captures(&stdout)
                    .and_then(|c| c.get(1).or_else(|| c.get(0)))
                    .map(|m| m.as_str().trim().to_owned());
            match found.as_deref().map(str::parse::<f64>) {
                Some(Ok(v)) => {
                    obs.metrics.push(Metric::new("value", v, ""));
                    obs.summary = text!(
                        "取值 {v}（退出码 {code}）",
                        "value {v} (exit {code})",
                        v = v,
                        code = code,
                    );
                }
                Some(Err(_)) => obs.fail(
                    Status::Unknown,
                    text!(
                        "取到的值“{v}”不是数值",
                        "/{re}/ matched `{v}`, which is not a number",
                        re = re.as_str(),
                        v = found.unwrap_or_default(),
                    ),
                ),
                None => obs.fail(
                    Status::Unknown,
                    text!(
                        "命令输出中没有找到数值",
                        "no number found in stdout with /{re}/",
                        re = re.as_str(),
                    ),
                ),
            }
        }
        Ok(obs)
    }
}
