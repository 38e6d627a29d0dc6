#!/usr/bin/env bash
# A journald log source (issue 20, item 5): a journal of N entries (sshd, sudo and a Java
# service, 2% errors, some failed logins) written by systemd-journal-remote, then read
#   - by journalctl alone, in its export format to /dev/null (the floor: znode reads through
#     it), and as JSON (what a reader of `-o json` pays),
#   - by journalctl | grep -c, what an engineer types,
#   - by `znode logs scan` (the scan rules) and `znode logs audit` (the auth audit rules),
# each with wall time, entries per second and peak memory (of the largest process: for znode
# that is the journalctl it runs, which maps the journal files).
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
# journal-remote starts a new file when one reaches its size limit: all go in one directory.
mkdir -p "$work/journal"
"$remote" --output="$work/journal/bench.journal" "$work/export" 2>/dev/null
rm "$work/export"
mkdir -p "$work/node/checks"
cat > "$work/node/znode.yaml" <<EOF
node: 基准测试
timezone: Asia/Shanghai
store: history.db
checks: [checks]
logs:
  sources:
    - { id: all, format: syslog, journal: { directory: $work/journal } }
    - { id: auth, format: auth, journal: { directory: $work/journal, identifier: [sshd, sudo] } }
EOF
size=$(du -sh "$work/journal" | cut -f1)
echo "journal: $n entries ($(journalctl --directory="$work/journal" -o cat --no-pager | wc -l) read back), $size on disk in $(ls "$work/journal" | wc -l) file(s)"
printf '%-56s %9s %14s %10s\n' "reader" "wall (s)" "entries/s" "peak RSS"
measure() { # measure LABEL COMMAND...
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" > /dev/null 2>&1 || true
  rss=$(tail -n1 "$work/rss")
  t1=$(date +%s.%N)
  python3 -c "import sys; w=float(sys.argv[2])-float(sys.argv[1]); print('%-56s %9.2f %14.0f %7.0f MiB' % (sys.argv[3], w, int(sys.argv[4])/w, int(sys.argv[5])/1024))" "$t0" "$t1" "$label" "$n" "$rss"
}
measure "journalctl -o export > /dev/null (the floor)" journalctl --directory="$work/journal" -o export --no-pager
measure "journalctl -o json > /dev/null (a JSON reader's floor)" journalctl --directory="$work/journal" -o json --all --no-pager
measure "journalctl -o short-iso | grep -cE 'ERROR|Failed'" sh -c "journalctl --directory='$work/journal' -o short-iso --no-pager | grep -cE 'ERROR|Failed password'"
measure "znode logs scan --source all --since 24h" "$znode" -c "$work/node/znode.yaml" logs scan --source all --since 24h
measure "znode logs audit --source auth --since 24h" "$znode" -c "$work/node/znode.yaml" logs audit --source auth --since 24h
echo
echo "what znode found (scan, errors and connection resets):"
# The scan exits 2 when it finds errors (Nagios CRITICAL): that is its answer, not a failure.
{ "$znode" -c "$work/node/znode.yaml" logs scan --source all --since 24h -f json || true; } \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); [print("  %-22s %s" % (o["check"], o["value"]["display"])) for o in d["outcomes"] if o["value"] and o["value"]["value"]]'
echo "grep's count of ERROR lines: $(journalctl --directory="$work/journal" -o cat --no-pager | grep -c ERROR)"
