#!/usr/bin/env bash
# Report benchmark (issue 7): `znode report monthly` over a store holding one year of
# five-minute inspections of 100 checks (105,120 runs, 10.5 M outcomes), on SQLite and on
# PostgreSQL. Beside it, the reference: reading just that month's outcome rows into memory
# (what a tool that aggregates in memory has to do before it computes anything), in Python's
# sqlite3 and in psql.
# usage: bench/report.sh        (BENCH_DIR, RUNS override; the store is made once and kept)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/znode-rptbench}
pgdb=znode_report_bench
command -v hyperfine >/dev/null || apt-get install -y hyperfine
cargo build --release --quiet
bin=$PWD/target/release/znode
mkdir -p "$work"
cat > "$work/znode.yaml" <<YAML
node: bench
timezone: Asia/Shanghai
store: history.db
checks: []
systems:
$(for i in $(seq 0 9); do echo "  - { id: sys$i, name: 业务系统$i }"; done)
reports: { title: 肇庆分节点, plans: plans }
YAML
mkdir -p "$work/plans"
echo "1. 按计划开展月度巡检。" > "$work/plans/2026-10.md"
start=$(date -d '2025-11-01 00:00 +0800' +%s)000
pg="postgres://postgres@127.0.0.1:5432/$pgdb"
cd "$work"
fill() { # fill BACKEND STORE-FLAG...
  local backend=$1; shift
  # Incidents of the month, through the CLI (this also creates the store and its schema).
  for d in 03 09 17 24; do
    "$bin" -c znode.yaml "$@" incident open "sys4 端口不通" --system sys4 --at "2026-10-$d 10:00" > /dev/null
  done
  if [ "$backend" = sqlite ]; then
    python3 "$OLDPWD/bench/gen_store.py" sqlite history.db "$start"
  else
    python3 "$OLDPWD/bench/gen_store.py" postgres "$pgdb" "$start"
  fi
}
count() { python3 -c "import sqlite3;print(sqlite3.connect('history.db').execute('select count(*) from $1').fetchone()[0])" 2>/dev/null || echo 0; }
if [ ! -s history.db ] || [ "$(count outcomes)" -lt 10000000 ] || [ "$(count outcome_hours)" = 0 ]; then
  rm -f history.db*
  echo "filling the SQLite store (10.5 M outcomes) ..."
  time fill sqlite
fi
if [ "$(psql -h 127.0.0.1 -U postgres -d "$pgdb" -tAc 'select count(*) from outcome_hours' 2>/dev/null || echo 0)" -lt 100000 ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null
  echo "filling the PostgreSQL store (10.5 M outcomes) ..."
  time fill postgres --store "$pg"
fi
from=$(date -d '2026-10-01 00:00 +0800' +%s)000
to=$(date -d '2026-11-01 00:00 +0800' +%s)000
rows_sql="SELECT o.* FROM runs r JOIN outcomes o ON o.run_id = r.id WHERE r.started_at >= $from AND r.started_at < $to"
hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" --export-json "$work/report.json" \
  -n "znode report monthly (SQLite)" "$bin -c znode.yaml report monthly --period 2026-10 -o out-sqlite.md" \
  -n "znode report monthly (PostgreSQL)" "$bin -c znode.yaml --store $pg report monthly --period 2026-10 -o out-pg.md" \
  -n "znode report monthly -f docx (SQLite)" "$bin -c znode.yaml report monthly --period 2026-10 -f docx -o out-sqlite.docx" \
  -n "znode report monthly -f html (PostgreSQL)" "$bin -c znode.yaml --store $pg report monthly --period 2026-10 -f html -o out-pg.html" \
  -n "read the month's rows (python sqlite3)" "python3 -c \"import sqlite3; print(len(sqlite3.connect('history.db').execute('$rows_sql').fetchall()))\"" \
  -n "read the month's rows (psql)" "psql -h 127.0.0.1 -U postgres -d $pgdb -tAc '$rows_sql' > /dev/null" \
  > "$work/hyperfine.txt" || { cat "$work/hyperfine.txt"; exit 1; }
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"{'':44} {'mean':>8} {'min':>8}")
for x in r:
    print(f"{x['command']:44} {x['mean']:7.3f}s {x['min']:7.3f}s")
PY
/usr/bin/time -f "znode report monthly (SQLite): peak RSS %M KiB" "$bin" -c znode.yaml report monthly --period 2026-10 -o out-sqlite.md > /dev/null
/usr/bin/time -f "znode report monthly (PostgreSQL): peak RSS %M KiB" "$bin" -c znode.yaml --store "$pg" report monthly --period 2026-10 -o out-pg.md > /dev/null
# The same figures from both stores (the chart files are named after each output).
same() { grep -v '编制日期\|数据截至' "$1" | sed 's/out-[a-z]*\././'; }
diff <(same out-sqlite.md) <(same out-pg.md) && echo "the two stores give the same report"
