#!/usr/bin/env bash
# The inspection benchmark of issue 2: 500 HTTP checks + 500 TCP checks against nginx on
# loopback, plus 50 black-holed targets with a 2 s timeout. Prints znode's wall time beside the
# same checks run as monitoring-plugins check_http/check_tcp driven by `xargs -P2`, and znode's
# start-up time. Re-run with: bash bench/run.sh   (JOBS=... to change znode's --jobs)
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP=${HTTP:-500} TCP=${TCP:-500} HOLES=${HOLES:-50} TIMEOUT=2 JOBS=${JOBS:-128}
PLUGINS=/usr/lib/nagios/plugins
need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx
need $PLUGINS/check_http monitoring-plugins-basic
need hyperfine hyperfine
need python3 python3

cargo build --release --quiet
ZNODE=$PWD/target/release/znode
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as www-data
cleanup() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; kill "${hole_pid:-}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WEB=$(port) HOLE=$(port)
mkdir -p "$work/html" "$work/logs"
echo "ok 门户" > "$work/html/index.html"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$WEB; root $work/html; }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -e "$work/logs/error.log"
# A black hole: accepts TCP handshakes (kernel backlog) and never answers.
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1',$HOLE)); s.listen(4096); time.sleep(3600)" &
hole_pid=$!
sleep 0.5

mkdir -p "$work/node/checks"
cat > "$work/node/znode.yaml" <<CONF
node: bench
store: history.db
checks: [checks]
defaults: { timeout: ${TIMEOUT}s, jobs: $JOBS }
targets:
  web: { url: "http://127.0.0.1:$WEB/" }
  web-tcp: { address: "127.0.0.1:$WEB" }
  hole: { url: "http://127.0.0.1:$HOLE/" }
CONF
{
  echo "checks:"
  for i in $(seq 1 "$HTTP"); do echo "  - { id: http-$i, title: 拨测, category: 系统业务检查, target: web, probe: { kind: http, path: \"index.html?n=$i\", contains: [ok] } }"; done
  for i in $(seq 1 "$TCP"); do echo "  - { id: tcp-$i, title: 端口, category: 应用服务器检查, target: web-tcp, probe: { kind: tcp } }"; done
} > "$work/node/checks/healthy.yaml"
{
  echo "checks:"
  for i in $(seq 1 "$HOLES"); do echo "  - { id: hole-$i, title: 黑洞, category: 日常检查, target: hole, probe: { kind: http, path: \"x$i\" } }"; done
} > "$work/node/checks/holes.yaml"
{
  for i in $(seq 1 "$HTTP"); do echo "$PLUGINS/check_http -H 127.0.0.1 -p $WEB -u /index.html?n=$i -s ok -t $TIMEOUT"; done
  for i in $(seq 1 "$TCP"); do echo "$PLUGINS/check_tcp -H 127.0.0.1 -p $WEB -t $TIMEOUT"; done
} > "$work/plugins-healthy.txt"
for i in $(seq 1 "$HOLES"); do echo "$PLUGINS/check_http -H 127.0.0.1 -p $HOLE -u /x$i -t $TIMEOUT"; done > "$work/plugins-holes.txt"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
cfg="$work/node/znode.yaml"

# The healthy part, repeated (hyperfine) because a single run of a fraction of a second is noisy.
hf() { # hf RUNS COMMAND -> mean seconds
  hyperfine -N --warmup 1 --runs "$1" --export-json "$work/hf.json" "$2" >/dev/null 2>&1
  python3 -c "import json; print(f\"{json.load(open('$work/hf.json'))['results'][0]['mean']:.3f}\")"
}
z_healthy=$(hf 10 "$ZNODE -c $cfg inspect --category 系统业务检查,应用服务器检查 --format json")
cat > "$work/plugins.sh" <<SH
xargs -P2 -L1 sh -c '"\$0" "\$@" >/dev/null' < "$work/plugins-healthy.txt" || true
SH
p_healthy=$(hf 3 "bash $work/plugins.sh")
# The whole plan once each (the plugin loop takes about a minute).
t0=$(now); "$ZNODE" -c "$cfg" inspect --format json > "$work/z2.json" || true; t1=$(now)
z_all=$(elapsed "$t0" "$t1")
z_ok=$(python3 -c "import json; d=json.load(open('$work/z2.json')); print(d['summary']['ok'], 'ok,', d['summary']['crit'], 'crit')")
t0=$(now); cat "$work/plugins-healthy.txt" "$work/plugins-holes.txt" | xargs -P2 -L1 sh -c '"$0" "$@" >/dev/null' || true; t1=$(now)
p_all=$(elapsed "$t0" "$t1")

echo
echo "plan: $HTTP http + $TCP tcp against nginx, $HOLES black-holed http, timeout ${TIMEOUT}s; znode --jobs $JOBS; $(nproc) cores"
printf '%-34s %12s %14s %9s\n' "" "znode" "plugins -P2" "ratio"
printf '%-34s %11ss %13ss %8sx\n' "healthy part ($((HTTP + TCP)) checks, mean)" "$z_healthy" "$p_healthy" "$(python3 -c "print(f'{$p_healthy/$z_healthy:.0f}')")"
printf '%-34s %11ss %13ss %8sx\n' "whole plan ($((HTTP + TCP + HOLES)) checks)" "$z_all" "$p_all" "$(python3 -c "print(f'{$p_all/$z_all:.0f}')")"
echo "znode whole-plan result: $z_ok (target: within timeout + 1 s = $((TIMEOUT + 1)) s)"
echo
hyperfine --warmup 5 --runs 50 -N "$ZNODE --version" 2>/dev/null | grep -E "Time|Range"
