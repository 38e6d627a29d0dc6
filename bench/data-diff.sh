#!/usr/bin/env bash
# `znode data diff` beside reladiff on the same pair: a 10-million-row table in PostgreSQL and
# its copy in MariaDB with 100 planted differences (34 changed, 33 missing, 33 extra). Prints
# each tool's wall time and difference set, and whether the sets agree; then profiles the
# PostgreSQL table with a data check of ten rules and prints the wall time and the table scans
# the database did (pg_stat_user_tables), to show one pass rather than one query per rule.
#
#   bench/data-diff.sh [ROWS]        # default 10000000; needs PostgreSQL and MariaDB on loopback
set -euo pipefail
ROWS=${1:-10000000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
DB=znode_bench_diff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet --manifest-path "$HERE/Cargo.toml"
ZNODE="$HERE/target/release/znode"
if [ ! -x /tmp/rdvenv/bin/reladiff ]; then
  python3 -m venv /tmp/rdvenv
  /tmp/rdvenv/bin/pip install -q 'reladiff[postgresql,mysql]'
fi
RELADIFF=/tmp/rdvenv/bin/reladiff

pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
my() { mariadb -h 127.0.0.1 -u root -N "$@"; }

if [ "$(pg -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 1 ] &&
   [ "$(pg -d $DB -c "SELECT count(*) FROM ex" 2>/dev/null || echo 0)" = "$ROWS" ] &&
   [ "$(my $DB -e "SELECT COUNT(*) FROM ex" 2>/dev/null || echo 0)" = "$ROWS" ]; then
  echo "reusing the $ROWS-row tables in $DB"
else
  echo "loading $ROWS rows into PostgreSQL and MariaDB..."
  pg -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  pg -d $DB -c "CREATE TABLE ex (id bigint PRIMARY KEY, uscc varchar(18), name varchar(40), amount numeric(14,2), ts timestamp, note text)" \
    -c "INSERT INTO ex SELECT g, '91441200MA' || lpad(g::text, 8, '0'), 'name' || g, (g % 100000) * 1.25, TIMESTAMP '2026-01-01' + g * INTERVAL '1 second', CASE WHEN g % 13 = 0 THEN NULL ELSE 'note ' || (g % 977) END FROM generate_series(1, $ROWS) g" \
    -c "VACUUM ANALYZE ex"
  my -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
  my $DB -e "CREATE TABLE ex (id bigint PRIMARY KEY, uscc varchar(18), name varchar(40), amount decimal(14,2), ts datetime(6), note text)"
  pg -d $DB -F $'\t' -c "COPY (SELECT id, uscc, name, amount, to_char(ts, 'YYYY-MM-DD HH24:MI:SS'), note FROM ex) TO STDOUT" > "$WORK/ex.tsv"
  my --local-infile=1 $DB -e "SET unique_checks = 0; LOAD DATA LOCAL INFILE '$WORK/ex.tsv' INTO TABLE ex; ANALYZE TABLE ex" > /dev/null
  rm -f "$WORK/ex.tsv"
  # 100 differences spread over the key range.
  STEP=$((ROWS / 34))
  for i in $(seq 1 34); do my $DB -e "UPDATE ex SET name = 'changed' WHERE id = $((i * STEP - 7))"; done
  for i in $(seq 1 33); do my $DB -e "DELETE FROM ex WHERE id = $((i * STEP - 3))"; done
  for i in $(seq 1 33); do my $DB -e "INSERT INTO ex VALUES ($((ROWS + i * 11)), 'x', 'extra', 1, NOW(), NULL)"; done
fi
# Row counts now differ by zero (33 out, 33 in); the stamp check above uses ROWS.

PGDSN="postgresql://postgres@127.0.0.1:5432/$DB"
MYDSN="mysql://root@127.0.0.1:3306/$DB"
COLS=(uscc name amount ts note)

echo "== znode data diff (4 sessions per side)"
s=$(date +%s.%N)
set +e
"$ZNODE" data diff "$PGDSN" ex "$MYDSN" ex --key id --columns "$(IFS=,; echo "${COLS[*]}")" -f json > "$WORK/znode.json"
set -e
zt=$(echo "$(date +%s.%N) - $s" | bc)
python3 - "$WORK/znode.json" > "$WORK/znode.sets" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("extra", "missing", "different"):
    print(k, " ".join(sorted(d[k], key=int)))
print("segments", d["segments"], "downloaded", d["rows_downloaded"], file=sys.stderr)
PY

rd() {
  local threads=$1
  local cargs=()
  for c in "${COLS[@]}"; do cargs+=(-c "$c"); done
  s=$(date +%s.%N)
  set +e
  "$RELADIFF" "$PGDSN" ex "$MYDSN" ex -k id "${cargs[@]}" -j "$threads" > "$WORK/reladiff.$threads.out" 2> "$WORK/reladiff.$threads.err"
  set -e
  echo "$(date +%s.%N) - $s" | bc
}
echo "== reladiff -j 1"
r1=$(rd 1)
echo "== reladiff -j 4"
r4=$(rd 4)
python3 - "$WORK/reladiff.4.out" > "$WORK/reladiff.sets" <<'PY'
import re, sys
minus, plus = set(), set()
for line in open(sys.argv[1]):
    m = re.match(r"([+-]) \(?(\d+),", line.strip())
    if m:
        (minus if m.group(1) == "-" else plus).add(int(m.group(2)))
sets = {"extra": plus - minus, "missing": minus - plus, "different": minus & plus}
for k in ("extra", "missing", "different"):
    print(k, " ".join(str(x) for x in sorted(sets[k])))
PY
if cmp -s "$WORK/znode.sets" "$WORK/reladiff.sets"; then same=yes; else same=NO; diff "$WORK/znode.sets" "$WORK/reladiff.sets" | head; fi
awk '{print $1": "NF-1" keys"}' "$WORK/znode.sets"

echo "== profiling the $ROWS-row table with a data check of ten rules (scan: full)"
NODE="$WORK/node"; mkdir -p "$NODE/checks"
cat > "$NODE/znode.yaml" <<YAML
node: bench
timezone: Asia/Shanghai
store: history.db
checks: [checks]
targets:
  base: { dsn: "postgres://postgres@127.0.0.1:5432/$DB" }
YAML
cat > "$NODE/checks/data.yaml" <<'YAML'
checks:
  - id: dq-bench
    title: 数据质量基准
    category: 数据质量检查
    target: base
    timeout: 30m
    probe:
      kind: data
      table: ex
      key: id
      scan: full
      rules:
        - { not_null: [uscc, name, note] }
        - { not_blank: name }
        - { uscc: uscc }
        - { pattern: { column: name, regex: "^name[0-9]+$" } }
        - { range: { column: amount, min: 0, max: 200000 } }
        - { values: { column: note, in: [a, b] } }
        - { outliers: { column: amount, sigma: 3 } }
        - { fresh: { column: ts, max_age: 3650d } }
YAML
before=$(pg -d $DB -c "SELECT seq_scan || ' ' || seq_tup_read FROM pg_stat_user_tables WHERE relname = 'ex'")
s=$(date +%s.%N)
"$ZNODE" inspect -c "$NODE/znode.yaml" --format json > "$WORK/dq.json" || true
pt=$(echo "$(date +%s.%N) - $s" | bc)
sleep 1
after=$(pg -d $DB -c "SELECT seq_scan || ' ' || seq_tup_read FROM pg_stat_user_tables WHERE relname = 'ex'")
scans=$(( ${after% *} - ${before% *} ))
tuples=$(( ${after#* } - ${before#* } ))
rules=$(python3 -c "import json,sys; d=json.load(open('$WORK/dq.json')); o=[o for o in d['outcomes'] if o['check']=='dq-bench'][0]; print(len(o['detail']['rules']))")

printf '\n%-34s %12s\n' "tool" "wall (s)"
printf '%-34s %12.1f\n' "znode data diff (-j 4)" "$zt" "reladiff -j 1" "$r1" "reladiff -j 4" "$r4"
printf 'same difference set: %s · speed-up vs reladiff -j 4: %.1fx, vs -j 1: %.1fx\n' "$same" "$(echo "$r4 / $zt" | bc -l)" "$(echo "$r1 / $zt" | bc -l)"
printf 'data check of %s rules on %s rows: %.1f s, %s sequential scans of the table (%s rows read)\n' "$rules" "$ROWS" "$pt" "$scans" "$tuples"
