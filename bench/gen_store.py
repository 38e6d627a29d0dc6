#!/usr/bin/env python3
"""Fills a znode history store with a year of five-minute inspections of 100 checks
(105,120 runs, 10.5 M outcomes) for the report benchmark (bench/report.sh).

The store must exist with znode's schema (run any znode command against it first). The data
is made by the database itself (a recursive CTE on SQLite, generate_series on PostgreSQL), so
the fill takes seconds per million rows, not a Python loop.

Checks: 100, over 10 systems and the 9 categories; a quarter are service checks (tcp), the
rest disk/command. About 1 in 1000 outcomes is CRIT and 1 in 200 WARN, and system sys4 is down
for two hours every 13 days.

usage: gen_store.py sqlite PATH START_MS
       gen_store.py postgres DBNAME START_MS
"""
import subprocess
import sys

RUNS = 365 * 24 * 12
CHECKS = 100
CATEGORIES = ["日常检查", "性能检查", "脆弱性检查", "常规检查", "应用服务器检查", "中间件检查",
              "系统业务检查", "日志审计", "备份检查"]


def category_case(n):
    parts = " ".join(f"WHEN {i} THEN '{c}'" for i, c in enumerate(CATEGORIES))
    return f"CASE {n} % 9 {parts} END"


def outcome_select(concat, runs_src, checks_src):
    status = (
        f"CASE WHEN c.n % 4 = 0 AND c.n % 10 = 4 AND (r.id % 3744) < 24 THEN 'CRIT' "
        f"WHEN (r.id * 7 + c.n) % 997 = 0 THEN 'CRIT' "
        f"WHEN (r.id * 13 + c.n) % 211 = 0 THEN 'WARN' ELSE 'OK' END"
    )
    kind = "CASE WHEN c.n % 4 = 0 THEN 'tcp' WHEN c.n % 4 = 1 THEN 'disk' ELSE 'command' END"
    title = f"'检查项 ' {concat} c.n"
    return (
        f"SELECT r.id, 'check-' {concat} c.n, {title}, {category_case('c.n')}, NULL, "
        f"'sys' {concat} (c.n % 10), NULL, {kind}, {status}, {status}, "
        f"'summary of ' {concat} c.n, NULL, '[]', '[]', 12, 1, 0, NULL, r.started_at + 3000, "
        f"CASE WHEN c.n % 4 = 0 THEN 1 ELSE 0 END "
        f"FROM {runs_src} r CROSS JOIN {checks_src} c"
    )


# The roll-ups znode writes as each run closes, made here the way migration 0007 makes them
# for an existing history.
ROLL_UP = """
DELETE FROM outcome_hours;
DELETE FROM run_systems;
INSERT INTO outcome_hours (hour, check_id, effective, title, category, system, kind, runs, first_run, last_run)
SELECT r.started_at / 3600000, o.check_id, o.effective, MAX(o.title), MAX(o.category), MAX(o.system), MAX(o.kind),
       COUNT(*), MIN(o.run_id), MAX(o.run_id)
FROM runs r JOIN outcomes o ON o.run_id = r.id
GROUP BY r.started_at / 3600000, o.check_id, o.effective;
INSERT INTO run_systems (run_id, started_at, system, down)
SELECT r.id, r.started_at, o.system, MAX(CASE WHEN o.effective = 'CRIT' THEN 1 ELSE 0 END)
FROM runs r JOIN outcomes o ON o.run_id = r.id
WHERE o.system IS NOT NULL AND o.service = 1
GROUP BY r.id, r.started_at, o.system;
"""


def sqlite(path, start):
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("DELETE FROM outcomes")
    db.execute("DELETE FROM runs")
    db.execute(
        f"""WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < {RUNS - 1})
        INSERT INTO runs (id, node, command, started_at, finished_at, state, status, planned,
                          disabled, filters, version, host, pid)
        SELECT i + 1, 'bench', 'inspect', {start} + i * 300000, {start} + i * 300000 + 4000,
               'finished', 'OK', {CHECKS}, 0, '{{}}', 'bench', 'bench', 1 FROM s"""
    )
    db.execute(
        f"CREATE TEMP TABLE nums AS WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {CHECKS - 1}) SELECT n FROM s"
    )
    db.execute("INSERT INTO outcomes " + outcome_select("||", "runs", "nums"))
    db.executescript(ROLL_UP)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def postgres(name, start):
    sql = f"""
TRUNCATE outcomes, run_systems, runs;
INSERT INTO runs (id, node, command, started_at, finished_at, state, status, planned, disabled,
                  filters, version, host, pid)
SELECT i + 1, 'bench', 'inspect', {start} + i * 300000, {start} + i * 300000 + 4000,
       'finished', 'OK', {CHECKS}, 0, '{{}}', 'bench', 'bench', 1
FROM generate_series(0::bigint, {RUNS - 1}) AS i;
SELECT setval(pg_get_serial_sequence('runs', 'id'), {RUNS});
INSERT INTO outcomes {outcome_select("||", "runs", f"(SELECT generate_series(0, {CHECKS - 1}) AS n)")};
{ROLL_UP}
ANALYZE;
"""
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-v", "ON_ERROR_STOP=1", "-q"],
        input=sql.encode(),
        check=True,
    )


if __name__ == "__main__":
    backend, where, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"sqlite": sqlite, "postgres": postgres}[backend](where, start)
