#!/usr/bin/env bash
# Log-engine benchmark (issue 4). Prints, from the same run on the same files:
#   - `znode logs scan` with the default rules of a Java source over ~1 GiB of generated logs,
#     beside `rg -c` and `grep -cE` with the same patterns. rg gets them with ASCII \b and \d
#     written as (?-u:...), which is what znode's rules mean; with its default Unicode classes a
#     \b next to Chinese text drops rg off its DFA (see RG_UNICODE below) (all three use both cores across files:
#     rg by itself, grep through `xargs -P2`);
#   - the same text in GBK (znode transcodes; the target is >= 0.5x its UTF-8 throughput);
#   - znode's peak RSS;
#   - template mining speed and grouping accuracy beside Drain3 (pip install drain3).
# usage: bench/logs.sh [FILES] [MB_PER_FILE]   (default 8 x 128 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-8}
mb=${2:-128}
work=${BENCH_DIR:-/tmp/znode-logbench}
command -v rg >/dev/null || apt-get install -y ripgrep
command -v hyperfine >/dev/null || apt-get install -y hyperfine
[ -x /usr/bin/time ] || apt-get install -y time
cargo build --release --quiet
bin=$PWD/target/release/znode

if [ ! -f "$work/utf8/app-00.log" ] || [ "$(ls "$work/utf8" | wc -l)" != "$files" ]; then
  rm -rf "$work"; mkdir -p "$work"
  echo "generating $files x $mb MiB of UTF-8 and GBK logs in $work ..."
  python3 bench/gen_logs.py "$work/utf8" "$files" "$mb" &
  python3 bench/gen_logs.py "$work/gbk" "$files" "$mb" --gbk &
  wait
fi
cat > "$work/znode.yaml" <<YAML
node: bench
store: history.db
checks: []
logs:
  sources:
    - { id: utf8, format: java, encoding: utf-8, paths: ["utf8/*.log"] }
    - { id: gbk, format: java, encoding: gbk, paths: ["gbk/*.log"] }
YAML
rm -f "$work"/history.db*
bytes=$(du -cb "$work"/utf8/*.log | tail -1 | cut -f1)
gbk_bytes=$(du -cb "$work"/gbk/*.log | tail -1 | cut -f1)

# The default rules that apply to a Java source, exactly as znode runs them.
pats=(
  '\b(?:ERROR|FATAL|SEVERE|PANIC)\b|\[(?:error|crit|alert|emerg)\]'
  '\b(?:[a-z_$][A-Za-z0-9_$]*\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\b'
  'OutOfMemoryError|GC overhead limit exceeded|Out of memory|oom-killer|Killed process \d+|Cannot allocate memory|内存不足'
  '(?i:\btimed[ -]out\b|\btimeout\b)|超时'
  '(?i:connection (?:refused|reset)|econnrefused|broken pipe)|拒绝连接'
  'Too many open files|No space left on device|磁盘空间不足'
)
rg_args=(); for p in "${pats[@]}"; do rg_args+=(-e "$p"); done
# The same patterns in POSIX ERE for grep (no (?:), (?i:), \d).
ere='\b(ERROR|FATAL|SEVERE|PANIC)\b|\[(error|crit|alert|emerg)\]|\b([a-z_$][[:alnum:]_$]*\.)+[A-Z][[:alnum:]_$]*(Exception|Error)\b|OutOfMemoryError|GC overhead limit exceeded|Out of memory|oom-killer|Killed process [0-9]+|Cannot allocate memory|内存不足|\b[Tt][Ii][Mm][Ee][Dd][ -][Oo][Uu][Tt]\b|\b[Tt][Ii][Mm][Ee][Oo][Uu][Tt]\b|超时|[Cc][Oo][Nn][Nn][Ee][Cc][Tt][Ii][Oo][Nn] ([Rr][Ee][Ff][Uu][Ss][Ee][Dd]|[Rr][Ee][Ss][Ee][Tt])|[Ee][Cc][Oo][Nn][Nn][Rr][Ee][Ff][Uu][Ss][Ee][Dd]|[Bb][Rr][Oo][Kk][Ee][Nn] [Pp][Ii][Pp][Ee]|拒绝连接|Too many open files|No space left on device|磁盘空间不足'
printf '%s\n' "$ere" > "$work/ere.txt"
printf '%s\n' "${pats[@]}" > "$work/rg.txt"
# znode's semantics in rg: ASCII \b \w \d and case folding, Chinese literals as they are.
sed -e 's/\\b/(?-u:\\b)/g; s/\\d/(?-u:\\d)/g; s/(?i:/(?i-u:/g' "$work/rg.txt" > "$work/rg-ascii.txt"

# Output goes to a file: GNU grep stops at the first match when its output is /dev/null.
# Warm the page cache so all three read from memory.
cat "$work"/utf8/*.log "$work"/gbk/*.log > /dev/null
cd "$work"
hyperfine --style basic -i --warmup 1 --runs "${RUNS:-5}" --export-json "$work/scan.json" \
  -n znode "$bin -c znode.yaml logs scan --source utf8 --from '2025-10-01 00:00' -f json > /dev/null" \
  -n rg-ascii "rg -c -j2 -f rg-ascii.txt utf8/ > counts.txt" \
  -n grep "ls utf8/*.log | xargs -P2 -n1 grep -cE -f ere.txt > counts.txt" \
  -n znode-gbk "$bin -c znode.yaml logs scan --source gbk --from '2025-10-01 00:00' -f json > /dev/null" \
  > "$work/hyperfine.txt" || { cat "$work/hyperfine.txt"; exit 1; }
# znode exits 1/2 when rules breach (that is its job); only the figures matter here.
set +e +o pipefail
rss=$( { /usr/bin/time -f '%M' "$bin" -c znode.yaml logs scan --source utf8 --from '2025-10-01 00:00' -f json > /dev/null; } 2>&1 | tail -1)
cpu=$( { /usr/bin/time -f '%P' "$bin" -c znode.yaml logs scan --source utf8 --from '2025-10-01 00:00' -f json > /dev/null; } 2>&1 | tail -1)
# Same counting work? znode counts records (a stack trace once), rg/grep count lines.
zn_err=$("$bin" -c znode.yaml logs scan --source utf8 --from '2025-10-01 00:00' -f json | python3 -c '
import json,sys; d=json.load(sys.stdin)
print(int(sum((o.get("value") or {}).get("value", 0) for o in d["outcomes"])))')
rg_lines=$(rg -c -j2 -f rg.txt utf8/ | awk -F: '{s+=$2} END {print s}')
python3 - "$work/scan.json" "$bytes" "$gbk_bytes" "$rss" "$cpu" "$zn_err" "$rg_lines" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
size, gsize = int(sys.argv[2]), int(sys.argv[3])
t = {r["command"]: (r["mean"], r["stddev"]) for r in d["results"]}
mib = size / 2**20
print(f"\nlog scan over {mib:.0f} MiB ({size} bytes) of Java logs, default rules, page cache warm, 2 cores")
print(f"{'tool':<12}{'mean s':>9}{'± s':>8}{'MiB/s':>9}")
for name in ["znode", "rg-ascii", "grep", "znode-gbk"]:
    m, s = t[name]
    sz = gsize if name == "znode-gbk" else size
    print(f"{name:<12}{m:>9.3f}{s:>8.3f}{sz / 2**20 / m:>9.0f}")
zn, gr, gb = (size / t["znode"][0], size / t["grep"][0], gsize / t["znode-gbk"][0])
rg = size / t["rg-ascii"][0]
print(f"\nznode / rg   throughput: {zn / rg:.2f}x   (target >= 0.8x)")
print(f"znode / grep throughput: {zn / gr:.2f}x   (target >= 3x)")
print(f"GBK / UTF-8  throughput: {gb / zn:.2f}x   (target >= 0.5x)")
print(f"znode peak RSS: {int(sys.argv[4]) / 1024:.1f} MiB (target < 100 MiB); CPU {sys.argv[5]} (of 200%)")
print(f"matches: znode {int(float(sys.argv[6]))} records (a stack trace counts once per rule), rg {sys.argv[7]} lines")
PY
if [ -n "${RG_UNICODE:-}" ]; then
  echo "rg with its default Unicode classes, one file:"
  /usr/bin/time -f '%e s' rg -c -f rg.txt utf8/app-00.log
fi
cd - > /dev/null

echo
echo "template mining (labelled sample, znode vs Drain3):"
python3 -c 'import drain3' 2>/dev/null || pip install --quiet drain3
cargo bench --quiet --bench templates -- "$work/labelled.tsv"
python3 bench/drain3_accuracy.py "$work/labelled.tsv"
