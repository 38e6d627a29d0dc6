//! The sample node and check pack, embedded so that `znode init` works from an installed
//! binary with no source tree beside it.

/// The check pack files (checks/*.yaml), by file name.
pub const CHECKS: &[(&str, &str)] = &[
    ("daily.yaml", include_str!("../checks/daily.yaml")),
    (
        "performance.yaml",
        include_str!("../checks/performance.yaml"),
    ),
    (
        "vulnerability.yaml",
        include_str!("../checks/vulnerability.yaml"),
    ),
    ("routine.yaml", include_str!("../checks/routine.yaml")),
    ("app-server.yaml", include_str!("../checks/app-server.yaml")),
    ("middleware.yaml", include_str!("../checks/middleware.yaml")),
    ("business.yaml", include_str!("../checks/business.yaml")),
    ("log-review.yaml", include_str!("../checks/log-review.yaml")),
    ("backup.yaml", include_str!("../checks/backup.yaml")),
    (
        "data-quality.yaml",
        include_str!("../checks/data-quality.yaml"),
    ),
];

/// The sample configuration.
pub const SAMPLE_CONFIG: &str = include_str!("../examples/znode.yaml");

/// Every file of a sample node, as (relative path, content).
pub fn sample_node() -> Vec<(String, &'static str)> {
    let mut files = vec![("znode.yaml".to_owned(), SAMPLE_CONFIG)];
    files.extend(
        CHECKS
            .iter()
            .map(|(name, text)| (format!("checks/{name}"), *text)),
    );
    files
}
