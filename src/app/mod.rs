//! Use cases that combine the engines: what a command does, without how it is asked for or
//! shown. `cli/` calls these and prints what they return.

pub mod access;
pub mod backfill;
pub mod backup;
pub mod doctor;
pub mod drift;
pub mod fleet;
pub mod inspection;
pub mod logs;
pub mod release;
pub mod serve;
pub mod watch;

/// The enabled checks of a probe kind, or those of them named; the error says how to get one.
pub fn checks_of_kind(
    catalog: &crate::catalog::Catalog,
    kind: &str,
    named: &[String],
    example: &str,
) -> Result<Vec<String>, String> {
    let ids: Vec<String> = catalog
        .checks
        .iter()
        .filter(|c| c.enabled && c.probe.kind() == kind)
        .filter(|c| named.is_empty() || named.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    if ids.is_empty() {
        return Err(if named.is_empty() {
            format!("no enabled check has `probe: {{ kind: {kind} }}`; {example}")
        } else {
            format!("none of {} is an enabled {kind} check", named.join(", "))
        });
    }
    Ok(ids)
}
