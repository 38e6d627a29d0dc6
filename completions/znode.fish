# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_znode_global_optspecs
    string join \n c/config= store= timezone= node= lang= color= h/help V/version
end

function __fish_znode_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_znode_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_znode_using_subcommand
    set -l cmd (__fish_znode_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c znode -n "__fish_znode_needs_command" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_needs_command" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_needs_command" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_needs_command" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_needs_command" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_needs_command" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_needs_command" -s V -l version -d 'Print version'
complete -c znode -n "__fish_znode_needs_command" -f -a "init" -d 'Write a complete sample node (znode.yaml and the check pack) into DIR'
complete -c znode -n "__fish_znode_needs_command" -f -a "inspect" -d 'Run the inspection (巡检): every selected check, stored in the history'
complete -c znode -n "__fish_znode_needs_command" -f -a "probe" -d 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`'
complete -c znode -n "__fish_znode_needs_command" -f -a "incident" -d 'Incidents and support requests (事件/工单) with their service-level clocks'
complete -c znode -n "__fish_znode_needs_command" -f -a "backup" -d 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)'
complete -c znode -n "__fish_znode_needs_command" -f -a "report" -d 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告'
complete -c znode -n "__fish_znode_needs_command" -f -a "notify" -d 'Notification channels: test one, flush the outbox, list it'
complete -c znode -n "__fish_znode_needs_command" -f -a "record" -d 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods'
complete -c znode -n "__fish_znode_needs_command" -f -a "watch" -d 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes'
complete -c znode -n "__fish_znode_needs_command" -f -a "alert" -d 'The watcher\'s alerts: list them, acknowledge one'
complete -c znode -n "__fish_znode_needs_command" -f -a "silence" -d 'Silence alerts for a while (a change, maintenance work): add, list, expire'
complete -c znode -n "__fish_znode_needs_command" -f -a "serve" -d 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents'
complete -c znode -n "__fish_znode_needs_command" -f -a "playbook" -d 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review'
complete -c znode -n "__fish_znode_needs_command" -f -a "sync" -d 'Version sync (版本同步): releases through their ten steps; versions against the province\'s'
complete -c znode -n "__fish_znode_needs_command" -f -a "logs" -d 'Log engine: scan, audit, top (templates), archive, purge'
complete -c znode -n "__fish_znode_needs_command" -f -a "data" -d 'The base libraries\' data (SPEC R8): reconcile two tables (diff)'
complete -c znode -n "__fish_znode_needs_command" -f -a "access" -d 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review'
complete -c znode -n "__fish_znode_needs_command" -f -a "checks" -d 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)'
complete -c znode -n "__fish_znode_needs_command" -f -a "config" -d 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)'
complete -c znode -n "__fish_znode_needs_command" -f -a "fleet" -d 'The node\'s hosts: list the inventory, ping them over ssh, push znode to them'
complete -c znode -n "__fish_znode_needs_command" -f -a "agent" -d 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)'
complete -c znode -n "__fish_znode_needs_command" -f -a "history" -d 'List past runs, show one again, or compare two'
complete -c znode -n "__fish_znode_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c znode -n "__fish_znode_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c znode -n "__fish_znode_needs_command" -f -a "doctor" -d 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix'
complete -c znode -n "__fish_znode_needs_command" -f -a "version" -d 'Print the version; with --verbose the commit, target, glibc needed and store schema'
complete -c znode -n "__fish_znode_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand init" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand init" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand init" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand init" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand init" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand init" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand init" -l force -d 'Overwrite files that already exist'
complete -c znode -n "__fish_znode_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand inspect" -l system -d 'Only checks of these systems (repeat or comma-separate)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l category -d 'Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability, 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business, 日志审计/log-review, 备份检查/backup, 数据质量检查/data-quality' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l tag -d 'Only checks with any of these tags' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l check -d 'Only these checks, by id' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l host -d 'Only on these inventory hosts or groups (`local`: the machine znode runs on)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l forks -d 'Hosts inspected at once over ssh (overrides `fleet.forks`)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -s j -l jobs -d 'Checks running at once (overrides `defaults.jobs`)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l timeout -d 'Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -s f -l format -d 'Output format' -r -f -a "table\t'A table per inspection category, for people'
json\t'The stable JSON schema documented in the README'
nagios\t'A Nagios plugin result: status line, perfdata, long output'
prometheus\t'Prometheus text exposition format'"
complete -c znode -n "__fish_znode_using_subcommand inspect" -l textfile-dir -d 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter\'s textfile collector (written beside, then renamed: never half a file)' -r -F
complete -c znode -n "__fish_znode_using_subcommand inspect" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand inspect" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand inspect" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand inspect" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand inspect" -l open-incidents -d 'Open an incident (or add to the open one) for each check that is CRIT'
complete -c znode -n "__fish_znode_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand probe" -s s -l set -d 'A probe parameter as in a check file, e.g. `--set path=/health --set \'status=[200, 302]\'`' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l warn -d 'WARNING range (Nagios syntax) on the probe\'s primary metric' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l crit -d 'CRITICAL range (Nagios syntax) on the probe\'s primary metric' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l threshold -d 'Ranges on any metric: `--threshold cert_days_left=30:,7:` (warn,crit; either may be empty)' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -s t -l timeout -d 'Time the probe has' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l username -d 'User for basic auth or the database' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l password-env -d 'Environment variable holding the password' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l token-env -d 'Environment variable holding a bearer token' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -s f -l format -d 'Output: nagios (a plugin line) or json (the outcome)' -r -f -a "nagios\t'`KIND STATUS: text | perfdata`'
json\t'The outcome as JSON'"
complete -c znode -n "__fish_znode_using_subcommand probe" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand probe" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand probe" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand probe" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand probe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "open" -d 'Open an incident or a support request'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "ack" -d 'Acknowledge it: the response clock stops'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "update" -d 'Add a progress note'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "resolve" -d 'Service restored: the restore clock stops'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "close" -d 'Close it'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "review" -d 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "list" -d 'Incidents with their clocks and breaches'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "show" -d 'One incident and its timeline'
complete -c znode -n "__fish_znode_using_subcommand incident; and not __fish_seen_subcommand_from open ack update resolve close review list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l type -d 'Type: 咨询, 故障, 专项任务, 数据统计, 投诉' -r -f -a "咨询\t''
故障\t''
专项任务\t''
数据统计\t''
投诉\t''
表扬\t''"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l severity -d 'Severity: 一般, 较大, 重大, 特别重大' -r -f -a "一般\t''
较大\t''
重大\t''
特别重大\t''"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l system -d 'The system concerned' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l by -d 'Who reported it' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l assignee -d 'Who handles it' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l at -d 'When it was reported (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l note -d 'What was done' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l by -d 'Who' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l at -d 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l note -d 'What was done' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l by -d 'Who' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l at -d 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l note -d 'What was done' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l by -d 'Who' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l at -d 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l note -d 'What was done' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l by -d 'Who' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l at -d 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l impact -d '现象及影响范围: what was seen and who or what was affected' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l cause -d '原因分析: why it happened' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l measures -d '处置措施: what was done to restore service' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l cleanup -d '清理现场: what was cleaned up afterwards (temporary changes undone, scratch data removed)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l prevention -d '整改和预防措施: what keeps it from happening again' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l notified -d '通报情况: who was informed, when and how' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l by -d 'Who' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l at -d 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l since -d 'Only those opened within this time' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -l open -d 'Only those not closed'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open an incident or a support request'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "ack" -d 'Acknowledge it: the response clock stops'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "update" -d 'Add a progress note'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "resolve" -d 'Service restored: the restore clock stops'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close it'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "review" -d 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "list" -d 'Incidents with their clocks and breaches'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "show" -d 'One incident and its timeline'
complete -c znode -n "__fish_znode_using_subcommand incident; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -f -a "verify" -d 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -f -a "seal" -d 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -f -a "status" -d 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -f -a "take" -d 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
complete -c znode -n "__fish_znode_using_subcommand backup; and not __fish_seen_subcommand_from verify seal status take help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l timeout -d 'Time a policy\'s verification may take' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -s f -l format -d 'Output format' -r -f -a "table\t'A table per inspection category, for people'
json\t'The stable JSON schema documented in the README'
nagios\t'A Nagios plugin result: status line, perfdata, long output'
prometheus\t'Prometheus text exposition format'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l textfile-dir -d 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter\'s textfile collector (written beside, then renamed: never half a file)' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l all -d 'Check the checksum and structure of every kept backup, not only the newest'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -l deep -d 'Also restore the newest backup into a scratch database and check its invariants (rung 7)'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -l force -d 'Overwrite an empty or damaged checksum file with the file\'s hash as it is now (check the backup first: a corrupted file would be sealed as good)'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from seal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from take" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "seal" -d 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "status" -d 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "take" -d 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
complete -c znode -n "__fish_znode_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "inspection" -d 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "weekly" -d '运行维护周报 of an ISO week (default: last week)'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "monthly" -d '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "quarterly" -d '运行维护季报 of a quarter (default: last quarter)'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "half-year" -d '运行维护半年报 of a half-year (default: the last one)'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "data-quality" -d '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "incident" -d '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "drill" -d '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "sync" -d '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province\'s'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "guard" -d '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
complete -c znode -n "__fish_znode_using_subcommand report; and not __fish_seen_subcommand_from inspection weekly monthly quarterly half-year data-quality incident drill sync guard help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from inspection" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -s p -l period -d 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l as-of -d 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l at -d 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from weekly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -s p -l period -d 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l as-of -d 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l at -d 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from monthly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s p -l period -d 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l as-of -d 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l at -d 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from quarterly" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -s p -l period -d 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l as-of -d 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l at -d 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from half-year" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -s p -l period -d 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l as-of -d 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l at -d 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from data-quality" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l at -d 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault\'s brief by it) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from incident" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l at -d 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault\'s brief by it) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from drill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l at -d 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault\'s brief by it) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l at -d 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault\'s brief by it) [default: now]' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -s f -l format -d 'Output format' -r -f -a "md\t'Markdown (charts as SVG files beside it)'
html\t'One self-contained HTML page: inline CSS and SVG charts; prints on A4'
docx\t'Word: a cover page, headings, tables, charts as PNG, East-Asian fonts'
json\t'The report\'s data model as JSON, for scripts (`znode.report/v1`)'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -s o -l output -d 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l send -d 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from guard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "inspection" -d 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "weekly" -d '运行维护周报 of an ISO week (default: last week)'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "monthly" -d '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "quarterly" -d '运行维护季报 of a quarter (default: last quarter)'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "half-year" -d '运行维护半年报 of a half-year (default: the last one)'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "data-quality" -d '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "incident" -d '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "drill" -d '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "sync" -d '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province\'s'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "guard" -d '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
complete -c znode -n "__fish_znode_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -f -a "test" -d 'Send a test message to a channel'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -f -a "flush" -d 'Send the messages waiting in the outbox; those that fail stay for the next flush'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -f -a "list" -d 'The messages waiting in the outbox, with their attempts and last error'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -f -a "drop" -d 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
complete -c znode -n "__fish_znode_using_subcommand notify; and not __fish_seen_subcommand_from test flush list drop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from drop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message to a channel'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Send the messages waiting in the outbox; those that fail stay for the next flush'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "list" -d 'The messages waiting in the outbox, with their attempts and last error'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "drop" -d 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
complete -c znode -n "__fish_znode_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "satisfaction" -d 'A month\'s satisfaction survey (满意度调查): respondents and how many were satisfied'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "training" -d 'A training session (培训) given to users'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "operation" -d 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "guard" -d 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "list" -d 'The records, newest first'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "remove" -d 'Remove a record entered by mistake'
complete -c znode -n "__fish_znode_using_subcommand record; and not __fish_seen_subcommand_from satisfaction training operation guard list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l month -d 'The month surveyed, e.g. 2026-11; default this month' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l surveyed -d 'Respondents' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l satisfied -d 'Respondents satisfied (满意 or 基本满意)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l feedback -d 'Feedback worth reporting (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l by -d 'Who records it' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -l replace -d 'Replace the survey already recorded for the month'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from satisfaction" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l at -d 'When it took place: `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l attendees -d 'How many attended' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l hours -d 'Length in hours' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l trainer -d 'Who taught it' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l audience -d 'Who it was for (units or roles)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l by -d 'Who records it' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from training" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l count -d 'How many items' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l unit -d 'What the count counts, e.g. 类, 个, 件' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l at -d 'When: `YYYY-MM-DD HH:MM`; default now' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l by -d 'Who records it' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from operation" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l from -d 'Start: `YYYY-MM-DD HH:MM`' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l until -d 'End: `YYYY-MM-DD HH:MM`' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l people -d 'Who is on watch (repeat, or comma-separated)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l scope -d 'Systems or hosts in scope, in words' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l measure -d 'Measures beyond the routine (repeat): 深度巡检, 7×24 值守, ...' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l by -d 'Who records it' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from guard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l kind -d 'Only this kind' -r -f -a "satisfaction\t'满意度调查'
training\t'培训'
operation\t'业务运营'
guard\t'重要时刻保障'
drill-review\t'演练复盘'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "satisfaction" -d 'A month\'s satisfaction survey (满意度调查): respondents and how many were satisfied'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "training" -d 'A training session (培训) given to users'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "operation" -d 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "guard" -d 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "list" -d 'The records, newest first'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a record entered by mistake'
complete -c znode -n "__fish_znode_using_subcommand record; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand watch" -l profile -d 'The profile: `normal`, or one under `watch.profiles` (e.g. 重保: shorter intervals, the escalation chain)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l until -d 'When the profile ends and `normal` takes over, e.g. "2027-02-10 18:00"' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l system -d 'Only checks of these systems' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l category -d 'Only these categories (日常检查 or daily, ...)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l tag -d 'Only checks with any of these tags' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l check -d 'Only these checks, by id' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l host -d 'Only on these inventory hosts or groups' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -s j -l jobs -d 'Checks running at once (overrides `defaults.jobs`)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand watch" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand watch" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand watch" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -f -a "list" -d 'The watcher\'s alerts: firing ones, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -f -a "ack" -d 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
complete -c znode -n "__fish_znode_using_subcommand alert; and not __fish_seen_subcommand_from list ack help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -l all -d 'Every alert, OK ones too'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l by -d 'Who takes it (default: $ZNODE_OPERATOR, $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l note -d 'What is being done' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from help" -f -a "list" -d 'The watcher\'s alerts: firing ones, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from help" -f -a "ack" -d 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
complete -c znode -n "__fish_znode_using_subcommand alert; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "add" -d 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "list" -d 'Silences in force, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "expire" -d 'End a silence now'
complete -c znode -n "__fish_znode_using_subcommand silence; and not __fish_seen_subcommand_from add list expire help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l for -d 'How long, e.g. 2h' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l reason -d 'Why: the change ticket (变更单号) or the work being done' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l by -d 'Who sets it (default: $ZNODE_OPERATOR, $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -l all -d 'Expired ones too'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from expire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "add" -d 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "list" -d 'Silences in force, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "expire" -d 'End a silence now'
complete -c znode -n "__fish_znode_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand serve" -l listen -d 'Address to listen on (loopback by default; publish it through the intranet\'s reverse proxy)' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l user -d 'Ask for this user name (basic auth), with the password from --password-env or --password-file' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l password-env -d 'Environment variable holding the password' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l password-file -d 'File holding the password' -r -F
complete -c znode -n "__fish_znode_using_subcommand serve" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand serve" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand serve" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand serve" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "list" -d 'The playbooks: shipped ones and those in the config\'s playbooks/ folder'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "show" -d 'A playbook\'s phases and steps, with the commands its variables make'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "run" -d 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "drill" -d 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "resume" -d 'Continue a run that paused or was killed, at the step it stopped at'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "log" -d 'A run\'s journal as a timeline, with the time spent per phase'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "review" -d 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
complete -c znode -n "__fish_znode_using_subcommand playbook; and not __fish_seen_subcommand_from list show run drill resume log review help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l set -d 'A variable: NAME=VALUE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l set -d 'A variable: NAME=VALUE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l confirm -d 'Confirm this destructive step in advance (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l answer -d 'Answer a decision in advance: STEP=CHOICE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l by -d 'Who is running it (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -l dry-run -d 'Walk the plan and print every step with its variables filled in; run nothing'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer the confirmations of manual steps (never a destructive one)'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l set -d 'A variable: NAME=VALUE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l confirm -d 'Confirm this destructive step in advance (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l answer -d 'Answer a decision in advance: STEP=CHOICE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l by -d 'Who is running it (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l evaluation -d 'The drill\'s evaluation, asked at the end on a terminal' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -l dry-run -d 'Walk the plan and print every step with its variables filled in; run nothing'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -s y -l yes -d 'Answer the confirmations of manual steps (never a destructive one)'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from drill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l completed -d 'Whether the step the run stopped at had completed: `yes` records it as done (also for a step that failed or paused and was then carried out by hand), `no` runs it again' -r -f -a "yes\t''
no\t''"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l evaluation -d 'A drill\'s evaluation, asked at the end on a terminal (drills only)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l confirm -d 'Confirm this destructive step in advance (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l answer -d 'Answer a decision in advance: STEP=CHOICE' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l by -d 'Who is running it (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -l wait -d 'When the stopped step\'s command still runs (znode was killed), wait for it to end instead of refusing'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer the confirmations of manual steps (never a destructive one)'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l scenario -d 'The scenario as played (演练场景)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l participant -d 'A participant and their role: NAME=ROLE, e.g. 张三=指挥 (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l finding -d 'A problem or shortcoming of the plan found (预案问题与不足; repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l revision -d 'A revision of the plan decided (预案修订; repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l by -d 'Who records it' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'The playbooks: shipped ones and those in the config\'s playbooks/ folder'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'A playbook\'s phases and steps, with the commands its variables make'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "drill" -d 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Continue a run that paused or was killed, at the step it stopped at'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "log" -d 'A run\'s journal as a timeline, with the time spent per phase'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "review" -d 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
complete -c znode -n "__fish_znode_using_subcommand playbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "start" -d 'Open a release record for a version of the province\'s standard edition'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "done" -d 'Record a step (1-5, 7, 8, 10) as done, in order'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "run" -d 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "rollback-plan" -d 'Record the rollback plan; step 9 cannot start without one'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "signoff" -d 'Record a key user\'s verification sign-off (needed for step 10)'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "status" -d 'Each release\'s progress through the ten steps'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "versions" -d 'The version each system runs beside the province\'s declared one, and who is behind'
complete -c znode -n "__fish_znode_using_subcommand sync; and not __fish_seen_subcommand_from start done run rollback-plan signoff status versions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l title -d 'A title (default: 版本同步 VERSION)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l by -d 'Who (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l note -d 'What was done (goals, survey findings, test results...)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l by -d 'Who (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l set -d 'A playbook variable: NAME=VALUE' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l confirm -d 'Confirm this destructive step in advance (repeat for several)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l answer -d 'Answer a decision in advance: STEP=CHOICE' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l by -d 'Who is running it (default: $USER)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer the confirmations of manual steps (never a destructive one)'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l file -d 'The plan, in a file' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l text -d 'The plan, inline' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from rollback-plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l user -d 'The key user who verified' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l comment -d 'What they checked' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from signoff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "start" -d 'Open a release record for a version of the province\'s standard edition'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "done" -d 'Record a step (1-5, 7, 8, 10) as done, in order'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "run" -d 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "rollback-plan" -d 'Record the rollback plan; step 9 cannot start without one'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "signoff" -d 'Record a key user\'s verification sign-off (needed for step 10)'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "status" -d 'Each release\'s progress through the ten steps'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "versions" -d 'The version each system runs beside the province\'s declared one, and who is behind'
complete -c znode -n "__fish_znode_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "scan" -d 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule\'s warn/crit and stored as a run'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "audit" -d 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "top" -d 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "archive" -d 'Compress logs older than their policy\'s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "purge" -d 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "rules" -d 'The rules in force: the shipped ones with the config\'s on top, each with its pattern and how it judges'
complete -c znode -n "__fish_znode_using_subcommand logs; and not __fish_seen_subcommand_from scan audit top archive purge rules help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l since -d 'Look back this far from now' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l from -d 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node\'s timezone' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l to -d 'Window end (exclusive), as --from' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l system -d 'Only sources of these systems' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l source -d 'Only these sources' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l timeout -d 'Time a source\'s scan may take' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -s f -l format -d 'Output format' -r -f -a "table\t'A table per inspection category, for people'
json\t'The stable JSON schema documented in the README'
nagios\t'A Nagios plugin result: status line, perfdata, long output'
prometheus\t'Prometheus text exposition format'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l textfile-dir -d 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter\'s textfile collector (written beside, then renamed: never half a file)' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -l incremental -d 'Read only what was written since the last incremental run (per file, surviving rotation)'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l since -d 'Look back this far from now' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l from -d 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node\'s timezone' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l to -d 'Window end (exclusive), as --from' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l system -d 'Only sources of these systems' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l source -d 'Only these sources' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l timeout -d 'Time a source\'s scan may take' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -s f -l format -d 'Output format' -r -f -a "table\t'A table per inspection category, for people'
json\t'The stable JSON schema documented in the README'
nagios\t'A Nagios plugin result: status line, perfdata, long output'
prometheus\t'Prometheus text exposition format'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l textfile-dir -d 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter\'s textfile collector (written beside, then renamed: never half a file)' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l incremental -d 'Read only what was written since the last incremental run (per file, surviving rotation)'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -l learn -d 'Only learn: add every account, address or value the window holds to the baselines of the `new:` rules (what "new" is judged against), report no finding, store no run and exit 0; for a node\'s first audit over its past logs'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l since -d 'Look back this far from now' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l from -d 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node\'s timezone' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l to -d 'Window end (exclusive), as --from' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l system -d 'Only sources of these systems' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l source -d 'Only these sources' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -s n -l limit -d 'Templates shown per source' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -l apply -d 'Do it; without this, only show what would be done'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from archive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l policy -d 'Only these policies' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -l apply -d 'Do it; without this, only show what would be done'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l log-format -d 'Only rules that apply to this log format (java, nginx-access, auth, postgres, ...)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -l patterns -d 'Show each rule\'s regex too'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule\'s warn/crit and stored as a run'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "audit" -d 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "top" -d 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "archive" -d 'Compress logs older than their policy\'s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "rules" -d 'The rules in force: the shipped ones with the config\'s on top, each with its pattern and how it judges'
complete -c znode -n "__fish_znode_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -f -a "diff" -d 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
complete -c znode -n "__fish_znode_using_subcommand data; and not __fish_seen_subcommand_from diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s k -l key -d 'The integer key column, the same on both sides' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s C -l columns -d 'Columns to compare besides the key (default: every column both tables have)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s j -l jobs -d 'Connections per side, each comparing one key range at a time' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l bisection-factor -d 'Segments a mismatching key range is split into' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l bisection-threshold -d 'A key range with fewer rows than this is compared row by row' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l timeout -d 'Time each statement may take on the server' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l list -d 'Keys listed per kind of difference (the counts are always complete)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
complete -c znode -n "__fish_znode_using_subcommand data; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -f -a "review" -d 'Run the `access` checks on their hosts (stored as a run), list each host\'s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -f -a "reviews" -d 'The recorded reviews, newest first'
complete -c znode -n "__fish_znode_using_subcommand access; and not __fish_seen_subcommand_from review reviews help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l check -d 'Only these access checks' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l host -d 'Only on these hosts or groups (`local` is the jump host)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l note -d 'A note kept with the review (ticket, what was decided)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l by -d 'Who reviews (default: $ZNODE_OPERATOR, then the login)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -l no-record -d 'Compare and show, but do not record this as a review (the run is stored all the same)'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l limit -d 'How many' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from reviews" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "review" -d 'Run the `access` checks on their hosts (stored as a run), list each host\'s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "reviews" -d 'The recorded reviews, newest first'
complete -c znode -n "__fish_znode_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -f -a "list" -d 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -f -a "explain" -d 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
complete -c znode -n "__fish_znode_using_subcommand checks; and not __fish_seen_subcommand_from list explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l category -d 'Only these categories (中文 or English names)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l system -d 'Only these systems' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l kind -d 'Only these probe kinds' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -l all -d 'Disabled checks too'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from help" -f -a "list" -d 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from help" -f -a "explain" -d 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
complete -c znode -n "__fish_znode_using_subcommand checks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "check" -d 'Validate znode.yaml and every check file; report all problems with file:line:column'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "snapshot" -d 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host\'s first snapshot becomes its baseline'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "drift" -d 'Compare each host\'s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "accept" -d 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "baselines" -d 'The baselines accepted, newest first: who, when, under which ticket'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "compare" -d 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
complete -c znode -n "__fish_znode_using_subcommand config; and not __fish_seen_subcommand_from check snapshot drift accept baselines compare help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l check -d 'Only these drift checks' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l host -d 'Only on these hosts or groups (`local` is the jump host)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l by -d 'Who takes it (default: $ZNODE_OPERATOR, then the login)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l check -d 'Only these drift checks' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l host -d 'Only on these hosts or groups (`local` is the jump host)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -l no-diff -d 'Leave out the unified diffs of changed text'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from drift" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l ticket -d 'The change ticket (变更单号) the accepted changes were made under' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l check -d 'Only these drift checks' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l host -d 'Only on these hosts (`local` is the jump host)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l run -d 'Accept the snapshots of this run (the one `config drift` showed) rather than the newest, so a change made since is not accepted unseen' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l by -d 'Who accepts (default: $ZNODE_OPERATOR, then the login)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l limit -d 'How many acceptances' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from baselines" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l check -d 'Only these drift checks' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l host -d 'Only on these hosts or groups (`local` is the jump host)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate znode.yaml and every check file; report all problems with file:line:column'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host\'s first snapshot becomes its baseline'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "drift" -d 'Compare each host\'s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "baselines" -d 'The baselines accepted, newest first: who, when, under which ticket'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
complete -c znode -n "__fish_znode_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -f -a "hosts" -d 'The inventory: every host with its address, login, groups and systems'
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -f -a "ping" -d 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -f -a "push" -d 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
complete -c znode -n "__fish_znode_using_subcommand fleet; and not __fish_seen_subcommand_from hosts ping push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -s f -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from hosts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l host -d 'Only these hosts or groups (default: every host)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -s f -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from ping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l host -d 'Only these hosts or groups (default: every host)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -s f -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l binary -d 'The binary to install, e.g. the portable glibc 2.17 build [default: this znode]' -r -F
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "hosts" -d 'The inventory: every host with its address, login, groups and systems'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "ping" -d 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "push" -d 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
complete -c znode -n "__fish_znode_using_subcommand fleet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand agent" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand agent" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand agent" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand agent" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand agent" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand agent" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand agent" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -s n -l limit -d 'How many runs to list' -r
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -s f -l format -d 'Output format of the list' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -f -a "show" -d 'Show one run again, exactly as stored'
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -f -a "diff" -d 'What got worse, recovered, or is new between two runs'
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -f -a "import" -d 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
complete -c znode -n "__fish_znode_using_subcommand history; and not __fish_seen_subcommand_from show diff import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -s f -l format -d 'Output format' -r -f -a "table\t'A table per inspection category, for people'
json\t'The stable JSON schema documented in the README'
nagios\t'A Nagios plugin result: status line, perfdata, long output'
prometheus\t'Prometheus text exposition format'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -s f -l format -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -l all -d 'Also list checks that fail in both runs (the table shows only their count)'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l at -d 'When the inspection was made: `YYYY-MM-DD HH:MM` in the node\'s timezone' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l by -d 'Who enters it' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l note -d 'What it was: the paper record\'s number, who inspected' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one run again, exactly as stored'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "diff" -d 'What got worse, recovered, or is new between two runs'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "import" -d 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
complete -c znode -n "__fish_znode_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand completions" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand completions" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand completions" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand completions" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand completions" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand completions" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand man" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand man" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand man" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand man" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand man" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand man" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand doctor" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand doctor" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand doctor" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand doctor" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand doctor" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand doctor" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand doctor" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand version" -s f -l format -d 'Output: table or json' -r -f -a "table\t'A table for people'
json\t'JSON for scripts'"
complete -c znode -n "__fish_znode_using_subcommand version" -s c -l config -d 'Configuration file [default: ./znode.yaml]' -r -F
complete -c znode -n "__fish_znode_using_subcommand version" -l store -d 'History store: a SQLite path or postgres:// URL (overrides `store:`)' -r
complete -c znode -n "__fish_znode_using_subcommand version" -l timezone -d 'Display timezone, IANA name (overrides `timezone:`)' -r
complete -c znode -n "__fish_znode_using_subcommand version" -l node -d 'Node name shown in outputs (overrides `node:`)' -r
complete -c znode -n "__fish_znode_using_subcommand version" -l lang -d 'Language of tables and messages for people' -r -f -a "zh\t'中文 (default)'
en\t'English'"
complete -c znode -n "__fish_znode_using_subcommand version" -l color -d 'When to colour tables' -r -f -a "auto\t'On a terminal, unless NO_COLOR is set'
always\t'Always'
never\t'Never'"
complete -c znode -n "__fish_znode_using_subcommand version" -s v -l verbose -d 'Also the commit, target, compiler, glibc needed and store schema'
complete -c znode -n "__fish_znode_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "init" -d 'Write a complete sample node (znode.yaml and the check pack) into DIR'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "inspect" -d 'Run the inspection (巡检): every selected check, stored in the history'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "probe" -d 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "incident" -d 'Incidents and support requests (事件/工单) with their service-level clocks'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "backup" -d 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "report" -d 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "notify" -d 'Notification channels: test one, flush the outbox, list it'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "record" -d 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "watch" -d 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "alert" -d 'The watcher\'s alerts: list them, acknowledge one'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "silence" -d 'Silence alerts for a while (a change, maintenance work): add, list, expire'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "serve" -d 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "playbook" -d 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "sync" -d 'Version sync (版本同步): releases through their ten steps; versions against the province\'s'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "logs" -d 'Log engine: scan, audit, top (templates), archive, purge'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "data" -d 'The base libraries\' data (SPEC R8): reconcile two tables (diff)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "access" -d 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "checks" -d 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "config" -d 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "fleet" -d 'The node\'s hosts: list the inventory, ping them over ssh, push znode to them'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "agent" -d 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "history" -d 'List past runs, show one again, or compare two'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "completions" -d 'Print shell completions'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "man" -d 'Print the man page (roff)'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "doctor" -d 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "version" -d 'Print the version; with --verbose the commit, target, glibc needed and store schema'
complete -c znode -n "__fish_znode_using_subcommand help; and not __fish_seen_subcommand_from init inspect probe incident backup report notify record watch alert silence serve playbook sync logs data access checks config fleet agent history completions man doctor version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "open" -d 'Open an incident or a support request'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "ack" -d 'Acknowledge it: the response clock stops'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "update" -d 'Add a progress note'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "resolve" -d 'Service restored: the restore clock stops'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "close" -d 'Close it'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "review" -d 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "list" -d 'Incidents with their clocks and breaches'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from incident" -f -a "show" -d 'One incident and its timeline'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "verify" -d 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "seal" -d 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "status" -d 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "take" -d 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "inspection" -d 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "weekly" -d '运行维护周报 of an ISO week (default: last week)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "monthly" -d '运行维护月报 of a month (default: last month), with the 考核 self-assessment'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "quarterly" -d '运行维护季报 of a quarter (default: last quarter)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "half-year" -d '运行维护半年报 of a half-year (default: the last one)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "data-quality" -d '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "incident" -d '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "drill" -d '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "sync" -d '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province\'s'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "guard" -d '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "test" -d 'Send a test message to a channel'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "flush" -d 'Send the messages waiting in the outbox; those that fail stay for the next flush'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "list" -d 'The messages waiting in the outbox, with their attempts and last error'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "drop" -d 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "satisfaction" -d 'A month\'s satisfaction survey (满意度调查): respondents and how many were satisfied'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "training" -d 'A training session (培训) given to users'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "operation" -d 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "guard" -d 'A 重保 period (重要时刻保障): a major event or holiday kept under watch'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "list" -d 'The records, newest first'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from record" -f -a "remove" -d 'Remove a record entered by mistake'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from alert" -f -a "list" -d 'The watcher\'s alerts: firing ones, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from alert" -f -a "ack" -d 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "add" -d 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "list" -d 'Silences in force, or all with --all'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "expire" -d 'End a silence now'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "list" -d 'The playbooks: shipped ones and those in the config\'s playbooks/ folder'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "show" -d 'A playbook\'s phases and steps, with the commands its variables make'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "run" -d 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "drill" -d 'Run a playbook as a drill (演练): time per phase, an evaluation at the end'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "resume" -d 'Continue a run that paused or was killed, at the step it stopped at'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "log" -d 'A run\'s journal as a timeline, with the time spent per phase'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from playbook" -f -a "review" -d 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "start" -d 'Open a release record for a version of the province\'s standard edition'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "done" -d 'Record a step (1-5, 7, 8, 10) as done, in order'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "run" -d 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "rollback-plan" -d 'Record the rollback plan; step 9 cannot start without one'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "signoff" -d 'Record a key user\'s verification sign-off (needed for step 10)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "status" -d 'Each release\'s progress through the ten steps'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "versions" -d 'The version each system runs beside the province\'s declared one, and who is behind'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "scan" -d 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule\'s warn/crit and stored as a run'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "audit" -d 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "top" -d 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "archive" -d 'Compress logs older than their policy\'s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "purge" -d 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "rules" -d 'The rules in force: the shipped ones with the config\'s on top, each with its pattern and how it judges'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from data" -f -a "diff" -d 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "review" -d 'Run the `access` checks on their hosts (stored as a run), list each host\'s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "reviews" -d 'The recorded reviews, newest first'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from checks" -f -a "list" -d 'The checks: category, item, id, title, probe kind, system, hosts, waiver'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from checks" -f -a "explain" -d 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate znode.yaml and every check file; report all problems with file:line:column'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "snapshot" -d 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host\'s first snapshot becomes its baseline'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "drift" -d 'Compare each host\'s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "accept" -d 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "baselines" -d 'The baselines accepted, newest first: who, when, under which ticket'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "compare" -d 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from fleet" -f -a "hosts" -d 'The inventory: every host with its address, login, groups and systems'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from fleet" -f -a "ping" -d 'Whether each host answers over ssh: its name, znode version, clock offset and sudo'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from fleet" -f -a "push" -d 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "show" -d 'Show one run again, exactly as stored'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "diff" -d 'What got worse, recovered, or is new between two runs'
complete -c znode -n "__fish_znode_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "import" -d 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)'
