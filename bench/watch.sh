#!/usr/bin/env bash
# The watch benchmark of issue 16: CHECKS endpoints watched every INTERVAL for DURATION by
# `znode watch` and, in the same run, by the stack a monitoring team would otherwise deploy from
# Debian's packages: Prometheus + prometheus-blackbox-exporter + prometheus-alertmanager with a
# webhook receiver. Half the endpoints are HTTP URLs on a local nginx, half TCP ports on it;
# znode also watches HOSTPROBES host probes (disk, memory, load, swap, processes) that the
# Prometheus stack would need node_exporter for. At INJECT_AT, FAIL of the HTTP endpoints start
# answering 404; the receiver notes when each stack's alert arrives.
# Prints CPU (% of one core over the run), peak RSS, alert latency p50/p99, side by side.
# Re-run with: bash bench/watch.sh   (CHECKS=2000 INTERVAL=30 DURATION=600 INJECT_AT=180 FAIL=40)
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKS=${CHECKS:-2000} INTERVAL=${INTERVAL:-30} DURATION=${DURATION:-600}
INJECT_AT=${INJECT_AT:-180} FAIL=${FAIL:-40} HOSTPROBES=${HOSTPROBES:-100} THRESHOLD=2
need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx
need prometheus prometheus
need prometheus-blackbox-exporter prometheus-blackbox-exporter
need prometheus-alertmanager prometheus-alertmanager
need python3 python3

cargo build --release --quiet
ZNODE=$PWD/target/release/znode
work=$(mktemp -d /tmp/znode-watch-bench.XXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WEB=$(port) SINK=$(port) PROM=$(port) BB=$(port) AM=$(port)
HTTP=$((CHECKS / 2)) TCP=$((CHECKS - CHECKS / 2))

# nginx: /t/N answers 200 while the file exists, 404 once the failure is injected.
mkdir -p "$work/html/t" "$work/logs" "$work/tmp"
for i in $(seq 1 "$HTTP"); do echo ok > "$work/html/t/$i"; done
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$WEB; root $work/html; location / { try_files \$uri =404; } }
}
CONF
nginx -c "$work/nginx.conf"

# The receiver: one line per message, `time path body`.
cat > "$work/sink.py" <<'PY'
import http.server, sys, time, threading
out = open(sys.argv[2], "a", buffering=1)
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0))).decode("utf-8", "replace")
        with lock:
            out.write(f"{time.time():.3f}\t{self.path}\t{body.replace(chr(10), ' ')}\n")
        self.send_response(200); self.send_header("content-length", "2"); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/sink.py" "$SINK" "$work/received.tsv" & pids+=($!)

# znode: the same endpoints, and host probes.
mkdir -p "$work/node/checks"
cat > "$work/node/znode.yaml" <<CONF
node: bench
store: history.db
checks: [checks]
defaults: { timeout: 10s, jobs: 64 }
targets:
  web: { url: "http://127.0.0.1:$WEB/" }
  web-tcp: { address: "127.0.0.1:$WEB" }
notify:
  channels:
    sink: { kind: webhook, url: "http://127.0.0.1:$SINK/znode" }
watch:
  every: ${INTERVAL}s
  failure_threshold: $THRESHOLD
  success_threshold: 2
  repeat_interval: off
  notify: [sink]
CONF
{
  echo "checks:"
  for i in $(seq 1 "$HTTP"); do echo "  - { id: http-$i, title: bench-http-$i, category: 系统业务检查, target: web, probe: { kind: http, path: \"t/$i\" } }"; done
  for i in $(seq 1 "$TCP"); do echo "  - { id: tcp-$i, title: bench-tcp-$i, category: 应用服务器检查, target: web-tcp, probe: { kind: tcp } }"; done
  kinds=(disk memory load swap "process, name: nginx")
  for i in $(seq 1 "$HOSTPROBES"); do echo "  - { id: host-$i, title: bench-host-$i, category: 日常检查, probe: { kind: ${kinds[$((i % 5))]} } }"; done
} > "$work/node/checks/bench.yaml"
"$ZNODE" config check -c "$work/node/znode.yaml" >/dev/null 2>&1

# Prometheus + blackbox_exporter + alertmanager: the same endpoints, interval and `for:`.
cat > "$work/blackbox.yml" <<CONF
modules:
  http_2xx: { prober: http, timeout: 10s, http: { valid_status_codes: [200] } }
  tcp_connect: { prober: tcp, timeout: 10s }
CONF
# One target per check, as znode has: the TCP port repeated, told apart by a label (Prometheus
# drops duplicate targets of a job).
TO=$((INTERVAL < 10 ? INTERVAL : 10))
python3 - "$work" "$INTERVAL" "$AM" "$BB" "$WEB" "$HTTP" "$TCP" "$TO" > "$work/prometheus.yml" <<'PY'
import sys
work, every, am, bb, web, http, tcp, timeout = sys.argv[1:9]
print(f"global: {{ scrape_interval: {every}s, evaluation_interval: {every}s, scrape_timeout: {timeout}s }}")
print(f"rule_files: [ \"{work}/rules.yml\" ]")
print(f"alerting: {{ alertmanagers: [ {{ static_configs: [ {{ targets: [ \"127.0.0.1:{am}\" ] }} ] }} ] }}")
print("scrape_configs:")
for job, module in (("http", "http_2xx"), ("tcp", "tcp_connect")):
    print(f"  - job_name: {job}")
    print("    metrics_path: /probe")
    print(f"    params: {{ module: [ {module} ] }}")
    print("    relabel_configs:")
    print("      - { source_labels: [__address__], target_label: __param_target }")
    print("      - { source_labels: [__param_target], target_label: instance }")
    print(f"      - {{ target_label: __address__, replacement: 127.0.0.1:{bb} }}")
    print("    static_configs:")
    if job == "http":
        print("      - targets:")
        for i in range(1, int(http) + 1):
            print(f"        - http://127.0.0.1:{web}/t/{i}")
    else:
        for i in range(1, int(tcp) + 1):
            print(f"      - {{ targets: [ \"127.0.0.1:{web}\" ], labels: {{ n: \"{i}\" }} }}")
PY
# Two failed probes in a row, as znode's failure_threshold 2: true at one evaluation and the next.
cat > "$work/rules.yml" <<CONF
groups:
  - name: bench
    rules:
      - alert: ProbeFailed
        expr: probe_success == 0
        for: ${INTERVAL}s
CONF
cat > "$work/alertmanager.yml" <<CONF
route: { receiver: sink, group_by: [instance, n], group_wait: 1s, group_interval: 1s, repeat_interval: 4h }
receivers:
  - name: sink
    webhook_configs: [ { url: "http://127.0.0.1:$SINK/prometheus", send_resolved: false } ]
CONF
promtool check config "$work/prometheus.yml" >/dev/null
prometheus-blackbox-exporter --config.file="$work/blackbox.yml" --web.listen-address="127.0.0.1:$BB" >"$work/bb.log" 2>&1 & pids+=($!); BB_PID=$!
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/am" --web.listen-address="127.0.0.1:$AM" --cluster.listen-address= >"$work/am.log" 2>&1 & pids+=($!); AM_PID=$!
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" --web.listen-address="127.0.0.1:$PROM" >"$work/prom.log" 2>&1 & pids+=($!); PROM_PID=$!
"$ZNODE" watch -c "$work/node/znode.yaml" 2>"$work/watch.log" & pids+=($!); ZN_PID=$!
sleep 2

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
t0=$(date +%s.%N)
declare -A c0
for p in $ZN_PID $PROM_PID $BB_PID $AM_PID; do c0[$p]=$(ticks "$p"); done
echo "watching $CHECKS endpoints (+$HOSTPROBES host probes for znode) every ${INTERVAL}s for ${DURATION}s; failures injected at ${INJECT_AT}s" >&2
sleep "$INJECT_AT"
inject=$(date +%s.%N)
for i in $(seq 1 "$FAIL"); do rm -f "$work/html/t/$i"; done
echo "$FAIL HTTP endpoints now answer 404" >&2
sleep $((DURATION - INJECT_AT))
t1=$(date +%s.%N)
declare -A cpu rss
HZ=$(getconf CLK_TCK)
for p in $ZN_PID $PROM_PID $BB_PID $AM_PID; do
  cpu[$p]=$(python3 -c "print(f'{($(ticks "$p") - ${c0[$p]}) / $HZ / ($t1 - $t0) * 100:.2f}')")
  rss[$p]=$(hwm "$p")
done

python3 - "$work/received.tsv" "$inject" "$FAIL" "$WEB" <<PY > "$work/latency.txt"
import sys, json, re
path, inject, fail, web = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
zn, pr = {}, {}
for line in open(path):
    t, where, body = line.rstrip("\n").split("\t", 2)
    t = float(t)
    doc = json.loads(body)
    if where == "/znode":
        m = re.match(r"【(严重|告警)】bench-http-(\d+)$", doc.get("title", ""))
        if m:
            zn.setdefault(int(m.group(2)), t)
    else:
        for a in doc.get("alerts", []):
            inst = a["labels"].get("instance", "")
            pre = f"http://127.0.0.1:{web}/t/"
            if inst.startswith(pre):
                pr.setdefault(int(inst[len(pre):]), t)
def stats(d):
    lat = sorted(v - inject for v in d.values())
    if not lat: return "-", "-", 0
    p = lambda q: lat[min(len(lat) - 1, int(round(q * (len(lat) - 1))))]
    return f"{p(0.5):.1f}", f"{p(0.99):.1f}", len(lat)
z, q = stats(zn), stats(pr)
print(f"{z[0]} {z[1]} {z[2]} {q[0]} {q[1]} {q[2]}")
PY
read -r zp50 zp99 zn_n pp50 pp99 pr_n < "$work/latency.txt"
stack_cpu=$(python3 -c "print(f'{${cpu[$PROM_PID]} + ${cpu[$BB_PID]} + ${cpu[$AM_PID]}:.2f}')")
stack_rss=$(( ${rss[$PROM_PID]} + ${rss[$BB_PID]} + ${rss[$AM_PID]} ))
mb() { python3 -c "print(f'{$1 / 1024:.0f}')"; }
echo
echo "$CHECKS endpoints every ${INTERVAL}s for ${DURATION}s, alert after $THRESHOLD failures; $FAIL failures injected"
printf '%-44s %10s %10s %14s %14s %8s\n' "" "CPU %core" "peak RSS" "alert p50 (s)" "alert p99 (s)" "alerts"
printf '%-44s %10s %9sM %14s %14s %8s\n' "znode watch (+$HOSTPROBES host probes)" "${cpu[$ZN_PID]}" "$(mb "${rss[$ZN_PID]}")" "$zp50" "$zp99" "$zn_n/$FAIL"
printf '%-44s %10s %9sM %14s %14s %8s\n' "prometheus + blackbox + alertmanager" "$stack_cpu" "$(mb "$stack_rss")" "$pp50" "$pp99" "$pr_n/$FAIL"
printf '%-44s %10s %9sM\n' "  prometheus" "${cpu[$PROM_PID]}" "$(mb "${rss[$PROM_PID]}")"
printf '%-44s %10s %9sM\n' "  blackbox_exporter" "${cpu[$BB_PID]}" "$(mb "${rss[$BB_PID]}")"
printf '%-44s %10s %9sM\n' "  alertmanager" "${cpu[$AM_PID]}" "$(mb "${rss[$AM_PID]}")"
echo "target: znode CPU < 5% and below the stack, RSS < 100 MB, p99 <= $((INTERVAL * THRESHOLD + 1)) s and below the stack's"
grep -c 'warning' "$work/watch.log" | xargs -I{} echo "znode warnings in its log: {}"
