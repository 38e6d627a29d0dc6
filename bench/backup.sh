#!/usr/bin/env bash
# Backup checksum benchmark (issue 5): verification of a 2 GiB set of backup files, the
# checksum rung of `znode backup verify --all` (both cores across files), beside `sha256sum` on
# the same files in the same run (one process, one core) and two sha256sum processes.
# Prints throughput and throughput per core used.
# usage: bench/backup.sh [FILES] [MB_PER_FILE]   (default 16 x 128 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-16}
mb=${2:-128}
work=${BENCH_DIR:-/tmp/znode-bkbench}
command -v hyperfine >/dev/null || apt-get install -y hyperfine
[ -x /usr/bin/time ] || apt-get install -y time
cargo build --release --quiet
bin=$PWD/target/release/znode
mkdir -p "$work/files"
if [ "$(ls "$work"/files/*.bin 2>/dev/null | wc -l)" != "$files" ]; then
  rm -f "$work"/files/*
  echo "writing $files x $mb MiB of backup files in $work/files ..."
  for i in $(seq 0 $((files - 1))); do
    head -c "$((mb * 1024 * 1024))" /dev/urandom > "$work/files/data-$(date -d "-$i day" +%Y%m%d).bin"
  done
fi
cat > "$work/znode.yaml" <<YAML
node: bench
store: history.db
checks: []
backups:
  - { id: bench, kind: file, path: "files/data-%Y%m%d.bin", keep: $files, rpo: 3650d }
YAML
cd "$work"
rm -f files/*.sha256 history.db*
"$bin" -c znode.yaml backup seal > /dev/null
bytes=$(du -cb files/*.bin | tail -1 | cut -f1)
cat files/*.bin > /dev/null
hyperfine --style basic -i --warmup 1 --runs "${RUNS:-5}" --export-json "$work/sum.json" \
  -n znode "$bin -c znode.yaml backup verify --all -f json > out.json" \
  -n sha256sum "sha256sum files/*.bin > sums.txt" \
  -n "sha256sum -P2" "ls files/*.bin | xargs -P2 -n$((files / 2)) sha256sum > sums.txt" \
  > "$work/hyperfine.txt" || { cat "$work/hyperfine.txt"; exit 1; }
set +e +o pipefail
cpu=$( { /usr/bin/time -f '%P' "$bin" -c znode.yaml backup verify --all -f json > /dev/null; } 2>&1 | tail -1 | tr -d '%')
rung=$(python3 -c 'import json; d=json.load(open("out.json")); o=d["outcomes"][0]; print([m["value"] for m in o["metrics"] if m["name"]=="rung"][0], o["summary"])')
python3 - "$work/sum.json" "$bytes" "$cpu" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
size, cpu = int(sys.argv[2]), float(sys.argv[3]) / 100
t = {r["command"]: r["mean"] for r in d["results"]}
mib = size / 2**20
print(f"\nchecksum verification of {mib:.0f} MiB in {size // (128 * 2**20)} files, page cache warm, 2 cores")
for name in ["znode", "sha256sum", "sha256sum -P2"]:
    print(f"{name:<15}{t[name]:>8.3f} s {mib / t[name]:>8.0f} MiB/s")
zn, one = mib / t["znode"], mib / t["sha256sum"]
print(f"\nznode uses {cpu:.2f} cores: {zn / cpu:.0f} MiB/s per core against sha256sum's {one:.0f} "
      f"-> {zn / cpu / one:.2f}x per core (target >= 0.9x)")
PY
echo "ladder: rung $rung"
