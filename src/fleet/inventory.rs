//! The node's hosts: `hosts:` in znode.yaml, or an Ansible-style YAML inventory named by
//! `inventory:`, read into one [`Inventory`] with groups, every problem placed at its line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::core::error::{Problem, Problems};
use crate::core::yaml::{Node, Value, did_you_mean};

/// The name that always means the machine znode runs on (the jump host).
pub const LOCAL: &str = "local";

/// Where the remote znode lives when a host does not say: relative to the login's home, so
/// an unprivileged account can hold it.
pub const DEFAULT_ZNODE_PATH: &str = ".znode/bin/znode";

/// One host of the node.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    /// Its name in the inventory, shown in every output.
    pub id: String,
    /// Address or name ssh connects to.
    pub address: String,
    /// ssh port, when not ssh's own default.
    pub port: Option<u16>,
    /// Login, when not ssh's own default.
    pub user: Option<String>,
    /// Private key file (`ssh -i`).
    pub identity: Option<PathBuf>,
    /// A host to jump through (`ssh -J`): an inventory host or `user@host:port`.
    pub jump: Option<String>,
    /// Run the remote znode through `sudo -n`.
    pub sudo: bool,
    /// As this user through sudo (`ansible_become_user`); root when unset.
    pub sudo_user: Option<String>,
    /// Groups it belongs to (with their ancestors).
    pub groups: BTreeSet<String>,
    /// Extra ssh arguments (`ansible_ssh_common_args`).
    pub ssh_args: Vec<String>,
    /// Where znode is on the host (`fleet push` installs it there).
    pub znode_path: String,
    /// Observed in place, without ssh (`ansible_connection: local`).
    pub local: bool,
    /// The host runs its own inspections into the shared store at least this often (push
    /// mode, for a 前置机 the jump host cannot reach); the jump host only watches that it does.
    pub push: Option<Duration>,
}

/// How the jump host talks to the fleet (`fleet:` in znode.yaml).
#[derive(Clone, Debug, PartialEq)]
pub struct FleetSettings {
    /// Hosts inspected at once.
    pub forks: usize,
    /// ssh's connect timeout per host.
    pub connect_timeout: Duration,
    /// How long an idle ssh master connection is kept for the next command; zero: none.
    pub control_persist: Duration,
    /// A known_hosts file used instead of ssh's own (`UserKnownHostsFile`).
    pub known_hosts: Option<PathBuf>,
    /// Refuse hosts whose key is not yet known (ssh's `StrictHostKeyChecking=yes`).
    pub strict_host_keys: bool,
}

impl Default for FleetSettings {
    fn default() -> Self {
        FleetSettings {
            forks: 10,
            connect_timeout: Duration::from_secs(5),
            control_persist: Duration::from_secs(60),
            known_hosts: None,
            strict_host_keys: true,
        }
    }
}

/// Every host and group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inventory {
    /// Hosts by id.
    pub hosts: BTreeMap<String, Host>,
    /// Group name to member host ids.
    pub groups: BTreeMap<String, BTreeSet<String>>,
    /// How to reach them.
    pub settings: FleetSettings,
    /// Where the hosts were declared (znode.yaml or the inventory file), for messages.
    pub source: Option<PathBuf>,
}

impl Inventory {
    /// True when no host is declared: every check runs here, as before fleets.
    pub fn is_local_only(&self) -> bool {
        self.hosts.is_empty()
    }

    /// The host with this id.
    pub fn host(&self, id: &str) -> Option<&Host> {
        self.hosts.get(id)
    }

    /// Host ids a name stands for: a host, a group's members, or `local`; `None` when the
    /// name is neither.
    pub fn expand(&self, name: &str) -> Option<Vec<String>> {
        if name == LOCAL || self.hosts.contains_key(name) {
            return Some(vec![name.to_owned()]);
        }
        self.groups
            .get(name)
            .map(|members| members.iter().cloned().collect())
    }

    /// Host ids for several names, in order, each once; the first unknown name is the error.
    pub fn expand_all<'a>(
        &self,
        names: impl IntoIterator<Item = &'a String>,
    ) -> Result<Vec<String>, String> {
        let mut out: Vec<String> = Vec::new();
        for name in names {
            for id in self.expand(name).ok_or_else(|| name.clone())? {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    /// A problem for an unknown host or group name, with a did-you-mean.
    pub fn unknown(&self, name: &str, file: &Path, pos: crate::core::yaml::Pos) -> Problem {
        let names = self
            .hosts
            .keys()
            .chain(self.groups.keys())
            .map(String::as_str)
            .chain([LOCAL]);
        let p = Problem::at(file, pos, format!("unknown host or group `{name}`"));
        match did_you_mean(name, names) {
            Some(m) => p.hint(format!("did you mean `{m}`?")),
            None if self.hosts.is_empty() => {
                p.hint("declare it under `hosts:` in znode.yaml or in the file `inventory:` names")
            }
            None => p.hint(format!(
                "known hosts: {}",
                self.hosts.keys().cloned().collect::<Vec<_>>().join(", ")
            )),
        }
    }
}

/// A host as written under `hosts:` in znode.yaml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostFile {
    address: Option<String>,
    port: Option<u16>,
    user: Option<String>,
    identity: Option<String>,
    jump: Option<String>,
    #[serde(default)]
    sudo: bool,
    sudo_user: Option<String>,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    ssh_args: Vec<String>,
    znode_path: Option<String>,
    #[serde(default)]
    local: bool,
    #[serde(default, with = "crate::core::duration::opt")]
    push: Option<Duration>,
}

/// `fleet:` in znode.yaml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetFile {
    forks: Option<usize>,
    #[serde(default, with = "crate::core::duration::opt")]
    connect_timeout: Option<Duration>,
    #[serde(default, with = "crate::core::duration::opt")]
    control_persist: Option<Duration>,
    known_hosts: Option<String>,
    strict_host_keys: Option<bool>,
}

/// Reads `fleet:`.
pub fn read_settings(
    file: &Path,
    node: &Node,
    base_dir: &Path,
    out: &mut FleetSettings,
    problems: &mut Problems,
) {
    let f: FleetFile = match node.deserialize() {
        Ok(f) => f,
        Err(e) => return problems.push(Problem::from_de(file, e)),
    };
    let at = |k: &str| node.get(k).map_or(node.pos, |n| n.pos);
    if let Some(n) = f.forks {
        if n == 0 {
            problems.push(
                Problem::at(file, at("forks"), "`fleet.forks` must be at least 1")
                    .hint("e.g. `forks: 10`: hosts inspected at once"),
            );
        } else {
            out.forks = n;
        }
    }
    if let Some(t) = f.connect_timeout {
        if t < Duration::from_secs(1) {
            problems.push(
                Problem::at(
                    file,
                    at("connect_timeout"),
                    "`fleet.connect_timeout` must be at least 1s (ssh counts whole seconds)",
                )
                .hint("e.g. `connect_timeout: 5s`"),
            );
        } else {
            out.connect_timeout = t;
        }
    }
    if let Some(t) = f.control_persist {
        out.control_persist = t;
    }
    if let Some(k) = f.known_hosts {
        out.known_hosts = Some(expand_path(&k, base_dir));
    }
    if let Some(s) = f.strict_host_keys {
        out.strict_host_keys = s;
    }
}

/// Reads `hosts:` of znode.yaml: `local`, or a mapping of host id to host.
pub fn read_hosts(
    file: &Path,
    node: &Node,
    base_dir: &Path,
    inv: &mut Inventory,
    problems: &mut Problems,
) {
    match &node.value {
        Value::Str(s) if s == LOCAL => return,
        Value::Null => return,
        Value::Map(_) => {}
        _ => {
            return problems.push(
                Problem::at(
                    file,
                    node.pos,
                    "`hosts` must be `local` or a mapping of host id to host",
                )
                .hint("e.g. `hosts: { db-1: { address: 10.0.0.5, user: ops, groups: [db] } }`"),
            );
        }
    }
    let Value::Map(entries) = &node.value else {
        return;
    };
    inv.source = Some(file.to_owned());
    for (key, value) in entries {
        let id = key.as_str().unwrap_or_default().to_owned();
        if !valid_name(&id) {
            problems.push(bad_name(file, key, "host id"));
            continue;
        }
        let raw: HostFile = match value {
            Node {
                value: Value::Null, ..
            } => HostFile {
                address: None,
                port: None,
                user: None,
                identity: None,
                jump: None,
                sudo: false,
                sudo_user: None,
                groups: Vec::new(),
                ssh_args: Vec::new(),
                znode_path: None,
                local: false,
                push: None,
            },
            v => match v.deserialize() {
                Ok(r) => r,
                Err(e) => {
                    problems.push(Problem::from_de(file, e));
                    continue;
                }
            },
        };
        if id == LOCAL {
            problems.push(
                Problem::at(file, key.pos, "`local` is the name of the jump host itself")
                    .hint("name the host after the machine, e.g. `jump-1`, and set `local: true`"),
            );
            continue;
        }
        for g in &raw.groups {
            if !valid_name(g) {
                problems.push(
                    Problem::at(
                        file,
                        value.get("groups").map_or(value.pos, |n| n.pos),
                        format!("group name `{g}` must be letters, digits, `-`, `_` or `.`"),
                    )
                    .hint("e.g. `groups: [frontend, db]`"),
                );
            }
        }
        let host = Host {
            address: raw.address.unwrap_or_else(|| id.clone()),
            port: raw.port,
            user: raw.user,
            identity: raw.identity.map(|p| expand_path(&p, base_dir)),
            jump: raw.jump,
            sudo: raw.sudo || raw.sudo_user.is_some(),
            sudo_user: raw.sudo_user,
            groups: raw.groups.iter().cloned().collect(),
            ssh_args: raw.ssh_args,
            znode_path: remote_path(raw.znode_path),
            local: raw.local,
            push: raw.push.filter(|d| !d.is_zero()),
            id: id.clone(),
        };
        for g in &host.groups {
            inv.groups.entry(g.clone()).or_default().insert(id.clone());
        }
        inv.hosts.insert(id, host);
    }
    check_names(file, node, inv, problems);
}

/// Reads an Ansible YAML inventory (`all: {hosts, vars, children}`).
pub fn read_ansible(file: &Path, inv: &mut Inventory, problems: &mut Problems) {
    let text = match crate::core::fsx::read_config_text(file) {
        Ok(t) => t,
        Err(e) => {
            return problems.push(
                Problem::file(file, format!("cannot read the inventory: {e}"))
                    .hint("fix `inventory:` in znode.yaml: an Ansible YAML inventory (hosts.yml)"),
            );
        }
    };
    let root = match Node::parse(&text) {
        Ok(n) => n,
        Err((pos, msg)) => {
            return problems.push(Problem::at(file, pos, format!("invalid YAML: {msg}")));
        }
    };
    let Value::Map(groups) = &root.value else {
        return problems.push(
            Problem::at(file, root.pos, "an inventory must be a mapping of groups")
                .hint("start it with `all:` holding `hosts:`, `vars:` and `children:`"),
        );
    };
    inv.source = Some(file.to_owned());
    let base_dir = file.parent().unwrap_or(Path::new("."));
    let mut reader = Ansible {
        file,
        vars: BTreeMap::new(),
        problems,
        inv,
    };
    // Top-level groups beside `all` are children of `all`, as in Ansible: they inherit its
    // variables and their hosts are in `all`.
    let all = groups.iter().find(|(k, _)| k.as_str() == Some("all"));
    let mut all_vars = Vars::new();
    if let Some((_, node)) = all {
        reader.group("all", node, &[], &Vars::new());
        if let Some(Value::Map(kv)) = node.get("vars").map(|v| &v.value) {
            for (k, v) in kv {
                all_vars.insert(k.as_str().unwrap_or_default().to_owned(), (1, v.clone()));
            }
        }
    }
    for (name, group) in groups {
        let name = name.as_str().unwrap_or_default().to_owned();
        if name != "all" {
            reader.group(&name, group, &["all".to_owned()], &all_vars);
        }
    }
    let Ansible { vars, .. } = reader;
    for (id, vars) in vars {
        let vars = vars.into_iter().map(|(k, (_, v))| (k, v)).collect();
        let host = ansible_host(file, base_dir, &id, &vars, problems);
        let groups = inv.groups.iter().filter(|(_, m)| m.contains(&id));
        let groups: BTreeSet<String> = groups.map(|(g, _)| g.clone()).collect();
        inv.hosts.insert(id, Host { groups, ..host });
    }
}

/// Variables by name, each with the depth of the group that set it.
type Vars = BTreeMap<String, (usize, Node)>;

struct Ansible<'a, 'p> {
    file: &'a Path,
    /// Host id to its variables, each with the depth it was set at: a child group's value wins
    /// over its parent's, and the host's own entry over every group's (as in Ansible).
    vars: BTreeMap<String, Vars>,
    problems: &'p mut Problems,
    inv: &'p mut Inventory,
}

impl Ansible<'_, '_> {
    fn group(&mut self, name: &str, node: &Node, ancestors: &[String], inherited: &Vars) {
        if ancestors.iter().any(|a| a == name) || ancestors.len() > 32 {
            self.problems.push(
                Problem::at(
                    self.file,
                    node.pos,
                    format!("group `{name}` contains itself"),
                )
                .hint("a group's `children:` may not name the group or its parents"),
            );
            return;
        }
        if !valid_name(name) {
            self.problems.push(Problem::at(
                self.file,
                node.pos,
                format!("group name `{name}` must be letters, digits, `-`, `_` or `.`"),
            ));
            return;
        }
        let mut vars = inherited.clone();
        let entries: &[(Node, Node)] = match &node.value {
            Value::Map(e) => e,
            Value::Null => &[],
            _ => {
                self.problems.push(
                    Problem::at(
                        self.file,
                        node.pos,
                        format!("group `{name}` must be a mapping"),
                    )
                    .hint("a group holds `hosts:`, `vars:` and `children:`"),
                );
                return;
            }
        };
        if let Some(v) = node.get("vars") {
            match &v.value {
                Value::Map(kv) => {
                    let depth = ancestors.len() + 1;
                    for (k, val) in kv {
                        let k = k.as_str().unwrap_or_default().to_owned();
                        vars.insert(k, (depth, val.clone()));
                    }
                }
                Value::Null => {}
                _ => self.problems.push(Problem::at(
                    self.file,
                    v.pos,
                    format!("`vars` of group `{name}` must be a mapping"),
                )),
            }
        }
        self.inv.groups.entry(name.to_owned()).or_default();
        for (k, v) in entries {
            match k.as_str().unwrap_or_default() {
                "vars" => {}
                "hosts" => match &v.value {
                    Value::Map(hosts) => {
                        for (h, hv) in hosts {
                            let id = h.as_str().unwrap_or_default().to_owned();
                            self.host(&id, h, hv, &vars, name, ancestors);
                        }
                    }
                    Value::Null => {}
                    _ => self.problems.push(
                        Problem::at(
                            self.file,
                            v.pos,
                            format!("`hosts` of group `{name}` must be a mapping"),
                        )
                        .hint("write `hosts:` then `db-1: { ansible_host: 10.0.0.5 }`"),
                    ),
                },
                "children" => match &v.value {
                    Value::Map(children) => {
                        let mut path = ancestors.to_vec();
                        path.push(name.to_owned());
                        for (c, cv) in children {
                            let child = c.as_str().unwrap_or_default().to_owned();
                            self.group(&child, cv, &path, &vars);
                        }
                    }
                    Value::Null => {}
                    _ => self.problems.push(Problem::at(
                        self.file,
                        v.pos,
                        format!("`children` of group `{name}` must be a mapping"),
                    )),
                },
                other => self.problems.push(
                    Problem::at(
                        self.file,
                        k.pos,
                        format!("unknown key `{other}` in group `{name}`"),
                    )
                    .hint("a group holds `hosts:`, `vars:` and `children:`"),
                ),
            }
        }
    }

    fn host(
        &mut self,
        id: &str,
        key: &Node,
        node: &Node,
        group_vars: &Vars,
        group: &str,
        ancestors: &[String],
    ) {
        if !valid_name(id) || id == LOCAL {
            self.problems.push(bad_name(self.file, key, "host id"));
            return;
        }
        for g in ancestors.iter().map(String::as_str).chain([group]) {
            self.inv
                .groups
                .entry(g.to_owned())
                .or_default()
                .insert(id.to_owned());
        }
        let entry = self.vars.entry(id.to_owned()).or_default();
        // A group's variables never override what the host's own entry says.
        for (k, (depth, v)) in group_vars {
            match entry.get(k) {
                Some((d, _)) if d > depth => {}
                _ => {
                    entry.insert(k.clone(), (*depth, v.clone()));
                }
            }
        }
        match &node.value {
            Value::Map(kv) => {
                for (k, v) in kv {
                    let k = k.as_str().unwrap_or_default().to_owned();
                    entry.insert(k, (usize::MAX, v.clone()));
                }
            }
            Value::Null => {}
            _ => self.problems.push(Problem::at(
                self.file,
                node.pos,
                format!("host `{id}` must be a mapping of variables (or empty)"),
            )),
        }
    }
}

/// A host from its Ansible variables; variables znode does not use belong to Ansible and are
/// left alone.
fn ansible_host(
    file: &Path,
    base_dir: &Path,
    id: &str,
    vars: &BTreeMap<String, Node>,
    problems: &mut Problems,
) -> Host {
    let mut errors = Vec::new();
    let mut text = |k: &str| -> Option<String> {
        let n = vars.get(k)?;
        match &n.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => {
                errors.push(Problem::at(
                    file,
                    n.pos,
                    format!("`{k}` of `{id}` must be text, found {}", n.type_name()),
                ));
                None
            }
        }
    };
    // The names before Ansible 2.0 still appear in old inventories.
    let address = text("ansible_host").or_else(|| text("ansible_ssh_host"));
    let user = text("ansible_user").or_else(|| text("ansible_ssh_user"));
    let sudo_user = text("ansible_become_user");
    let identity = text("ansible_ssh_private_key_file");
    let connection = text("ansible_connection");
    let common_args = text("ansible_ssh_common_args");
    let jump = text("znode_jump");
    let znode_path = text("znode_path");
    let push = match vars.get("znode_push") {
        Some(n) => match n.as_str().map(humantime::parse_duration) {
            Some(Ok(d)) if !d.is_zero() => Some(d),
            _ => {
                errors.push(
                    Problem::at(
                        file,
                        n.pos,
                        format!("`znode_push` of `{id}` must be a duration above zero"),
                    )
                    .hint("e.g. `znode_push: 1d`: the host reports at least daily"),
                );
                None
            }
        },
        None => None,
    };
    let port = match vars
        .get("ansible_port")
        .or_else(|| vars.get("ansible_ssh_port"))
    {
        Some(n) => match &n.value {
            Value::Int(p) if (1..=65535).contains(p) => Some(*p as u16),
            Value::Str(s) if s.parse::<u16>().is_ok_and(|p| p > 0) => s.parse().ok(),
            _ => {
                errors.push(
                    Problem::at(
                        file,
                        n.pos,
                        format!("`ansible_port` of `{id}` must be 1 to 65535"),
                    )
                    .hint("e.g. `ansible_port: 22`"),
                );
                None
            }
        },
        None => None,
    };
    let sudo = match vars.get("ansible_become").map(|n| (&n.value, n.pos)) {
        None => false,
        Some((Value::Bool(b), _)) => *b,
        Some((Value::Str(s), pos)) => match s.to_ascii_lowercase().as_str() {
            "yes" | "true" | "on" | "1" => true,
            "no" | "false" | "off" | "0" => false,
            _ => {
                errors.push(Problem::at(
                    file,
                    pos,
                    "`ansible_become` must be true or false",
                ));
                false
            }
        },
        Some((_, pos)) => {
            errors.push(Problem::at(
                file,
                pos,
                "`ansible_become` must be true or false",
            ));
            false
        }
    };
    errors.into_iter().for_each(|p| problems.push(p));
    Host {
        id: id.to_owned(),
        address: address.unwrap_or_else(|| id.to_owned()),
        port,
        user,
        identity: identity.map(|p| expand_path(&p, base_dir)),
        jump,
        // `ansible_become_user` means something only with `ansible_become`.
        sudo,
        sudo_user: sudo_user.filter(|_| sudo),
        groups: BTreeSet::new(),
        ssh_args: common_args.map(|a| split_args(&a)).unwrap_or_default(),
        znode_path: remote_path(znode_path),
        local: connection.is_some_and(|c| c == "local"),
        push,
    }
}

/// Jumps must name declared hosts or be `user@host:port` text; groups name no host twice.
fn check_names(file: &Path, node: &Node, inv: &Inventory, problems: &mut Problems) {
    for (id, h) in &inv.hosts {
        if inv.groups.contains_key(id) {
            let pos = node.get(id).map_or(node.pos, |n| n.pos);
            problems.push(
                Problem::at(file, pos, format!("`{id}` is both a host and a group"))
                    .hint("rename one of them: systems and checks name either"),
            );
        }
        if let Some(j) = &h.jump
            && j == id
        {
            let pos = node.get(id).map_or(node.pos, |n| n.pos);
            problems.push(Problem::at(
                file,
                pos,
                format!("host `{id}` jumps through itself"),
            ));
        }
    }
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn bad_name(file: &Path, key: &Node, what: &str) -> Problem {
    let name = key.as_str().unwrap_or_default();
    Problem::at(
        file,
        key.pos,
        format!("{what} `{name}` must be letters, digits, `-`, `_` or `.` (and not `local`)"),
    )
    .hint("e.g. `db-1`")
}

/// Where znode is on a host: `~/x` is `x` relative to the login's home (where ssh starts the
/// command), since a quoted `~` would not be expanded there.
fn remote_path(p: Option<String>) -> String {
    match p {
        Some(p) => p.strip_prefix("~/").map(str::to_owned).unwrap_or(p),
        None => DEFAULT_ZNODE_PATH.to_owned(),
    }
}

/// `~/x` from $HOME, relative paths from the configuration's folder.
fn expand_path(p: &str, base_dir: &Path) -> PathBuf {
    if let Some(rest) = p.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    let path = Path::new(p);
    if path.is_absolute() {
        path.to_owned()
    } else {
        base_dir.join(path)
    }
}

/// Splits `ansible_ssh_common_args` as a shell would for simple quoting.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ansible(text: &str) -> (Inventory, Problems) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hosts.yml");
        std::fs::write(&file, text).unwrap();
        let mut inv = Inventory::default();
        let mut problems = Problems::default();
        read_ansible(&file, &mut inv, &mut problems);
        (inv, problems)
    }

    #[test]
    fn an_ansible_inventory_gives_hosts_groups_and_inherited_vars() {
        let (inv, problems) = ansible(
            "all:\n  vars:\n    ansible_user: ops\n  hosts:\n    jump-1: { ansible_connection: local }\n  children:\n    db:\n      vars: { ansible_become: yes, ansible_port: 2222 }\n      hosts:\n        db-1: { ansible_host: 10.0.0.5 }\n        db-2: { ansible_host: 10.0.0.6, ansible_user: dba, ansible_ssh_common_args: \"-o ProxyCommand='ssh -W %h:%p bastion'\" }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let db1 = inv.host("db-1").unwrap();
        assert_eq!(db1.address, "10.0.0.5");
        assert_eq!(db1.user.as_deref(), Some("ops"));
        assert_eq!(db1.port, Some(2222));
        assert!(db1.sudo);
        assert!(db1.groups.contains("db") && db1.groups.contains("all"));
        let db2 = inv.host("db-2").unwrap();
        assert_eq!(db2.user.as_deref(), Some("dba"));
        assert_eq!(db2.ssh_args, ["-o", "ProxyCommand=ssh -W %h:%p bastion"]);
        assert!(inv.host("jump-1").unwrap().local);
        assert_eq!(inv.expand("db").unwrap(), ["db-1", "db-2"]);
        assert_eq!(inv.expand("all").unwrap().len(), 3);
        assert!(inv.expand("web").is_none());
    }

    #[test]
    fn groups_beside_all_are_its_children_and_old_variable_names_are_read() {
        let (inv, problems) = ansible(
            "all:\n  vars: { ansible_user: ops }\nqzj:\n  vars: { ansible_become: true, ansible_become_user: app }\n  hosts:\n    q1: { ansible_ssh_host: 10.0.0.9, ansible_ssh_port: 2200 }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let q1 = inv.host("q1").unwrap();
        assert_eq!(q1.user.as_deref(), Some("ops"));
        assert_eq!(q1.address, "10.0.0.9");
        assert_eq!(q1.port, Some(2200));
        assert_eq!(q1.sudo_user.as_deref(), Some("app"));
        assert!(q1.groups.contains("all") && q1.groups.contains("qzj"));
    }

    #[test]
    fn a_bad_port_and_a_cycle_are_placed_at_their_lines() {
        let (_, problems) = ansible(
            "all:\n  hosts:\n    a: { ansible_port: 70000 }\n  children:\n    g:\n      children:\n        g: {}\n",
        );
        let text = format!("{problems:?}");
        assert!(text.contains("ansible_port"), "{text}");
        assert!(text.contains("contains itself"), "{text}");
    }

    #[test]
    fn common_args_split_like_a_shell() {
        assert_eq!(
            split_args("-o StrictHostKeyChecking=no  -o 'ProxyJump=a b' \"\""),
            ["-o", "StrictHostKeyChecking=no", "-o", "ProxyJump=a b", ""]
        );
    }
}
