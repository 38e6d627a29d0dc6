//! The `reports:` and `assessment:` sections: where documents go, who signs them, and the 考核
//! rules they are judged by. The report module reads these; it does not own them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::core::period::Routine;

/// `reports:` in the config.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Where documents are written (default `reports/` beside the config).
    pub folder: Option<PathBuf>,
    /// The node as titles name it (default: the node name), e.g. 省政务大数据中心肇庆分节点.
    pub title: Option<String>,
    /// 项目名称 on the cover and in the running head of every page, e.g.
    /// 广东省政务大数据中心肇庆分节点运行维护服务项目.
    pub project: Option<String>,
    /// 项目单位, the client the documents go to, e.g. 肇庆市政务服务和数据管理局.
    pub client: Option<String>,
    /// 服务单位, the O&M contractor that writes them.
    pub vendor: Option<String>,
    /// What report numbers begin with: `ZQYW` numbers the November monthly report
    /// ZQYW-YB-2026-11 (without it, YB-2026-11).
    pub number_prefix: Option<String>,
    /// 编制人 on the sign-off block.
    pub author: Option<String>,
    /// 审核人.
    pub reviewer: Option<String>,
    /// 批准人.
    pub approver: Option<String>,
    /// Folder of the plan files (`<period>.md`) the routine reports include (default
    /// `plans/` in the reports folder).
    pub plans: Option<PathBuf>,
    /// A font with Chinese glyphs for the charts of DOCX reports.
    pub font: Option<PathBuf>,
    /// Channels `--send` delivers to.
    #[serde(default)]
    pub send: Vec<String>,
}

impl ReportSettings {
    /// The folder documents are written to.
    pub fn folder(&self, base_dir: &Path) -> PathBuf {
        base_dir.join(self.folder.as_deref().unwrap_or(Path::new("reports")))
    }

    /// The folder of plan files.
    pub fn plans(&self, base_dir: &Path) -> PathBuf {
        match &self.plans {
            Some(p) => base_dir.join(p),
            None => self.folder(base_dir).join("plans"),
        }
    }
}

/// How often the full inspection is due (`assessment.inspection.every`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Every {
    /// Each day.
    Day,
    /// Each ISO week.
    Week,
    /// Each month (the contract's minimum).
    #[default]
    Month,
}

/// When inspections are due.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionDue {
    /// The slot each inspection belongs to.
    #[serde(default)]
    pub every: Every,
    /// How long after the slot starts it must have started (default: within the slot).
    #[serde(default, with = "crate::core::duration::opt")]
    pub due: Option<Duration>,
}

/// `assessment:` in the config.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentSettings {
    /// The inspection schedule.
    #[serde(default)]
    pub inspection: InspectionDue,
    /// Routine reports that are due, and how long after their period ends.
    #[serde(default = "documents", deserialize_with = "document_dues")]
    pub documents: BTreeMap<Routine, Duration>,
    /// The day the team began keeping its record with znode: inspections, documents and
    /// incidents before it are not counted as missed or late.
    pub since: Option<chrono::NaiveDate>,
    /// How long after a major fault's service is restored its 故障处理简报 (重大事件报告) is
    /// due (default a day).
    #[serde(default, with = "crate::core::duration::opt")]
    pub briefs: Option<Duration>,
}

impl Default for AssessmentSettings {
    fn default() -> Self {
        AssessmentSettings {
            inspection: InspectionDue::default(),
            documents: documents(),
            since: None,
            briefs: None,
        }
    }
}

/// The contract's table: the 服务月报 is due monthly; five days to hand it in.
fn documents() -> BTreeMap<Routine, Duration> {
    [(Routine::Monthly, Duration::from_secs(5 * 86400))].into()
}

fn document_dues<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Routine, Duration>, D::Error> {
    let raw = BTreeMap::<String, String>::deserialize(d)?;
    let mut out = BTreeMap::new();
    for (k, v) in raw {
        let kind = Routine::ALL
            .into_iter()
            .find(|r| r.id() == k)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown report `{k}`; one of: weekly, monthly, quarterly, half-year"
                ))
            })?;
        let d = humantime::parse_duration(&v)
            .map_err(|e| serde::de::Error::custom(format!("`{v}`: {e}")))?;
        out.insert(kind, d);
    }
    Ok(out)
}
