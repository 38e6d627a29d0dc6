
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'znode' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'znode'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'znode' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a complete sample node (znode.yaml and the check pack) into DIR')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Run the inspection (巡检): every selected check, stored in the history')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'Incidents and support requests (事件/工单) with their service-level clocks')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notification channels: test one, flush the outbox, list it')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes')
            [CompletionResult]::new('alert', 'alert', [CompletionResultType]::ParameterValue, 'The watcher''s alerts: list them, acknowledge one')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Silence alerts for a while (a change, maintenance work): add, list, expire')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents')
            [CompletionResult]::new('playbook', 'playbook', [CompletionResultType]::ParameterValue, 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Version sync (版本同步): releases through their ten steps; versions against the province''s')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Log engine: scan, audit, top (templates), archive, purge')
            [CompletionResult]::new('data', 'data', [CompletionResultType]::ParameterValue, 'The base libraries'' data (SPEC R8): reconcile two tables (diff)')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)')
            [CompletionResult]::new('fleet', 'fleet', [CompletionResultType]::ParameterValue, 'The node''s hosts: list the inventory, ping them over ssh, push znode to them')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List past runs, show one again, or compare two')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version; with --verbose the commit, target, glibc needed and store schema')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;init' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files that already exist')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;inspect' {
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only checks of these systems (repeat or comma-separate)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability, 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business, 日志审计/log-review, 备份检查/backup, 数据质量检查/data-quality')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only checks with any of these tags')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks, by id')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these inventory hosts or groups (`local`: the machine znode runs on)')
            [CompletionResult]::new('--forks', '--forks', [CompletionResultType]::ParameterName, 'Hosts inspected at once over ssh (overrides `fleet.forks`)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Checks running at once (overrides `defaults.jobs`)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Checks running at once (overrides `defaults.jobs`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--textfile-dir', '--textfile-dir', [CompletionResultType]::ParameterName, 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--open-incidents', '--open-incidents', [CompletionResultType]::ParameterName, 'Open an incident (or add to the open one) for each check that is CRIT')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;probe' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'A probe parameter as in a check file, e.g. `--set path=/health --set ''status=[200, 302]''`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A probe parameter as in a check file, e.g. `--set path=/health --set ''status=[200, 302]''`')
            [CompletionResult]::new('--warn', '--warn', [CompletionResultType]::ParameterName, 'WARNING range (Nagios syntax) on the probe''s primary metric')
            [CompletionResult]::new('--crit', '--crit', [CompletionResultType]::ParameterName, 'CRITICAL range (Nagios syntax) on the probe''s primary metric')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Ranges on any metric: `--threshold cert_days_left=30:,7:` (warn,crit; either may be empty)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Time the probe has')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time the probe has')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'User for basic auth or the database')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Environment variable holding the password')
            [CompletionResult]::new('--token-env', '--token-env', [CompletionResultType]::ParameterName, 'Environment variable holding a bearer token')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: nagios (a plugin line) or json (the outcome)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: nagios (a plugin line) or json (the outcome)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident or a support request')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge it: the response clock stops')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add a progress note')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Service restored: the restore clock stops')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close it')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents with their clocks and breaches')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One incident and its timeline')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;incident;open' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Type: 咨询, 故障, 专项任务, 数据统计, 投诉')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Severity: 一般, 较大, 重大, 特别重大')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'The system concerned')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who reported it')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Who handles it')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was reported (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;ack' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;update' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;resolve' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;close' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;review' {
            [CompletionResult]::new('--impact', '--impact', [CompletionResultType]::ParameterName, '现象及影响范围: what was seen and who or what was affected')
            [CompletionResult]::new('--cause', '--cause', [CompletionResultType]::ParameterName, '原因分析: why it happened')
            [CompletionResult]::new('--measures', '--measures', [CompletionResultType]::ParameterName, '处置措施: what was done to restore service')
            [CompletionResult]::new('--cleanup', '--cleanup', [CompletionResultType]::ParameterName, '清理现场: what was cleaned up afterwards (temporary changes undone, scratch data removed)')
            [CompletionResult]::new('--prevention', '--prevention', [CompletionResultType]::ParameterName, '整改和预防措施: what keeps it from happening again')
            [CompletionResult]::new('--notified', '--notified', [CompletionResultType]::ParameterName, '通报情况: who was informed, when and how')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only those opened within this time')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only those not closed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;show' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;incident;help' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident or a support request')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge it: the response clock stops')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add a progress note')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Service restored: the restore clock stops')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close it')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents with their clocks and breaches')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One incident and its timeline')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;incident;help;open' {
            break
        }
        'znode;incident;help;ack' {
            break
        }
        'znode;incident;help;update' {
            break
        }
        'znode;incident;help;resolve' {
            break
        }
        'znode;incident;help;close' {
            break
        }
        'znode;incident;help;review' {
            break
        }
        'znode;incident;help;list' {
            break
        }
        'znode;incident;help;show' {
            break
        }
        'znode;incident;help;help' {
            break
        }
        'znode;backup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;backup;verify' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time a policy''s verification may take')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--textfile-dir', '--textfile-dir', [CompletionResultType]::ParameterName, 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Check the checksum and structure of every kept backup, not only the newest')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also restore the newest backup into a scratch database and check its invariants (rung 7)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;backup;seal' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an empty or damaged checksum file with the file''s hash as it is now (check the backup first: a corrupted file would be sealed as good)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;backup;status' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;backup;take' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;backup;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;backup;help;verify' {
            break
        }
        'znode;backup;help;seal' {
            break
        }
        'znode;backup;help;status' {
            break
        }
        'znode;backup;help;take' {
            break
        }
        'znode;backup;help;help' {
            break
        }
        'znode;report' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('inspection', 'inspection', [CompletionResultType]::ParameterValue, 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, '运行维护周报 of an ISO week (default: last week)')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, '运行维护月报 of a month (default: last month), with the 考核 self-assessment')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, '运行维护季报 of a quarter (default: last quarter)')
            [CompletionResult]::new('half-year', 'half-year', [CompletionResultType]::ParameterValue, '运行维护半年报 of a half-year (default: the last one)')
            [CompletionResult]::new('data-quality', 'data-quality', [CompletionResultType]::ParameterValue, '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;report;inspection' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;weekly' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;monthly' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;quarterly' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;half-year' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;data-quality' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one that has ended]')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report made again later gives the same figures [default: now]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (backfilling documents written before znode kept the record) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;incident' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;drill' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;sync' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;guard' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Record the document as handed in at this time (a brief written before znode kept the record; the 考核 judges a major fault''s brief by it) [default: now]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write it: a file, a folder (the dated file name in it), or `-` for stdout [default: a dated file name in the reports folder]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Send it once written: to these channels, or without names to `reports.send`. E-mail gets the HTML body and the file attached; robots a summary and where the file is. A send that fails stays in the outbox for `znode notify flush` (exit 2)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;report;help' {
            [CompletionResult]::new('inspection', 'inspection', [CompletionResultType]::ParameterValue, 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, '运行维护周报 of an ISO week (default: last week)')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, '运行维护月报 of a month (default: last month), with the 考核 self-assessment')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, '运行维护季报 of a quarter (default: last quarter)')
            [CompletionResult]::new('half-year', 'half-year', [CompletionResultType]::ParameterValue, '运行维护半年报 of a half-year (default: the last one)')
            [CompletionResult]::new('data-quality', 'data-quality', [CompletionResultType]::ParameterValue, '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;report;help;inspection' {
            break
        }
        'znode;report;help;weekly' {
            break
        }
        'znode;report;help;monthly' {
            break
        }
        'znode;report;help;quarterly' {
            break
        }
        'znode;report;help;half-year' {
            break
        }
        'znode;report;help;data-quality' {
            break
        }
        'znode;report;help;incident' {
            break
        }
        'znode;report;help;drill' {
            break
        }
        'znode;report;help;sync' {
            break
        }
        'znode;report;help;guard' {
            break
        }
        'znode;report;help;help' {
            break
        }
        'znode;notify' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a channel')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the messages waiting in the outbox; those that fail stay for the next flush')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting in the outbox, with their attempts and last error')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;notify;test' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;notify;flush' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;notify;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;notify;drop' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;notify;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a channel')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the messages waiting in the outbox; those that fail stay for the next flush')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting in the outbox, with their attempts and last error')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;notify;help;test' {
            break
        }
        'znode;notify;help;flush' {
            break
        }
        'znode;notify;help;list' {
            break
        }
        'znode;notify;help;drop' {
            break
        }
        'znode;notify;help;help' {
            break
        }
        'znode;record' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('satisfaction', 'satisfaction', [CompletionResultType]::ParameterValue, 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied')
            [CompletionResult]::new('training', 'training', [CompletionResultType]::ParameterValue, 'A training session (培训) given to users')
            [CompletionResult]::new('operation', 'operation', [CompletionResultType]::ParameterValue, 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'A 重保 period (重要时刻保障): a major event or holiday kept under watch')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The records, newest first')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a record entered by mistake')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;record;satisfaction' {
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'The month surveyed, e.g. 2026-11; default this month')
            [CompletionResult]::new('--surveyed', '--surveyed', [CompletionResultType]::ParameterName, 'Respondents')
            [CompletionResult]::new('--satisfied', '--satisfied', [CompletionResultType]::ParameterName, 'Respondents satisfied (满意 or 基本满意)')
            [CompletionResult]::new('--feedback', '--feedback', [CompletionResultType]::ParameterName, 'Feedback worth reporting (repeat for several)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace the survey already recorded for the month')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;training' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it took place: `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('--attendees', '--attendees', [CompletionResultType]::ParameterName, 'How many attended')
            [CompletionResult]::new('--hours', '--hours', [CompletionResultType]::ParameterName, 'Length in hours')
            [CompletionResult]::new('--trainer', '--trainer', [CompletionResultType]::ParameterName, 'Who taught it')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Who it was for (units or roles)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;operation' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many items')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'What the count counts, e.g. 类, 个, 件')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When: `YYYY-MM-DD HH:MM`; default now')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;guard' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start: `YYYY-MM-DD HH:MM`')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End: `YYYY-MM-DD HH:MM`')
            [CompletionResult]::new('--people', '--people', [CompletionResultType]::ParameterName, 'Who is on watch (repeat, or comma-separated)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Systems or hosts in scope, in words')
            [CompletionResult]::new('--measure', '--measure', [CompletionResultType]::ParameterName, 'Measures beyond the routine (repeat): 深度巡检, 7×24 值守, ...')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;list' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only this kind')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;remove' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;record;help' {
            [CompletionResult]::new('satisfaction', 'satisfaction', [CompletionResultType]::ParameterValue, 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied')
            [CompletionResult]::new('training', 'training', [CompletionResultType]::ParameterValue, 'A training session (培训) given to users')
            [CompletionResult]::new('operation', 'operation', [CompletionResultType]::ParameterValue, 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'A 重保 period (重要时刻保障): a major event or holiday kept under watch')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The records, newest first')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a record entered by mistake')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;record;help;satisfaction' {
            break
        }
        'znode;record;help;training' {
            break
        }
        'znode;record;help;operation' {
            break
        }
        'znode;record;help;guard' {
            break
        }
        'znode;record;help;list' {
            break
        }
        'znode;record;help;remove' {
            break
        }
        'znode;record;help;help' {
            break
        }
        'znode;watch' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The profile: `normal`, or one under `watch.profiles` (e.g. 重保: shorter intervals, the escalation chain)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'When the profile ends and `normal` takes over, e.g. "2027-02-10 18:00"')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only checks of these systems')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only these categories (日常检查 or daily, ...)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only checks with any of these tags')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks, by id')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these inventory hosts or groups')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Checks running at once (overrides `defaults.jobs`)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Checks running at once (overrides `defaults.jobs`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;alert' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The watcher''s alerts: firing ones, or all with --all')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;alert;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every alert, OK ones too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;alert;ack' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who takes it (default: $ZNODE_OPERATOR, $USER)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What is being done')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;alert;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The watcher''s alerts: firing ones, or all with --all')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;alert;help;list' {
            break
        }
        'znode;alert;help;ack' {
            break
        }
        'znode;alert;help;help' {
            break
        }
        'znode;silence' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Silences in force, or all with --all')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;silence;add' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long, e.g. 2h')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: the change ticket (变更单号) or the work being done')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who sets it (default: $ZNODE_OPERATOR, $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;silence;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Expired ones too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;silence;expire' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;silence;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Silences in force, or all with --all')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;silence;help;add' {
            break
        }
        'znode;silence;help;list' {
            break
        }
        'znode;silence;help;expire' {
            break
        }
        'znode;silence;help;help' {
            break
        }
        'znode;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (loopback by default; publish it through the intranet''s reverse proxy)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Ask for this user name (basic auth), with the password from --password-env or --password-file')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Environment variable holding the password')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File holding the password')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The playbooks: shipped ones and those in the config''s playbooks/ folder')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A playbook''s phases and steps, with the commands its variables make')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a playbook as a drill (演练): time per phase, an evaluation at the end')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a run that paused or was killed, at the step it stopped at')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A run''s journal as a timeline, with the time spent per phase')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;playbook;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;show' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A variable: NAME=VALUE')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;run' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A variable: NAME=VALUE')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Confirm this destructive step in advance (repeat for several)')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a decision in advance: STEP=CHOICE')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is running it (default: $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Walk the plan and print every step with its variables filled in; run nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;drill' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A variable: NAME=VALUE')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Confirm this destructive step in advance (repeat for several)')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a decision in advance: STEP=CHOICE')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is running it (default: $USER)')
            [CompletionResult]::new('--evaluation', '--evaluation', [CompletionResultType]::ParameterName, 'The drill''s evaluation, asked at the end on a terminal')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Walk the plan and print every step with its variables filled in; run nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;resume' {
            [CompletionResult]::new('--completed', '--completed', [CompletionResultType]::ParameterName, 'Whether the step the run stopped at had completed: `yes` records it as done (also for a step that failed or paused and was then carried out by hand), `no` runs it again')
            [CompletionResult]::new('--evaluation', '--evaluation', [CompletionResultType]::ParameterName, 'A drill''s evaluation, asked at the end on a terminal (drills only)')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Confirm this destructive step in advance (repeat for several)')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a decision in advance: STEP=CHOICE')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is running it (default: $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'When the stopped step''s command still runs (znode was killed), wait for it to end instead of refusing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;log' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;review' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'The scenario as played (演练场景)')
            [CompletionResult]::new('--participant', '--participant', [CompletionResultType]::ParameterName, 'A participant and their role: NAME=ROLE, e.g. 张三=指挥 (repeat for several)')
            [CompletionResult]::new('--finding', '--finding', [CompletionResultType]::ParameterName, 'A problem or shortcoming of the plan found (预案问题与不足; repeat for several)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'A revision of the plan decided (预案修订; repeat for several)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who records it')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;playbook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The playbooks: shipped ones and those in the config''s playbooks/ folder')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A playbook''s phases and steps, with the commands its variables make')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a playbook as a drill (演练): time per phase, an evaluation at the end')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a run that paused or was killed, at the step it stopped at')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A run''s journal as a timeline, with the time spent per phase')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;playbook;help;list' {
            break
        }
        'znode;playbook;help;show' {
            break
        }
        'znode;playbook;help;run' {
            break
        }
        'znode;playbook;help;drill' {
            break
        }
        'znode;playbook;help;resume' {
            break
        }
        'znode;playbook;help;log' {
            break
        }
        'znode;playbook;help;review' {
            break
        }
        'znode;playbook;help;help' {
            break
        }
        'znode;sync' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a release record for a version of the province''s standard edition')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Record a step (1-5, 7, 8, 10) as done, in order')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)')
            [CompletionResult]::new('rollback-plan', 'rollback-plan', [CompletionResultType]::ParameterValue, 'Record the rollback plan; step 9 cannot start without one')
            [CompletionResult]::new('signoff', 'signoff', [CompletionResultType]::ParameterValue, 'Record a key user''s verification sign-off (needed for step 10)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each release''s progress through the ten steps')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The version each system runs beside the province''s declared one, and who is behind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;sync;start' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A title (default: 版本同步 VERSION)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who (default: $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;done' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was done (goals, survey findings, test results...)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who (default: $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;run' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'A playbook variable: NAME=VALUE')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Confirm this destructive step in advance (repeat for several)')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a decision in advance: STEP=CHOICE')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who is running it (default: $USER)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer the confirmations of manual steps (never a destructive one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;rollback-plan' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The plan, in a file')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'The plan, inline')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;signoff' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The key user who verified')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'What they checked')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;status' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;versions' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;sync;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a release record for a version of the province''s standard edition')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Record a step (1-5, 7, 8, 10) as done, in order')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)')
            [CompletionResult]::new('rollback-plan', 'rollback-plan', [CompletionResultType]::ParameterValue, 'Record the rollback plan; step 9 cannot start without one')
            [CompletionResult]::new('signoff', 'signoff', [CompletionResultType]::ParameterValue, 'Record a key user''s verification sign-off (needed for step 10)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each release''s progress through the ten steps')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The version each system runs beside the province''s declared one, and who is behind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;sync;help;start' {
            break
        }
        'znode;sync;help;done' {
            break
        }
        'znode;sync;help;run' {
            break
        }
        'znode;sync;help;rollback-plan' {
            break
        }
        'znode;sync;help;signoff' {
            break
        }
        'znode;sync;help;status' {
            break
        }
        'znode;sync;help;versions' {
            break
        }
        'znode;sync;help;help' {
            break
        }
        'znode;logs' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;logs;scan' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Look back this far from now')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Window end (exclusive), as --from')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only sources of these systems')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these sources')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time a source''s scan may take')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--textfile-dir', '--textfile-dir', [CompletionResultType]::ParameterName, 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--incremental', '--incremental', [CompletionResultType]::ParameterName, 'Read only what was written since the last incremental run (per file, surviving rotation)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Look back this far from now')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Window end (exclusive), as --from')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only sources of these systems')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these sources')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time a source''s scan may take')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--textfile-dir', '--textfile-dir', [CompletionResultType]::ParameterName, 'Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for node_exporter''s textfile collector (written beside, then renamed: never half a file)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--incremental', '--incremental', [CompletionResultType]::ParameterName, 'Read only what was written since the last incremental run (per file, surviving rotation)')
            [CompletionResult]::new('--learn', '--learn', [CompletionResultType]::ParameterName, 'Only learn: add every account, address or value the window holds to the baselines of the `new:` rules (what "new" is judged against), report no finding, store no run and exit 0; for a node''s first audit over its past logs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;top' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Look back this far from now')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node''s timezone')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Window end (exclusive), as --from')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only sources of these systems')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only these sources')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Templates shown per source')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Templates shown per source')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;archive' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Do it; without this, only show what would be done')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;purge' {
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Only these policies')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'Do it; without this, only show what would be done')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;rules' {
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Only rules that apply to this log format (java, nginx-access, auth, postgres, ...)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--patterns', '--patterns', [CompletionResultType]::ParameterName, 'Show each rule''s regex too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;logs;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;logs;help;scan' {
            break
        }
        'znode;logs;help;audit' {
            break
        }
        'znode;logs;help;top' {
            break
        }
        'znode;logs;help;archive' {
            break
        }
        'znode;logs;help;purge' {
            break
        }
        'znode;logs;help;rules' {
            break
        }
        'znode;logs;help;help' {
            break
        }
        'znode;data' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;data;diff' {
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'The integer key column, the same on both sides')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The integer key column, the same on both sides')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Columns to compare besides the key (default: every column both tables have)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to compare besides the key (default: every column both tables have)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Connections per side, each comparing one key range at a time')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Connections per side, each comparing one key range at a time')
            [CompletionResult]::new('--bisection-factor', '--bisection-factor', [CompletionResultType]::ParameterName, 'Segments a mismatching key range is split into')
            [CompletionResult]::new('--bisection-threshold', '--bisection-threshold', [CompletionResultType]::ParameterName, 'A key range with fewer rows than this is compared row by row')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time each statement may take on the server')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Keys listed per kind of difference (the counts are always complete)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;data;help' {
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;data;help;diff' {
            break
        }
        'znode;data;help;help' {
            break
        }
        'znode;access' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one')
            [CompletionResult]::new('reviews', 'reviews', [CompletionResultType]::ParameterValue, 'The recorded reviews, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;access;review' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these access checks')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these hosts or groups (`local` is the jump host)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the review (ticket, what was decided)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who reviews (default: $ZNODE_OPERATOR, then the login)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--no-record', '--no-record', [CompletionResultType]::ParameterName, 'Compare and show, but do not record this as a review (the run is stored all the same)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;access;reviews' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;access;help' {
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one')
            [CompletionResult]::new('reviews', 'reviews', [CompletionResultType]::ParameterValue, 'The recorded reviews, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;access;help;review' {
            break
        }
        'znode;access;help;reviews' {
            break
        }
        'znode;access;help;help' {
            break
        }
        'znode;checks' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The checks: category, item, id, title, probe kind, system, hosts, waiver')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;checks;list' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only these categories (中文 or English names)')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'Only these systems')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these probe kinds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Disabled checks too')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;checks;explain' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;checks;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The checks: category, item, id, title, probe kind, system, hosts, waiver')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;checks;help;list' {
            break
        }
        'znode;checks;help;explain' {
            break
        }
        'znode;checks;help;help' {
            break
        }
        'znode;config' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate znode.yaml and every check file; report all problems with file:line:column')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit')
            [CompletionResult]::new('baselines', 'baselines', [CompletionResultType]::ParameterValue, 'The baselines accepted, newest first: who, when, under which ticket')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;config;check' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;snapshot' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these drift checks')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these hosts or groups (`local` is the jump host)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who takes it (default: $ZNODE_OPERATOR, then the login)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;drift' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these drift checks')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these hosts or groups (`local` is the jump host)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--no-diff', '--no-diff', [CompletionResultType]::ParameterName, 'Leave out the unified diffs of changed text')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;accept' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The change ticket (变更单号) the accepted changes were made under')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these drift checks')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these hosts (`local` is the jump host)')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Accept the snapshots of this run (the one `config drift` showed) rather than the newest, so a change made since is not accepted unseen')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who accepts (default: $ZNODE_OPERATOR, then the login)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;baselines' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many acceptances')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;compare' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these drift checks')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only on these hosts or groups (`local` is the jump host)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;config;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate znode.yaml and every check file; report all problems with file:line:column')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit')
            [CompletionResult]::new('baselines', 'baselines', [CompletionResultType]::ParameterValue, 'The baselines accepted, newest first: who, when, under which ticket')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;config;help;check' {
            break
        }
        'znode;config;help;snapshot' {
            break
        }
        'znode;config;help;drift' {
            break
        }
        'znode;config;help;accept' {
            break
        }
        'znode;config;help;baselines' {
            break
        }
        'znode;config;help;compare' {
            break
        }
        'znode;config;help;help' {
            break
        }
        'znode;fleet' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'The inventory: every host with its address, login, groups and systems')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Whether each host answers over ssh: its name, znode version, clock offset and sudo')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;fleet;hosts' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;fleet;ping' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only these hosts or groups (default: every host)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;fleet;push' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Only these hosts or groups (default: every host)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'The binary to install, e.g. the portable glibc 2.17 build [default: this znode]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;fleet;help' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'The inventory: every host with its address, login, groups and systems')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Whether each host answers over ssh: its name, znode version, clock offset and sudo')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;fleet;help;hosts' {
            break
        }
        'znode;fleet;help;ping' {
            break
        }
        'znode;fleet;help;push' {
            break
        }
        'znode;fleet;help;help' {
            break
        }
        'znode;agent' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;history' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many runs to list')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many runs to list')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format of the list')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the list')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one run again, exactly as stored')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What got worse, recovered, or is new between two runs')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;history;show' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;history;diff' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list checks that fail in both runs (the table shows only their count)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;history;import' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the inspection was made: `YYYY-MM-DD HH:MM` in the node''s timezone')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who enters it')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What it was: the paper record''s number, who inspected')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;history;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one run again, exactly as stored')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What got worse, recovered, or is new between two runs')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;history;help;show' {
            break
        }
        'znode;history;help;diff' {
            break
        }
        'znode;history;help;import' {
            break
        }
        'znode;history;help;help' {
            break
        }
        'znode;completions' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;man' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;doctor' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;version' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output: table or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./znode.yaml]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'History store: a SQLite path or postgres:// URL (overrides `store:`)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Display timezone, IANA name (overrides `timezone:`)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name shown in outputs (overrides `node:`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of tables and messages for people')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour tables')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also the commit, target, compiler, glibc needed and store schema')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also the commit, target, compiler, glibc needed and store schema')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'znode;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a complete sample node (znode.yaml and the check pack) into DIR')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Run the inspection (巡检): every selected check, stored in the history')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, 'Incidents and support requests (事件/工单) with their service-level clocks')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: the verification ladder (verify), status, checksums (seal), config and program backups (take)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notification channels: test one, flush the outbox, list it')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Service records only people know: satisfaction surveys, training, business-operation work, 重保 periods')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Watch continuously (值守, 重保): run checks on their intervals and alert on changes')
            [CompletionResult]::new('alert', 'alert', [CompletionResultType]::ParameterValue, 'The watcher''s alerts: list them, acknowledge one')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Silence alerts for a while (a change, maintenance work): add, list, expire')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents')
            [CompletionResult]::new('playbook', 'playbook', [CompletionResultType]::ParameterValue, 'Emergency playbooks (应急预案): list, show, run, drill, resume, log, review')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Version sync (版本同步): releases through their ten steps; versions against the province''s')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Log engine: scan, audit, top (templates), archive, purge')
            [CompletionResult]::new('data', 'data', [CompletionResultType]::ParameterValue, 'The base libraries'' data (SPEC R8): reconcile two tables (diff)')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared with the previous review')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The checks of the configuration and pack: list them, or explain one (its file, probe, hosts, thresholds and where they come from)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration and every check file; configuration snapshots and drift of the hosts (snapshot, drift, accept, baselines, compare)')
            [CompletionResult]::new('fleet', 'fleet', [CompletionResultType]::ParameterValue, 'The node''s hosts: list the inventory, ping them over ssh, push znode to them')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List past runs, show one again, or compare two')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the installation: configuration, history store, timers and their last runs, secrets file permissions, readable logs, reports folder, chart fonts; says what to fix')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version; with --verbose the commit, target, glibc needed and store schema')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'znode;help;init' {
            break
        }
        'znode;help;inspect' {
            break
        }
        'znode;help;probe' {
            break
        }
        'znode;help;incident' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident or a support request')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge it: the response clock stops')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Add a progress note')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Service restored: the restore clock stops')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close it')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention, who was notified')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents with their clocks and breaches')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One incident and its timeline')
            break
        }
        'znode;help;incident;open' {
            break
        }
        'znode;help;incident;ack' {
            break
        }
        'znode;help;incident;update' {
            break
        }
        'znode;help;incident;resolve' {
            break
        }
        'znode;help;incident;close' {
            break
        }
        'znode;help;incident;review' {
            break
        }
        'znode;help;incident;list' {
            break
        }
        'znode;help;incident;show' {
            break
        }
        'znode;help;backup' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Climb the verification ladder of each policy (exists, fresh, complete, size, checksum, structure) and store the result as a run')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no recorded checksum')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Per policy: the newest backup, its age, the size trend, the rung reached, the last restore test and its duration, and the share of verifications in 30 days that reached the checksum rung')
            [CompletionResult]::new('take', 'take', [CompletionResultType]::ParameterValue, 'Archive the declared config files or program folders into a dated tar.gz (or tar.zst) with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))')
            break
        }
        'znode;help;backup;verify' {
            break
        }
        'znode;help;backup;seal' {
            break
        }
        'znode;help;backup;status' {
            break
        }
        'znode;help;backup;take' {
            break
        }
        'znode;help;report' {
            [CompletionResult]::new('inspection', 'inspection', [CompletionResultType]::ParameterValue, 'The inspection report (巡检报告) of one run: every item with its result, the abnormal ones with their evidence and remediation, a sign-off table')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, '运行维护周报 of an ISO week (default: last week)')
            [CompletionResult]::new('monthly', 'monthly', [CompletionResultType]::ParameterValue, '运行维护月报 of a month (default: last month), with the 考核 self-assessment')
            [CompletionResult]::new('quarterly', 'quarterly', [CompletionResultType]::ParameterValue, '运行维护季报 of a quarter (default: last quarter)')
            [CompletionResult]::new('half-year', 'half-year', [CompletionResultType]::ParameterValue, '运行维护半年报 of a half-year (default: the last one)')
            [CompletionResult]::new('data-quality', 'data-quality', [CompletionResultType]::ParameterValue, '数据质量月报 of a month (default: last month): pass rates per base library and quality dimension against the month before, the worst rules with masked samples, 回流 and 对账')
            [CompletionResult]::new('incident', 'incident', [CompletionResultType]::ParameterValue, '故障处理简报 of an incident: its clocks, the handling timeline, the inspection results')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, '演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, '版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the province''s')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, '重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items, incidents and notifications during it')
            break
        }
        'znode;help;report;inspection' {
            break
        }
        'znode;help;report;weekly' {
            break
        }
        'znode;help;report;monthly' {
            break
        }
        'znode;help;report;quarterly' {
            break
        }
        'znode;help;report;half-year' {
            break
        }
        'znode;help;report;data-quality' {
            break
        }
        'znode;help;report;incident' {
            break
        }
        'znode;help;report;drill' {
            break
        }
        'znode;help;report;sync' {
            break
        }
        'znode;help;report;guard' {
            break
        }
        'znode;help;notify' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to a channel')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the messages waiting in the outbox; those that fail stay for the next flush')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages waiting in the outbox, with their attempts and last error')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Take messages out of the outbox unsent (a stale "pause uploads", a channel that will never exist)')
            break
        }
        'znode;help;notify;test' {
            break
        }
        'znode;help;notify;flush' {
            break
        }
        'znode;help;notify;list' {
            break
        }
        'znode;help;notify;drop' {
            break
        }
        'znode;help;record' {
            [CompletionResult]::new('satisfaction', 'satisfaction', [CompletionResultType]::ParameterValue, 'A month''s satisfaction survey (满意度调查): respondents and how many were satisfied')
            [CompletionResult]::new('training', 'training', [CompletionResultType]::ParameterValue, 'A training session (培训) given to users')
            [CompletionResult]::new('operation', 'operation', [CompletionResultType]::ParameterValue, 'Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'A 重保 period (重要时刻保障): a major event or holiday kept under watch')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The records, newest first')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a record entered by mistake')
            break
        }
        'znode;help;record;satisfaction' {
            break
        }
        'znode;help;record;training' {
            break
        }
        'znode;help;record;operation' {
            break
        }
        'znode;help;record;guard' {
            break
        }
        'znode;help;record;list' {
            break
        }
        'znode;help;record;remove' {
            break
        }
        'znode;help;watch' {
            break
        }
        'znode;help;alert' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The watcher''s alerts: firing ones, or all with --all')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves')
            break
        }
        'znode;help;alert;list' {
            break
        }
        'znode;help;alert;ack' {
            break
        }
        'znode;help;silence' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`, `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what already paged are still sent')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Silences in force, or all with --all')
            [CompletionResult]::new('expire', 'expire', [CompletionResultType]::ParameterValue, 'End a silence now')
            break
        }
        'znode;help;silence;add' {
            break
        }
        'znode;help;silence;list' {
            break
        }
        'znode;help;silence;expire' {
            break
        }
        'znode;help;serve' {
            break
        }
        'znode;help;playbook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The playbooks: shipped ones and those in the config''s playbooks/ folder')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A playbook''s phases and steps, with the commands its variables make')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a playbook; on a terminal it asks, unattended it stops where a person is needed')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a playbook as a drill (演练): time per phase, an evaluation at the end')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Continue a run that paused or was killed, at the step it stopped at')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A run''s journal as a timeline, with the time spent per phase')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Record what a drill or emergency run showed, for its summary report: scenario, participants and roles, problems of the plan, revisions decided')
            break
        }
        'znode;help;playbook;list' {
            break
        }
        'znode;help;playbook;show' {
            break
        }
        'znode;help;playbook;run' {
            break
        }
        'znode;help;playbook;drill' {
            break
        }
        'znode;help;playbook;resume' {
            break
        }
        'znode;help;playbook;log' {
            break
        }
        'znode;help;playbook;review' {
            break
        }
        'znode;help;sync' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Open a release record for a version of the province''s standard edition')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Record a step (1-5, 7, 8, 10) as done, in order')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)')
            [CompletionResult]::new('rollback-plan', 'rollback-plan', [CompletionResultType]::ParameterValue, 'Record the rollback plan; step 9 cannot start without one')
            [CompletionResult]::new('signoff', 'signoff', [CompletionResultType]::ParameterValue, 'Record a key user''s verification sign-off (needed for step 10)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Each release''s progress through the ten steps')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The version each system runs beside the province''s declared one, and who is behind')
            break
        }
        'znode;help;sync;start' {
            break
        }
        'znode;help;sync;done' {
            break
        }
        'znode;help;sync;run' {
            break
        }
        'znode;help;sync;rollback-plan' {
            break
        }
        'znode;help;sync;signoff' {
            break
        }
        'znode;help;sync;status' {
            break
        }
        'znode;help;sync;versions' {
            break
        }
        'znode;help;logs' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests per source over a window; judged by each rule''s warn/crit and stored as a run')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins at unusual hours or from new addresses, sudo/su, account and permission changes, mass deletions, abnormal request paths; findings stored as a run')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Group error lines into templates (numbers, addresses, ids masked) and mark the ones never seen by an earlier `logs top`')
            [CompletionResult]::new('archive', 'archive', [CompletionResultType]::ParameterValue, 'Compress logs older than their policy''s `archive_after` into dated tar.gz archives with a sha256 file and a manifest (a dry run unless --apply)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for writing, never one not yet archived by a policy that archives (a dry run unless --apply)')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The rules in force: the shipped ones with the config''s on top, each with its pattern and how it judges')
            break
        }
        'znode;help;logs;scan' {
            break
        }
        'znode;help;logs;audit' {
            break
        }
        'znode;help;logs;top' {
            break
        }
        'znode;help;logs;archive' {
            break
        }
        'znode;help;logs;purge' {
            break
        }
        'znode;help;logs;rules' {
            break
        }
        'znode;help;data' {
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum bisection: lists the keys the target has in extra (多), lacks (少) and holds differently (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed')
            break
        }
        'znode;help;data;diff' {
            break
        }
        'znode;help;access' {
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Run the `access` checks on their hosts (stored as a run), list each host''s accounts (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare them with the previous review and record this one')
            [CompletionResult]::new('reviews', 'reviews', [CompletionResultType]::ParameterValue, 'The recorded reviews, newest first')
            break
        }
        'znode;help;access;review' {
            break
        }
        'znode;help;access;reviews' {
            break
        }
        'znode;help;checks' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The checks: category, item, id, title, probe kind, system, hosts, waiver')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'One check in full: its file and line, probe parameters, where it runs, the thresholds each metric is judged by (and where they come from), retries, dependencies, remediation')
            break
        }
        'znode;help;checks;list' {
            break
        }
        'znode;help;checks;explain' {
            break
        }
        'znode;help;config' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate znode.yaml and every check file; report all problems with file:line:column')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Record the configuration paths of the `drift` checks on their hosts (stored as a run); a host''s first snapshot becomes its baseline')
            [CompletionResult]::new('drift', 'drift', [CompletionResultType]::ParameterValue, 'Compare each host''s configuration with its accepted baseline: paths added, removed and changed (metadata and content apart, unified diffs with secrets masked), and who was logged in around each change. Exit 1 when anything drifted')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept the newest snapshot of each host as its baseline, under a change ticket (变更单); each acceptance is kept for the audit')
            [CompletionResult]::new('baselines', 'baselines', [CompletionResultType]::ParameterValue, 'The baselines accepted, newest first: who, when, under which ticket')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare the same files over every host of the drift checks (their newest snapshots): paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do')
            break
        }
        'znode;help;config;check' {
            break
        }
        'znode;help;config;snapshot' {
            break
        }
        'znode;help;config;drift' {
            break
        }
        'znode;help;config;accept' {
            break
        }
        'znode;help;config;baselines' {
            break
        }
        'znode;help;config;compare' {
            break
        }
        'znode;help;fleet' {
            [CompletionResult]::new('hosts', 'hosts', [CompletionResultType]::ParameterValue, 'The inventory: every host with its address, login, groups and systems')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Whether each host answers over ssh: its name, znode version, clock offset and sudo')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it already are left alone')
            break
        }
        'znode;help;fleet;hosts' {
            break
        }
        'znode;help;fleet;ping' {
            break
        }
        'znode;help;fleet;push' {
            break
        }
        'znode;help;agent' {
            break
        }
        'znode;help;history' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one run again, exactly as stored')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What got worse, recovered, or is new between two runs')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)')
            break
        }
        'znode;help;history;show' {
            break
        }
        'znode;help;history;diff' {
            break
        }
        'znode;help;history;import' {
            break
        }
        'znode;help;completions' {
            break
        }
        'znode;help;man' {
            break
        }
        'znode;help;doctor' {
            break
        }
        'znode;help;version' {
            break
        }
        'znode;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
