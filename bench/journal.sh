#!/usr/bin/env bash
# A journald log source (issue 20, item 5): a journal of N entries (sshd, sudo and a Java
# service, 2% errors, some failed logins) written by systemd-journal-remote, then read
#   - by journalctl alone, as JSON to /dev/null (the floor: znode reads through it),
#   - by journalctl | grep -c, what an engineer types,
#   - by `znode logs scan` (the scan rules) and `znode logs audit` (the auth audit rules),
# each with wall time, entries per second and peak memory.
# usage: bench/journal.sh [ENTRIES]   (default 500000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500000}
remote=/lib/systemd/systemd-journal-remote
[ -x "$remote" ] || { echo "needs $remote (apt-get install systemd-journal-remote)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
znode=$PWD/target/release/znode

python3 - "$n" "$work/export" <<'EOF'
import sys, time
n, path = int(sys.argv[1]), sys.argv[2]
end = int(time.time() * 1e6) - 60_000_000
start = end - 20 * 3600 * 1_000_000
step = (end - start) // n
with open(path, "w") as f:
    for i in range(n):
        us = start + i * step
        k = i % 100
        if k < 2:
            ident, pid, unit, msg = "java", 900, "portal.service", f"ERROR order {i} failed: connection reset by peer"
        elif k < 4:
            ident, pid, unit, msg = "sshd", 1000 + i % 5000, "ssh.service", f"Failed password for root from 203.0.{i % 250}.{i % 200} port {40000 + i % 20000} ssh2"
        elif k < 5:
            ident, pid, unit, msg = "sudo", 2000 + i % 3000, "", f"    ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/systemctl restart portal"
        elif k < 50:
            ident, pid, unit, msg = "java", 900, "portal.service", f"INFO request {i} served in {i % 900} ms"
        else:
            ident, pid, unit, msg = "sshd", 1000 + i % 5000, "ssh.service", f"Accepted publickey for ops from 10.0.{i % 250}.{i % 200} port {50000 + i % 10000} ssh2"
        f.write(f"__REALTIME_TIMESTAMP={us}\n__MONOTONIC_TIMESTAMP={us - 1_700_000_000_000_000}\n"
                f"_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=web1\nSYSLOG_IDENTIFIER={ident}\n_PID={pid}\n")
        if unit:
            f.write(f"_SYSTEMD_UNIT={unit}\n")
        f.write(f"PRIORITY=6\nMESSAGE={msg}\n\n")
EOF
"$remote" --output="$work/bench.journal" "$work/export" 2>/dev/null
rm "$work/export"
mkdir -p "$work/node/checks"
cat > "$work/node/znode.yaml" <<EOF
node: 基准测试
timezone: Asia/Shanghai
store: history.db
checks: [checks]
logs:
  sources:
    - { id: all, format: syslog, journal: { files: $work/bench.journal } }
    - { id: auth, format: auth, journal: { files: $work/bench.journal, identifier: [sshd, sudo] } }
EOF
size=$(du -h "$work/bench.journal" | cut -f1)
echo "journal: $n entries, $size on disk"
printf '%-52s %9s %14s %10s\n' "reader" "wall (s)" "entries/s" "peak RSS"
measure() { # measure LABEL COMMAND...
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  rss=$( { /usr/bin/time -f '%M' "$@" > /dev/null 2>/dev/null; } 2>&1 | tail -n1)
  t1=$(date +%s.%N)
  python3 -c "import sys; w=float(sys.argv[2])-float(sys.argv[1]); print('%-52s %9.2f %14.0f %7.0f MiB' % (sys.argv[3], w, int(sys.argv[4])/w, int(sys.argv[5])/1024))" "$t0" "$t1" "$label" "$n" "$rss"
}
measure "journalctl -o json > /dev/null (the floor)" journalctl --file="$work/bench.journal" -o json --all --no-pager
measure "journalctl -o short-iso | grep -cE 'ERROR|Failed'" sh -c "journalctl --file='$work/bench.journal' -o short-iso --no-pager | grep -cE 'ERROR|Failed password'"
measure "znode logs scan --source all --since 24h" "$znode" -c "$work/node/znode.yaml" logs scan --source all --since 24h
measure "znode logs audit --source auth --since 24h" "$znode" -c "$work/node/znode.yaml" logs audit --source auth --since 24h
echo
echo "what znode found (scan, errors and connection resets):"
"$znode" -c "$work/node/znode.yaml" logs scan --source all --since 24h -f json \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); [print("  %-22s %s" % (o["check"], o["value"]["display"])) for o in d["outcomes"] if o["value"] and o["value"]["value"]]'
echo "grep's count of ERROR lines: $(journalctl --file="$work/bench.journal" -o cat --no-pager | grep -c ERROR)"
