
use builtin;
use str;

set edit:completion:arg-completer[znode] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'znode'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'znode'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a complete sample node (znode.yaml and the check pack) into DIR'
            cand inspect 'Run the inspection (巡检): every selected check, stored in the history'
            cand probe 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`'
            cand incident 'Incidents and support requests (事件/工单) with their service-level clocks'
            cand backup 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)'
            cand report 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告'
            cand notify 'Notification channels: test one, flush the outbox, list it'
            cand record 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods'
            cand watch 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes'
            cand alert 'The watcher''s alerts: list them, acknowledge one'
            cand silence 'Silence alerts for a while (a change, maintenance work): add, list, expire'
            cand serve 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents'
            cand playbook 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review'
            cand sync 'Version sync (版本同步): releases through their ten steps; versions against the province''s'
            cand logs 'Log engine: scan, audit, top (templates), archive, purge'
            cand data 'The base libraries'' data (SPEC R8): reconcile two tables (diff)'
            cand access 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review'
            cand checks 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)'
            cand config 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)'
            cand fleet 'The node''s hosts: list the inventory, ping them over ssh, push znode to them'
            cand agent 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)'
            cand history 'List past runs, show one again, or compare two'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff)'
            cand doctor 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix'
            cand version 'Print the version; with --verbose the commit, target, glibc needed and store schema'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;init'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --force 'Overwrite files that already exist'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;inspect'= {
            cand --system 'Only checks of these systems (repeat or comma-separate)'
            cand --category 'Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability, 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business, 日志审计/log-review, 备份检查/backup, 数据质量检查/data-quality'
            cand --tag 'Only checks with any of these tags'
            cand --check 'Only these checks, by id'
            cand --host 'Only on these inventory hosts or groups (`local`: the machine znode runs on)'
            cand --forks 'Hosts inspected at once over ssh (overrides `fleet.forks`)'
            cand -j 'Checks running at once (overrides `defaults.jobs`)'
            cand --jobs 'Checks running at once (overrides `defaults.jobs`)'
            cand --timeout 'Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --textfile-dir 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --open-incidents 'Open an incident (or add to the open one) for each check that is CRIT'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;probe'= {
            cand -s 'A probe parameter as in a check file, e.g. `--set path=/health --set ''status=[200, 302]''`'
            cand --set 'A probe parameter as in a check file, e.g. `--set path=/health --set ''status=[200, 302]''`'
            cand --warn 'WARNING range (Nagios syntax) on the probe''s primary metric'
            cand --crit 'CRITICAL range (Nagios syntax) on the probe''s primary metric'
            cand --threshold 'Ranges on any metric: `--threshold cert_days_left=30:,7:` (warn,crit; either may be empty)'
            cand -t 'Time the probe has'
            cand --timeout 'Time the probe has'
            cand --username 'User for basic auth or the database'
            cand --password-env 'Environment variable holding the password'
            cand --token-env 'Environment variable holding a bearer token'
            cand -f 'Output: nagios (a plugin line) or json (the outcome)'
            cand --format 'Output: nagios (a plugin line) or json (the outcome)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand open 'Open an incident or a support request'
            cand ack 'Acknowledge it: the response clock stops'
            cand update 'Add a progress note'
            cand resolve 'Service restored: the restore clock stops'
            cand close 'Close it'
            cand review 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
            cand list 'Incidents with their clocks and breaches'
            cand show 'One incident and its timeline'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;incident;open'= {
            cand --type 'Type: 咨询, 故障, 专项任务, 数据统计, 投诉'
            cand --severity 'Severity: 一般, 较大, 重大, 特别重大'
            cand --system 'The system concerned'
            cand --by 'Who reported it'
            cand --assignee 'Who handles it'
            cand --at 'When it was reported (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;ack'= {
            cand --note 'What was done'
            cand --by 'Who'
            cand --at 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;update'= {
            cand --note 'What was done'
            cand --by 'Who'
            cand --at 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;resolve'= {
            cand --note 'What was done'
            cand --by 'Who'
            cand --at 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;close'= {
            cand --note 'What was done'
            cand --by 'Who'
            cand --at 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;review'= {
            cand --impact '现象及影响范围: what was seen and who or what was affected'
            cand --cause '原因分析: why it happened'
            cand --measures '处置措施: what was done to restore service'
            cand --cleanup '清理现场: what was cleaned up afterwards (temporary changes undone, scratch data removed)'
            cand --prevention '整改和预防措施: what keeps it from happening again'
            cand --notified '通报情况: who was informed, when and how'
            cand --by 'Who'
            cand --at 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;list'= {
            cand --since 'Only those opened within this time'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --open 'Only those not closed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;show'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;incident;help'= {
            cand open 'Open an incident or a support request'
            cand ack 'Acknowledge it: the response clock stops'
            cand update 'Add a progress note'
            cand resolve 'Service restored: the restore clock stops'
            cand close 'Close it'
            cand review 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
            cand list 'Incidents with their clocks and breaches'
            cand show 'One incident and its timeline'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;incident;help;open'= {
        }
        &'znode;incident;help;ack'= {
        }
        &'znode;incident;help;update'= {
        }
        &'znode;incident;help;resolve'= {
        }
        &'znode;incident;help;close'= {
        }
        &'znode;incident;help;review'= {
        }
        &'znode;incident;help;list'= {
        }
        &'znode;incident;help;show'= {
        }
        &'znode;incident;help;help'= {
        }
        &'znode;backup'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand verify 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
            cand seal 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
            cand status 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
            cand take 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;backup;verify'= {
            cand --policy 'Only these policies'
            cand --timeout 'Time a policy''s verification may take'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --textfile-dir 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --all 'Check the checksum and structure of every kept backup, not only the newest'
            cand --deep 'Also restore the newest backup into a scratch database and check its invariants (rung 7)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;backup;seal'= {
            cand --policy 'Only these policies'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --force 'Overwrite an empty or damaged checksum file with the file''s hash as it is now (check the backup first: a corrupted file would be sealed as good)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;backup;status'= {
            cand --policy 'Only these policies'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;backup;take'= {
            cand --policy 'Only these policies'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;backup;help'= {
            cand verify 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
            cand seal 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
            cand status 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
            cand take 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;backup;help;verify'= {
        }
        &'znode;backup;help;seal'= {
        }
        &'znode;backup;help;status'= {
        }
        &'znode;backup;help;take'= {
        }
        &'znode;backup;help;help'= {
        }
        &'znode;report'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand inspection 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
            cand weekly '运行维护周报 of an ISO week (default: last week)'
            cand monthly '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
            cand quarterly '运行维护季报 of a quarter (default: last quarter)'
            cand half-year '运行维护半年报 of a half-year (default: the last one)'
            cand data-quality '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
            cand incident '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
            cand drill '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
            cand sync '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s'
            cand guard '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;report;inspection'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;weekly'= {
            cand -p 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --period 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --as-of 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]'
            cand --at 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;monthly'= {
            cand -p 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --period 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --as-of 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]'
            cand --at 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;quarterly'= {
            cand -p 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --period 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --as-of 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]'
            cand --at 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;half-year'= {
            cand -p 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --period 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --as-of 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]'
            cand --at 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;data-quality'= {
            cand -p 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --period 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]'
            cand --as-of 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]'
            cand --at 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;incident'= {
            cand --at 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;drill'= {
            cand --at 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;sync'= {
            cand --at 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;guard'= {
            cand --at 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --output 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]'
            cand --send 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;report;help'= {
            cand inspection 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
            cand weekly '运行维护周报 of an ISO week (default: last week)'
            cand monthly '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
            cand quarterly '运行维护季报 of a quarter (default: last quarter)'
            cand half-year '运行维护半年报 of a half-year (default: the last one)'
            cand data-quality '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
            cand incident '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
            cand drill '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
            cand sync '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s'
            cand guard '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;report;help;inspection'= {
        }
        &'znode;report;help;weekly'= {
        }
        &'znode;report;help;monthly'= {
        }
        &'znode;report;help;quarterly'= {
        }
        &'znode;report;help;half-year'= {
        }
        &'znode;report;help;data-quality'= {
        }
        &'znode;report;help;incident'= {
        }
        &'znode;report;help;drill'= {
        }
        &'znode;report;help;sync'= {
        }
        &'znode;report;help;guard'= {
        }
        &'znode;report;help;help'= {
        }
        &'znode;notify'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand test 'Send a test message to a channel'
            cand flush 'Send the messages waiting in the outbox; those that fail stay for the next flush'
            cand list 'The messages waiting in the outbox, with their attempts and last error'
            cand drop 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;notify;test'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;notify;flush'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;notify;list'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;notify;drop'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;notify;help'= {
            cand test 'Send a test message to a channel'
            cand flush 'Send the messages waiting in the outbox; those that fail stay for the next flush'
            cand list 'The messages waiting in the outbox, with their attempts and last error'
            cand drop 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;notify;help;test'= {
        }
        &'znode;notify;help;flush'= {
        }
        &'znode;notify;help;list'= {
        }
        &'znode;notify;help;drop'= {
        }
        &'znode;notify;help;help'= {
        }
        &'znode;record'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand satisfaction 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied'
            cand training 'A training session (培训) given to users'
            cand operation 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
            cand guard 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
            cand list 'The records, newest first'
            cand remove 'Remove a record entered by mistake'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;record;satisfaction'= {
            cand --month 'The month surveyed, e.g. 2026-11; default this month'
            cand --surveyed 'Respondents'
            cand --satisfied 'Respondents satisfied (满意 or 基本满意)'
            cand --feedback 'Feedback worth reporting (repeat for several)'
            cand --by 'Who records it'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --replace 'Replace the survey already recorded for the month'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;training'= {
            cand --at 'When it took place: `YYYY-MM-DD HH:MM`; default now'
            cand --attendees 'How many attended'
            cand --hours 'Length in hours'
            cand --trainer 'Who taught it'
            cand --audience 'Who it was for (units or roles)'
            cand --by 'Who records it'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;operation'= {
            cand --count 'How many items'
            cand --unit 'What the count counts, e.g. 类, 个, 件'
            cand --at 'When: `YYYY-MM-DD HH:MM`; default now'
            cand --by 'Who records it'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;guard'= {
            cand --from 'Start: `YYYY-MM-DD HH:MM`'
            cand --until 'End: `YYYY-MM-DD HH:MM`'
            cand --people 'Who is on watch (repeat, or comma-separated)'
            cand --scope 'Systems or hosts in scope, in words'
            cand --measure 'Measures beyond the routine (repeat): 深度巡检, 7×24 值守, ...'
            cand --by 'Who records it'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;list'= {
            cand --kind 'Only this kind'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;remove'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;record;help'= {
            cand satisfaction 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied'
            cand training 'A training session (培训) given to users'
            cand operation 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
            cand guard 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
            cand list 'The records, newest first'
            cand remove 'Remove a record entered by mistake'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;record;help;satisfaction'= {
        }
        &'znode;record;help;training'= {
        }
        &'znode;record;help;operation'= {
        }
        &'znode;record;help;guard'= {
        }
        &'znode;record;help;list'= {
        }
        &'znode;record;help;remove'= {
        }
        &'znode;record;help;help'= {
        }
        &'znode;watch'= {
            cand --profile 'The profile: `normal`, or one under `watch.profiles` (e.g. 重保: shorter intervals, the escalation chain)'
            cand --until 'When the profile ends and `normal` takes over, e.g. "2027-02-10 18:00"'
            cand --system 'Only checks of these systems'
            cand --category 'Only these categories (日常检查 or daily, ...)'
            cand --tag 'Only checks with any of these tags'
            cand --check 'Only these checks, by id'
            cand --host 'Only on these inventory hosts or groups'
            cand -j 'Checks running at once (overrides `defaults.jobs`)'
            cand --jobs 'Checks running at once (overrides `defaults.jobs`)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;alert'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The watcher''s alerts: firing ones, or all with --all'
            cand ack 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;alert;list'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --all 'Every alert, OK ones too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;alert;ack'= {
            cand --by 'Who takes it (default: $ZNODE_OPERATOR, $USER)'
            cand --note 'What is being done'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;alert;help'= {
            cand list 'The watcher''s alerts: firing ones, or all with --all'
            cand ack 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;alert;help;list'= {
        }
        &'znode;alert;help;ack'= {
        }
        &'znode;alert;help;help'= {
        }
        &'znode;silence'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
            cand list 'Silences in force, or all with --all'
            cand expire 'End a silence now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;silence;add'= {
            cand --for 'How long, e.g. 2h'
            cand --reason 'Why: the change ticket (变更单号) or the work being done'
            cand --by 'Who sets it (default: $ZNODE_OPERATOR, $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;silence;list'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --all 'Expired ones too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;silence;expire'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;silence;help'= {
            cand add 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
            cand list 'Silences in force, or all with --all'
            cand expire 'End a silence now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;silence;help;add'= {
        }
        &'znode;silence;help;list'= {
        }
        &'znode;silence;help;expire'= {
        }
        &'znode;silence;help;help'= {
        }
        &'znode;serve'= {
            cand --listen 'Address to listen on (loopback by default; publish it through the intranet''s reverse proxy)'
            cand --user 'Ask for this user name (basic auth), with the password from --password-env or --password-file'
            cand --password-env 'Environment variable holding the password'
            cand --password-file 'File holding the password'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The playbooks: shipped ones and those in the config''s playbooks/ folder'
            cand show 'A playbook''s phases and steps, with the commands its variables make'
            cand run 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
            cand drill 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
            cand resume 'Continue a run that paused or was killed, at the step it stopped at'
            cand log 'A run''s journal as a timeline, with the time spent per phase'
            cand review 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;playbook;list'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;show'= {
            cand --set 'A variable: NAME=VALUE'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;run'= {
            cand --set 'A variable: NAME=VALUE'
            cand --confirm 'Confirm this destructive step in advance (repeat for several)'
            cand --answer 'Answer a decision in advance: STEP=CHOICE'
            cand --by 'Who is running it (default: $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --dry-run 'Walk the plan and print every step with its variables filled in; run nothing'
            cand -y 'Answer the confirmations of manual steps (never a destructive one)'
            cand --yes 'Answer the confirmations of manual steps (never a destructive one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;drill'= {
            cand --set 'A variable: NAME=VALUE'
            cand --confirm 'Confirm this destructive step in advance (repeat for several)'
            cand --answer 'Answer a decision in advance: STEP=CHOICE'
            cand --by 'Who is running it (default: $USER)'
            cand --evaluation 'The drill''s evaluation, asked at the end on a terminal'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --dry-run 'Walk the plan and print every step with its variables filled in; run nothing'
            cand -y 'Answer the confirmations of manual steps (never a destructive one)'
            cand --yes 'Answer the confirmations of manual steps (never a destructive one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;resume'= {
            cand --completed 'Whether the step the run stopped at had completed: `yes` records it as done (also for a step that failed or paused and was then carried out by hand), `no` runs it again'
            cand --evaluation 'A drill''s evaluation, asked at the end on a terminal (drills only)'
            cand --confirm 'Confirm this destructive step in advance (repeat for several)'
            cand --answer 'Answer a decision in advance: STEP=CHOICE'
            cand --by 'Who is running it (default: $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --wait 'When the stopped step''s command still runs (znode was killed), wait for it to end instead of refusing'
            cand -y 'Answer the confirmations of manual steps (never a destructive one)'
            cand --yes 'Answer the confirmations of manual steps (never a destructive one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;log'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;review'= {
            cand --scenario 'The scenario as played (演练场景)'
            cand --participant 'A participant and their role: NAME=ROLE, e.g. 张三=指挥 (repeat for several)'
            cand --finding 'A problem or shortcoming of the plan found (预案问题与不足; repeat for several)'
            cand --revision 'A revision of the plan decided (预案修订; repeat for several)'
            cand --by 'Who records it'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;playbook;help'= {
            cand list 'The playbooks: shipped ones and those in the config''s playbooks/ folder'
            cand show 'A playbook''s phases and steps, with the commands its variables make'
            cand run 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
            cand drill 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
            cand resume 'Continue a run that paused or was killed, at the step it stopped at'
            cand log 'A run''s journal as a timeline, with the time spent per phase'
            cand review 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;playbook;help;list'= {
        }
        &'znode;playbook;help;show'= {
        }
        &'znode;playbook;help;run'= {
        }
        &'znode;playbook;help;drill'= {
        }
        &'znode;playbook;help;resume'= {
        }
        &'znode;playbook;help;log'= {
        }
        &'znode;playbook;help;review'= {
        }
        &'znode;playbook;help;help'= {
        }
        &'znode;sync'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand start 'Open a release record for a version of the province''s standard edition'
            cand done 'Record a step (1-5, 7, 8, 10) as done, in order'
            cand run 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
            cand rollback-plan 'Record the rollback plan; step 9 cannot start without one'
            cand signoff 'Record a key user''s verification sign-off (needed for step 10)'
            cand status 'Each release''s progress through the ten steps'
            cand versions 'The version each system runs beside the province''s declared one, and who is behind'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;sync;start'= {
            cand --title 'A title (default: 版本同步 VERSION)'
            cand --by 'Who (default: $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;done'= {
            cand --note 'What was done (goals, survey findings, test results...)'
            cand --by 'Who (default: $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;run'= {
            cand --set 'A playbook variable: NAME=VALUE'
            cand --confirm 'Confirm this destructive step in advance (repeat for several)'
            cand --answer 'Answer a decision in advance: STEP=CHOICE'
            cand --by 'Who is running it (default: $USER)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -y 'Answer the confirmations of manual steps (never a destructive one)'
            cand --yes 'Answer the confirmations of manual steps (never a destructive one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;rollback-plan'= {
            cand --file 'The plan, in a file'
            cand --text 'The plan, inline'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;signoff'= {
            cand --user 'The key user who verified'
            cand --comment 'What they checked'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;status'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;versions'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;sync;help'= {
            cand start 'Open a release record for a version of the province''s standard edition'
            cand done 'Record a step (1-5, 7, 8, 10) as done, in order'
            cand run 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
            cand rollback-plan 'Record the rollback plan; step 9 cannot start without one'
            cand signoff 'Record a key user''s verification sign-off (needed for step 10)'
            cand status 'Each release''s progress through the ten steps'
            cand versions 'The version each system runs beside the province''s declared one, and who is behind'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;sync;help;start'= {
        }
        &'znode;sync;help;done'= {
        }
        &'znode;sync;help;run'= {
        }
        &'znode;sync;help;rollback-plan'= {
        }
        &'znode;sync;help;signoff'= {
        }
        &'znode;sync;help;status'= {
        }
        &'znode;sync;help;versions'= {
        }
        &'znode;sync;help;help'= {
        }
        &'znode;logs'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand scan 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run'
            cand audit 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
            cand top 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
            cand archive 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
            cand purge 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
            cand rules 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;logs;scan'= {
            cand --since 'Look back this far from now'
            cand --from 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone'
            cand --to 'Window end (exclusive), as --from'
            cand --system 'Only sources of these systems'
            cand --source 'Only these sources'
            cand --timeout 'Time a source''s scan may take'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --textfile-dir 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --incremental 'Read only what was written since the last incremental run (per file, surviving rotation)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;audit'= {
            cand --since 'Look back this far from now'
            cand --from 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone'
            cand --to 'Window end (exclusive), as --from'
            cand --system 'Only sources of these systems'
            cand --source 'Only these sources'
            cand --timeout 'Time a source''s scan may take'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --textfile-dir 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --incremental 'Read only what was written since the last incremental run (per file, surviving rotation)'
            cand --learn 'Only learn: add every account, address or value the window holds to the baselines of the `new:` rules (what "new" is judged against), report no finding, store no run and exit 0; for a node''s first audit over its past logs'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;top'= {
            cand --since 'Look back this far from now'
            cand --from 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone'
            cand --to 'Window end (exclusive), as --from'
            cand --system 'Only sources of these systems'
            cand --source 'Only these sources'
            cand -n 'Templates shown per source'
            cand --limit 'Templates shown per source'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;archive'= {
            cand --policy 'Only these policies'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --apply 'Do it; without this, only show what would be done'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;purge'= {
            cand --policy 'Only these policies'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --apply 'Do it; without this, only show what would be done'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;rules'= {
            cand --log-format 'Only rules that apply to this log format (java, nginx-access, auth, postgres, ...)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --patterns 'Show each rule''s regex too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;logs;help'= {
            cand scan 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run'
            cand audit 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
            cand top 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
            cand archive 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
            cand purge 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
            cand rules 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;logs;help;scan'= {
        }
        &'znode;logs;help;audit'= {
        }
        &'znode;logs;help;top'= {
        }
        &'znode;logs;help;archive'= {
        }
        &'znode;logs;help;purge'= {
        }
        &'znode;logs;help;rules'= {
        }
        &'znode;logs;help;help'= {
        }
        &'znode;data'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand diff 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;data;diff'= {
            cand -k 'The integer key column, the same on both sides'
            cand --key 'The integer key column, the same on both sides'
            cand -C 'Columns to compare besides the key (default: every column both tables have)'
            cand --columns 'Columns to compare besides the key (default: every column both tables have)'
            cand -j 'Connections per side, each comparing one key range at a time'
            cand --jobs 'Connections per side, each comparing one key range at a time'
            cand --bisection-factor 'Segments a mismatching key range is split into'
            cand --bisection-threshold 'A key range with fewer rows than this is compared row by row'
            cand --timeout 'Time each statement may take on the server'
            cand --list 'Keys listed per kind of difference (the counts are always complete)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;data;help'= {
            cand diff 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;data;help;diff'= {
        }
        &'znode;data;help;help'= {
        }
        &'znode;access'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand review 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
            cand reviews 'The recorded reviews, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;access;review'= {
            cand --check 'Only these access checks'
            cand --host 'Only on these hosts or groups (`local` is the jump host)'
            cand --note 'A note kept with the review (ticket, what was decided)'
            cand --by 'Who reviews (default: $ZNODE_OPERATOR, then the login)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --no-record 'Compare and show, but do not record this as a review (the run is stored all the same)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;access;reviews'= {
            cand --limit 'How many'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;access;help'= {
            cand review 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
            cand reviews 'The recorded reviews, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;access;help;review'= {
        }
        &'znode;access;help;reviews'= {
        }
        &'znode;access;help;help'= {
        }
        &'znode;checks'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
            cand explain 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;checks;list'= {
            cand --category 'Only these categories (中文 or English names)'
            cand --system 'Only these systems'
            cand --kind 'Only these probe kinds'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --all 'Disabled checks too'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;checks;explain'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;checks;help'= {
            cand list 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
            cand explain 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;checks;help;list'= {
        }
        &'znode;checks;help;explain'= {
        }
        &'znode;checks;help;help'= {
        }
        &'znode;config'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand check 'Validate znode.yaml and every check file; report all problems with file:line:column'
            cand snapshot 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline'
            cand drift 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
            cand accept 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
            cand baselines 'The baselines accepted, newest first: who, when, under which ticket'
            cand compare 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;config;check'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;snapshot'= {
            cand --check 'Only these drift checks'
            cand --host 'Only on these hosts or groups (`local` is the jump host)'
            cand --by 'Who takes it (default: $ZNODE_OPERATOR, then the login)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;drift'= {
            cand --check 'Only these drift checks'
            cand --host 'Only on these hosts or groups (`local` is the jump host)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --no-diff 'Leave out the unified diffs of changed text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;accept'= {
            cand --ticket 'The change ticket (变更单号) the accepted changes were made under'
            cand --check 'Only these drift checks'
            cand --host 'Only on these hosts (`local` is the jump host)'
            cand --run 'Accept the snapshots of this run (the one `config drift` showed) rather than the newest, so a change made since is not accepted unseen'
            cand --by 'Who accepts (default: $ZNODE_OPERATOR, then the login)'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;baselines'= {
            cand --limit 'How many acceptances'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;compare'= {
            cand --check 'Only these drift checks'
            cand --host 'Only on these hosts or groups (`local` is the jump host)'
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;config;help'= {
            cand check 'Validate znode.yaml and every check file; report all problems with file:line:column'
            cand snapshot 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline'
            cand drift 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
            cand accept 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
            cand baselines 'The baselines accepted, newest first: who, when, under which ticket'
            cand compare 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;config;help;check'= {
        }
        &'znode;config;help;snapshot'= {
        }
        &'znode;config;help;drift'= {
        }
        &'znode;config;help;accept'= {
        }
        &'znode;config;help;baselines'= {
        }
        &'znode;config;help;compare'= {
        }
        &'znode;config;help;help'= {
        }
        &'znode;fleet'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand hosts 'The inventory: every host with its address, login, groups and systems'
            cand ping 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
            cand push 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;fleet;hosts'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;fleet;ping'= {
            cand --host 'Only these hosts or groups (default: every host)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;fleet;push'= {
            cand --host 'Only these hosts or groups (default: every host)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --binary 'The binary to install, e.g. the portable glibc 2.17 build [default: this znode]'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;fleet;help'= {
            cand hosts 'The inventory: every host with its address, login, groups and systems'
            cand ping 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
            cand push 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;fleet;help;hosts'= {
        }
        &'znode;fleet;help;ping'= {
        }
        &'znode;fleet;help;push'= {
        }
        &'znode;fleet;help;help'= {
        }
        &'znode;agent'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;history'= {
            cand -n 'How many runs to list'
            cand --limit 'How many runs to list'
            cand -f 'Output format of the list'
            cand --format 'Output format of the list'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show one run again, exactly as stored'
            cand diff 'What got worse, recovered, or is new between two runs'
            cand import 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;history;show'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;history;diff'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand --all 'Also list checks that fail in both runs (the table shows only their count)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;history;import'= {
            cand --at 'When the inspection was made: `YYYY-MM-DD HH:MM` in the node''s timezone'
            cand --by 'Who enters it'
            cand --note 'What it was: the paper record''s number, who inspected'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;history;help'= {
            cand show 'Show one run again, exactly as stored'
            cand diff 'What got worse, recovered, or is new between two runs'
            cand import 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;history;help;show'= {
        }
        &'znode;history;help;diff'= {
        }
        &'znode;history;help;import'= {
        }
        &'znode;history;help;help'= {
        }
        &'znode;completions'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;man'= {
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;doctor'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;version'= {
            cand -f 'Output: table or json'
            cand --format 'Output: table or json'
            cand -c 'Configuration file [default: ./znode.yaml]'
            cand --config 'Configuration file [default: ./znode.yaml]'
            cand --store 'History store: a SQLite path or postgres:// URL (overrides `store:`)'
            cand --timezone 'Display timezone, IANA name (overrides `timezone:`)'
            cand --node 'Node name shown in outputs (overrides `node:`)'
            cand --lang 'Language of tables and messages for people'
            cand --color 'When to colour tables'
            cand -v 'Also the commit, target, compiler, glibc needed and store schema'
            cand --verbose 'Also the commit, target, compiler, glibc needed and store schema'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'znode;help'= {
            cand init 'Write a complete sample node (znode.yaml and the check pack) into DIR'
            cand inspect 'Run the inspection (巡检): every selected check, stored in the history'
            cand probe 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`'
            cand incident 'Incidents and support requests (事件/工单) with their service-level clocks'
            cand backup 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)'
            cand report 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告'
            cand notify 'Notification channels: test one, flush the outbox, list it'
            cand record 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods'
            cand watch 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes'
            cand alert 'The watcher''s alerts: list them, acknowledge one'
            cand silence 'Silence alerts for a while (a change, maintenance work): add, list, expire'
            cand serve 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents'
            cand playbook 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review'
            cand sync 'Version sync (版本同步): releases through their ten steps; versions against the province''s'
            cand logs 'Log engine: scan, audit, top (templates), archive, purge'
            cand data 'The base libraries'' data (SPEC R8): reconcile two tables (diff)'
            cand access 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review'
            cand checks 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)'
            cand config 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)'
            cand fleet 'The node''s hosts: list the inventory, ping them over ssh, push znode to them'
            cand agent 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)'
            cand history 'List past runs, show one again, or compare two'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff)'
            cand doctor 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix'
            cand version 'Print the version; with --verbose the commit, target, glibc needed and store schema'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;help;init'= {
        }
        &'znode;help;inspect'= {
        }
        &'znode;help;probe'= {
        }
        &'znode;help;incident'= {
            cand open 'Open an incident or a support request'
            cand ack 'Acknowledge it: the response clock stops'
            cand update 'Add a progress note'
            cand resolve 'Service restored: the restore clock stops'
            cand close 'Close it'
            cand review 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
            cand list 'Incidents with their clocks and breaches'
            cand show 'One incident and its timeline'
        }
        &'znode;help;incident;open'= {
        }
        &'znode;help;incident;ack'= {
        }
        &'znode;help;incident;update'= {
        }
        &'znode;help;incident;resolve'= {
        }
        &'znode;help;incident;close'= {
        }
        &'znode;help;incident;review'= {
        }
        &'znode;help;incident;list'= {
        }
        &'znode;help;incident;show'= {
        }
        &'znode;help;backup'= {
            cand verify 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
            cand seal 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
            cand status 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
            cand take 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
        }
        &'znode;help;backup;verify'= {
        }
        &'znode;help;backup;seal'= {
        }
        &'znode;help;backup;status'= {
        }
        &'znode;help;backup;take'= {
        }
        &'znode;help;report'= {
            cand inspection 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
            cand weekly '运行维护周报 of an ISO week (default: last week)'
            cand monthly '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
            cand quarterly '运行维护季报 of a quarter (default: last quarter)'
            cand half-year '运行维护半年报 of a half-year (default: the last one)'
            cand data-quality '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
            cand incident '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
            cand drill '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
            cand sync '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s'
            cand guard '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
        }
        &'znode;help;report;inspection'= {
        }
        &'znode;help;report;weekly'= {
        }
        &'znode;help;report;monthly'= {
        }
        &'znode;help;report;quarterly'= {
        }
        &'znode;help;report;half-year'= {
        }
        &'znode;help;report;data-quality'= {
        }
        &'znode;help;report;incident'= {
        }
        &'znode;help;report;drill'= {
        }
        &'znode;help;report;sync'= {
        }
        &'znode;help;report;guard'= {
        }
        &'znode;help;notify'= {
            cand test 'Send a test message to a channel'
            cand flush 'Send the messages waiting in the outbox; those that fail stay for the next flush'
            cand list 'The messages waiting in the outbox, with their attempts and last error'
            cand drop 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
        }
        &'znode;help;notify;test'= {
        }
        &'znode;help;notify;flush'= {
        }
        &'znode;help;notify;list'= {
        }
        &'znode;help;notify;drop'= {
        }
        &'znode;help;record'= {
            cand satisfaction 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied'
            cand training 'A training session (培训) given to users'
            cand operation 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
            cand guard 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
            cand list 'The records, newest first'
            cand remove 'Remove a record entered by mistake'
        }
        &'znode;help;record;satisfaction'= {
        }
        &'znode;help;record;training'= {
        }
        &'znode;help;record;operation'= {
        }
        &'znode;help;record;guard'= {
        }
        &'znode;help;record;list'= {
        }
        &'znode;help;record;remove'= {
        }
        &'znode;help;watch'= {
        }
        &'znode;help;alert'= {
            cand list 'The watcher''s alerts: firing ones, or all with --all'
            cand ack 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
        }
        &'znode;help;alert;list'= {
        }
        &'znode;help;alert;ack'= {
        }
        &'znode;help;silence'= {
            cand add 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
            cand list 'Silences in force, or all with --all'
            cand expire 'End a silence now'
        }
        &'znode;help;silence;add'= {
        }
        &'znode;help;silence;list'= {
        }
        &'znode;help;silence;expire'= {
        }
        &'znode;help;serve'= {
        }
        &'znode;help;playbook'= {
            cand list 'The playbooks: shipped ones and those in the config''s playbooks/ folder'
            cand show 'A playbook''s phases and steps, with the commands its variables make'
            cand run 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
            cand drill 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
            cand resume 'Continue a run that paused or was killed, at the step it stopped at'
            cand log 'A run''s journal as a timeline, with the time spent per phase'
            cand review 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
        }
        &'znode;help;playbook;list'= {
        }
        &'znode;help;playbook;show'= {
        }
        &'znode;help;playbook;run'= {
        }
        &'znode;help;playbook;drill'= {
        }
        &'znode;help;playbook;resume'= {
        }
        &'znode;help;playbook;log'= {
        }
        &'znode;help;playbook;review'= {
        }
        &'znode;help;sync'= {
            cand start 'Open a release record for a version of the province''s standard edition'
            cand done 'Record a step (1-5, 7, 8, 10) as done, in order'
            cand run 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
            cand rollback-plan 'Record the rollback plan; step 9 cannot start without one'
            cand signoff 'Record a key user''s verification sign-off (needed for step 10)'
            cand status 'Each release''s progress through the ten steps'
            cand versions 'The version each system runs beside the province''s declared one, and who is behind'
        }
        &'znode;help;sync;start'= {
        }
        &'znode;help;sync;done'= {
        }
        &'znode;help;sync;run'= {
        }
        &'znode;help;sync;rollback-plan'= {
        }
        &'znode;help;sync;signoff'= {
        }
        &'znode;help;sync;status'= {
        }
        &'znode;help;sync;versions'= {
        }
        &'znode;help;logs'= {
            cand scan 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run'
            cand audit 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
            cand top 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
            cand archive 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
            cand purge 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
            cand rules 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges'
        }
        &'znode;help;logs;scan'= {
        }
        &'znode;help;logs;audit'= {
        }
        &'znode;help;logs;top'= {
        }
        &'znode;help;logs;archive'= {
        }
        &'znode;help;logs;purge'= {
        }
        &'znode;help;logs;rules'= {
        }
        &'znode;help;data'= {
            cand diff 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
        }
        &'znode;help;data;diff'= {
        }
        &'znode;help;access'= {
            cand review 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
            cand reviews 'The recorded reviews, newest first'
        }
        &'znode;help;access;review'= {
        }
        &'znode;help;access;reviews'= {
        }
        &'znode;help;checks'= {
            cand list 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
            cand explain 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
        }
        &'znode;help;checks;list'= {
        }
        &'znode;help;checks;explain'= {
        }
        &'znode;help;config'= {
            cand check 'Validate znode.yaml and every check file; report all problems with file:line:column'
            cand snapshot 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline'
            cand drift 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
            cand accept 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
            cand baselines 'The baselines accepted, newest first: who, when, under which ticket'
            cand compare 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
        }
        &'znode;help;config;check'= {
        }
        &'znode;help;config;snapshot'= {
        }
        &'znode;help;config;drift'= {
        }
        &'znode;help;config;accept'= {
        }
        &'znode;help;config;baselines'= {
        }
        &'znode;help;config;compare'= {
        }
        &'znode;help;fleet'= {
            cand hosts 'The inventory: every host with its address, login, groups and systems'
            cand ping 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
            cand push 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
        }
        &'znode;help;fleet;hosts'= {
        }
        &'znode;help;fleet;ping'= {
        }
        &'znode;help;fleet;push'= {
        }
        &'znode;help;agent'= {
        }
        &'znode;help;history'= {
            cand show 'Show one run again, exactly as stored'
            cand diff 'What got worse, recovered, or is new between two runs'
            cand import 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
        }
        &'znode;help;history;show'= {
        }
        &'znode;help;history;diff'= {
        }
        &'znode;help;history;import'= {
        }
        &'znode;help;completions'= {
        }
        &'znode;help;man'= {
        }
        &'znode;help;doctor'= {
        }
        &'znode;help;version'= {
        }
        &'znode;help;help'= {
        }
    ]
    $completions[$command]
}
