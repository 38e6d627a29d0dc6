//! The spool: where a run's outcomes go while the history store cannot take them (PostgreSQL
//! down, a full disk), so that nothing a run learned is lost. One JSON-lines file per run,
//! beside the config: the run, then each outcome as it finishes, then how the run ended. The
//! next run that reaches the store writes the spooled runs into it and removes their files.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{NewRun, Store, StoreError};
use crate::core::clock::now_ms;
use crate::core::outcome::{CheckInfo, Outcome};

/// The folder spooled runs are kept in, beside the config.
pub fn folder(base_dir: &Path) -> PathBuf {
    base_dir.join("znode-spool")
}

/// One line of a spool file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Line {
    /// The run: first line.
    Run(SpooledRun),
    /// One outcome, with when it finished.
    Outcome {
        info: CheckInfo,
        /// Kept apart: the store's availability roll-up reads it, JSON output does not show it.
        service: bool,
        outcome: Box<Outcome>,
        at: i64,
    },
    /// How the run ended: last line.
    Finish { interrupted: bool, at: i64 },
}

/// What the store needs to record a spooled run.
#[derive(Clone, Serialize, Deserialize)]
struct SpooledRun {
    /// The run's id when the store had recorded its start before it went away.
    id: Option<i64>,
    node: String,
    command: String,
    planned: usize,
    disabled: usize,
    filters: String,
    started_at: i64,
}

/// A run being spooled.
pub struct Spool {
    path: PathBuf,
    file: File,
    /// Outcomes written so far.
    pub outcomes: usize,
}

impl Spool {
    /// Starts spooling a run (`id` when the store has its start) in `dir`.
    pub fn create(
        dir: &Path,
        run: &NewRun<'_>,
        id: Option<i64>,
        started_at: i64,
    ) -> std::io::Result<Spool> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!("{started_at}-{}.jsonl", std::process::id()));
        let file = OpenOptions::new()
            .create_new(true)
            .append(true)
            .open(&path)?;
        let mut spool = Spool {
            path,
            file,
            outcomes: 0,
        };
        spool.write(&Line::Run(SpooledRun {
            id,
            node: run.node.to_owned(),
            command: run.command.to_owned(),
            planned: run.planned,
            disabled: run.disabled,
            filters: run.filters.clone(),
            started_at,
        }))?;
        Ok(spool)
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Spools outcomes (flushed to disk before returning: the process may die next).
    pub fn record(&mut self, outcomes: &[(&CheckInfo, &Outcome)]) -> std::io::Result<()> {
        let at = now_ms();
        for (info, outcome) in outcomes {
            self.write(&Line::Outcome {
                info: (*info).clone(),
                service: info.service,
                outcome: Box::new((*outcome).clone()),
                at,
            })?;
            self.outcomes += 1;
        }
        self.file.sync_data()
    }

    /// Records how the run ended.
    pub fn finish(&mut self, interrupted: bool) -> std::io::Result<()> {
        self.write(&Line::Finish {
            interrupted,
            at: now_ms(),
        })?;
        self.file.sync_data()
    }

    fn write(&mut self, line: &Line) -> std::io::Result<()> {
        let mut text = serde_json::to_string(line).map_err(std::io::Error::other)?;
        text.push('\n');
        self.file.write_all(text.as_bytes())
    }
}

/// What writing the spool into the store did.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Runs written (and their files removed).
    pub runs: usize,
    /// Outcomes written.
    pub outcomes: usize,
    /// Files that could not be read or written, with why; they stay for the next run.
    pub failed: Vec<(PathBuf, String)>,
}

impl Store {
    /// Writes every spooled run in `dir` into the store, oldest first, removing each file once
    /// its run is in. A run whose file has no end (znode died while spooling) is closed as
    /// interrupted at its last outcome.
    pub async fn replay_spool(&self, dir: &Path) -> Replayed {
        let mut done = Replayed::default();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return done;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        for file in files {
            // A file another znode is still writing is left to it: its name carries its pid.
            if held_by_live_process(&file) {
                continue;
            }
            match self.replay_file(&file).await {
                Ok(n) => {
                    done.runs += 1;
                    done.outcomes += n;
                    let _ = std::fs::remove_file(&file);
                }
                Err(e) => done.failed.push((file, e)),
            }
        }
        done
    }

    async fn replay_file(&self, file: &Path) -> Result<usize, String> {
        let reader = BufReader::new(File::open(file).map_err(|e| e.to_string())?);
        let mut run: Option<SpooledRun> = None;
        let mut outcomes: Vec<(CheckInfo, Outcome, i64)> = Vec::new();
        let mut finish: Option<(bool, i64)> = None;
        for line in reader.lines() {
            let line = line.map_err(|e| e.to_string())?;
            // A line cut short by a crash ends what can be read.
            let Ok(parsed) = serde_json::from_str::<Line>(&line) else {
                break;
            };
            match parsed {
                Line::Run(r) => run = Some(r),
                Line::Outcome {
                    mut info,
                    service,
                    outcome,
                    at,
                } => {
                    info.service = service;
                    outcomes.push((info, *outcome, at));
                }
                Line::Finish { interrupted, at } => finish = Some((interrupted, at)),
            }
        }
        let run = run.ok_or("no run at the start of the file")?;
        let store_err = |e: StoreError| e.to_string();
        let state = match run.id {
            Some(id) => self.run_state(id).await.map_err(store_err)?,
            None => None,
        };
        let (interrupted, at) = finish
            .unwrap_or_else(|| (true, outcomes.last().map(|o| o.2).unwrap_or(run.started_at)));
        if let (Some(id), Some(state)) = (run.id, state.as_deref())
            && state != "running"
        {
            // Closed meanwhile as interrupted (its process had died when the store came back):
            // the outcomes join it, and only they are rolled up.
            for (info, outcome, at) in &outcomes {
                self.record_at(id, &[(info, outcome)], *at)
                    .await
                    .map_err(store_err)?;
            }
            let checks: Vec<String> = outcomes.iter().map(|o| o.1.subject()).collect();
            self.roll_up_added(id, &checks, interrupted, at)
                .await
                .map_err(store_err)?;
            return Ok(outcomes.len());
        }
        let id = match (run.id, state) {
            (Some(id), Some(_)) => id,
            _ => {
                let new = NewRun {
                    node: &run.node,
                    command: &run.command,
                    planned: run.planned,
                    disabled: run.disabled,
                    filters: run.filters.clone(),
                };
                self.begin_run_at(&new, run.started_at)
                    .await
                    .map_err(store_err)?
                    .0
            }
        };
        for (info, outcome, at) in &outcomes {
            self.record_at(id, &[(info, outcome)], *at)
                .await
                .map_err(store_err)?;
        }
        self.finish_run_at(id, interrupted, at)
            .await
            .map_err(store_err)?;
        Ok(outcomes.len())
    }
}

/// Whether the znode process that named the file (`STARTED-PID.jsonl`) still runs.
fn held_by_live_process(file: &Path) -> bool {
    let pid = file
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once('-'))
        .and_then(|(_, p)| p.parse::<u32>().ok());
    match pid {
        Some(p) if p == std::process::id() => false,
        Some(p) => {
            std::fs::read_to_string(format!("/proc/{p}/stat")).is_ok_and(|s| !s.contains(") Z "))
        }
        None => false,
    }
}
