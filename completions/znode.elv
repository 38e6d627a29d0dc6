
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
            cand config 'Validate the configuration and every check file'
            cand history 'List past runs, show one again, or compare two'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff)'
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
            cand --category 'Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability, 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business'
            cand --tag 'Only checks with any of these tags'
            cand --check 'Only these checks, by id'
            cand -j 'Checks running at once (overrides `defaults.jobs`)'
            cand --jobs 'Checks running at once (overrides `defaults.jobs`)'
            cand --timeout 'Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s'
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
        &'znode;config;help'= {
            cand check 'Validate znode.yaml and every check file; report all problems with file:line:column'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;config;help;check'= {
        }
        &'znode;config;help;help'= {
        }
        &'znode;history'= {
            cand -n 'How many runs to list'
            cand --limit 'How many runs to list'
            cand -f 'Output format of the list: table or json'
            cand --format 'Output format of the list: table or json'
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
            cand -f 'Output format: table or json'
            cand --format 'Output format: table or json'
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
        &'znode;history;help'= {
            cand show 'Show one run again, exactly as stored'
            cand diff 'What got worse, recovered, or is new between two runs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;history;help;show'= {
        }
        &'znode;history;help;diff'= {
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
        &'znode;help'= {
            cand init 'Write a complete sample node (znode.yaml and the check pack) into DIR'
            cand inspect 'Run the inspection (巡检): every selected check, stored in the history'
            cand probe 'Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`'
            cand config 'Validate the configuration and every check file'
            cand history 'List past runs, show one again, or compare two'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'znode;help;init'= {
        }
        &'znode;help;inspect'= {
        }
        &'znode;help;probe'= {
        }
        &'znode;help;config'= {
            cand check 'Validate znode.yaml and every check file; report all problems with file:line:column'
        }
        &'znode;help;config;check'= {
        }
        &'znode;help;history'= {
            cand show 'Show one run again, exactly as stored'
            cand diff 'What got worse, recovered, or is new between two runs'
        }
        &'znode;help;history;show'= {
        }
        &'znode;help;history;diff'= {
        }
        &'znode;help;completions'= {
        }
        &'znode;help;man'= {
        }
        &'znode;help;help'= {
        }
    ]
    $completions[$command]
}
