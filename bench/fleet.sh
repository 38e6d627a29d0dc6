#!/usr/bin/env bash
# The fleet benchmark of issue 14: HOSTS test hosts (network namespaces, each with its own
# sshd), each inspected with a host-level pack of 33 checks (disk, memory, swap, load, cpu,
# processes, listening ports, files, commands, kernel settings, a secrets scan, a version).
# Prints znode's wall time beside `ansible -m shell` running the equivalent commands on the same
# hosts with the same forks, the slowest single host's time, and what one black-holed host adds.
# Re-run with: bash bench/fleet.sh   (HOSTS=20 FORKS=10 ROUNDS=3)
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20} FORKS=${FORKS:-10} ROUNDS=${ROUNDS:-3}
need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need /usr/sbin/sshd openssh-server
need ip iproute2
need ss iproute2
command -v ansible >/dev/null 2>&1 || pip install -q ansible-core
mkdir -p /run/sshd

cargo build --release --quiet
ZNODE=$PWD/target/release/znode
work=$(mktemp -d /tmp/znode-fleet-bench.XXXX)
tag=zb$$
cleanup() {
  for i in $(seq 1 $((HOSTS + 1))); do
    ip netns pids "$tag$i" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$tag$i" 2>/dev/null || true
    ip link del "${tag}o$i" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$work/key"
: > "$work/known_hosts"
net=$((100 + $$ % 50))
start_host() { # start_host N
  local i=$1 ns=$tag$1 d=$work/h$1
  mkdir -p "$d"
  ip netns add "$ns"
  ip link add "${tag}o$i" type veth peer name "${tag}i$i"
  ip link set "${tag}i$i" netns "$ns"
  ip addr add "10.$net.$i.1/30" dev "${tag}o$i"; ip link set "${tag}o$i" up
  ip -n "$ns" addr add "10.$net.$i.2/30" dev "${tag}i$i"; ip -n "$ns" link set "${tag}i$i" up; ip -n "$ns" link set lo up
  ssh-keygen -q -t ed25519 -N '' -f "$d/hostkey"
  cp "$work/key.pub" "$d/authorized_keys"
  cat > "$d/sshd_config" <<CONF
ListenAddress 10.$net.$i.2
HostKey $d/hostkey
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
MaxStartups 100
CONF
  ip netns exec "$ns" /usr/sbin/sshd -f "$d/sshd_config"
  echo "10.$net.$i.2 $(cut -d' ' -f1,2 "$d/hostkey.pub")" >> "$work/known_hosts"
}
for i in $(seq 1 $((HOSTS + 1))); do start_host "$i"; done
hole=$((HOSTS + 1))
sleep 1

# The node: every bench host in group `bench`, the last one kept apart as `hole`.
mkdir -p "$work/node/checks" "$work/conf"
printf 'db.url=jdbc:postgresql://db/x\ndb.password=${DB_PASSWORD}\n' > "$work/conf/app.properties"
{
  echo "node: bench"
  echo "store: history.db"
  echo "checks: [checks]"
  echo "fleet: { forks: $FORKS, connect_timeout: 3s, known_hosts: $work/known_hosts }"
  echo "hosts:"
  for i in $(seq 1 "$HOSTS"); do
    echo "  b$i: { address: 10.$net.$i.2, user: root, identity: $work/key, groups: [bench], znode_path: $work/remote/znode }"
  done
  echo "  hole: { address: 10.$net.$hole.2, user: root, identity: $work/key, groups: [holes], znode_path: $work/remote/znode }"
} > "$work/node/znode.yaml"
c() { echo "  - { id: $1, title: $1, category: 日常检查, hosts: [bench], probe: $2 }"; }
{
  echo "checks:"
  c disk "{ kind: disk, mounts: [/] }"
  c memory "{ kind: memory }"
  c swap "{ kind: swap }"
  c load "{ kind: load }"
  c cpu "{ kind: cpu, sample: 500ms }"
  for p in sshd cron postgres mariadbd redis-server nginx java beam.smp nats-server mosquitto; do
    c "proc-$p" "{ kind: process, name: $p }"
  done
  for port in 22 5432 3306 6379 5672 1883; do c "port-$port" "{ kind: listen, port: $port }"; done
  c passwd-mode "{ kind: file, path: /etc/passwd, mode: \"0644\" }"
  c shadow-mode "{ kind: file, path: /etc/shadow, mode: \"0640\" }"
  c hosts-file "{ kind: file, path: /etc/hosts }"
  c kernel "{ kind: command, run: [uname, -r] }"
  c clock "{ kind: command, run: [date, +%s] }"
  c whoami "{ kind: command, run: [id, -u] }"
  c hostname "{ kind: command, run: [hostname] }"
  c uptime "{ kind: command, run: [cat, /proc/uptime] }"
  c file-max "{ kind: sysconfig, sysctl: { fs.file-max: \"100000:\" } }"
  c swappiness "{ kind: sysconfig, sysctl: { vm.swappiness: \"~:60\" } }"
  c secrets "{ kind: secrets, paths: [$work/conf] }"
  c ssh-version "{ kind: version, component: OpenSSH, minimum: \"7.4\", from: { command: [ssh, -V] } }"
} > "$work/node/checks/bench.yaml"
cd "$work/node"
"$ZNODE" fleet push >/dev/null

# The same commands for Ansible, in one shell task per host (its fairest form).
script='df -P /; grep -E "MemAvailable|MemTotal|SwapTotal|SwapFree" /proc/meminfo; cat /proc/loadavg; head -1 /proc/stat; sleep 0.5; head -1 /proc/stat;
for p in sshd cron postgres mariadbd redis-server nginx java beam.smp nats-server mosquitto; do pgrep -x $p >/dev/null && echo "$p up" || echo "$p down"; done;
for port in 22 5432 3306 6379 5672 1883; do ss -ltnH "sport = :$port" | grep -q . && echo "$port open" || echo "$port closed"; done;
stat -c %a /etc/passwd; stat -c %a /etc/shadow; test -e /etc/hosts && echo hosts;
uname -r; date +%s; id -u; hostname; cat /proc/uptime;
cat /proc/sys/fs/file-max /proc/sys/vm/swappiness; grep -rIl -E "password *= *[^$]" '"$work"'/conf || true; ssh -V 2>&1'
{
  echo "all:"
  echo "  vars: { ansible_user: root, ansible_ssh_private_key_file: $work/key, ansible_ssh_common_args: '-o UserKnownHostsFile=$work/known_hosts', ansible_python_interpreter: /usr/bin/python3 }"
  echo "  hosts:"
  for i in $(seq 1 "$HOSTS"); do echo "    b$i: { ansible_host: 10.$net.$i.2 }"; done
} > "$work/ansible.yml"

secs() { python3 -c "import time; print(time.time())"; }
# CPU seconds the whole machine spent (every host here shares its cores), from /proc/stat.
busy() { awk '/^cpu /{print ($2+$3+$4+$7+$8)/100}' /proc/stat; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
znode_times=() ansible_times=() slowest=() znode_cpu=() ansible_cpu=() all_forks=()
for r in $(seq 1 "$ROUNDS"); do
  c0=$(busy); t0=$(secs); "$ZNODE" inspect --host bench -f json > "$work/z.json" || true; t1=$(secs); c1=$(busy)
  znode_times+=("$(python3 -c "print(f'{$t1-$t0:.2f}')")")
  znode_cpu+=("$(python3 -c "print(f'{$c1-$c0:.2f}')")")
  c0=$(busy); t0=$(secs)
  ansible all -i "$work/ansible.yml" -f "$FORKS" -m shell -a "$script" > "$work/a.out" 2>&1 || true
  t1=$(secs); c1=$(busy)
  ansible_times+=("$(python3 -c "print(f'{$t1-$t0:.2f}')")")
  ansible_cpu+=("$(python3 -c "print(f'{$c1-$c0:.2f}')")")
  # Every host at once (forks = hosts): the whole fleet against its slowest host.
  t0=$(secs); "$ZNODE" inspect --host bench --forks "$HOSTS" -f json > /dev/null || true; t1=$(secs)
  all_forks+=("$(python3 -c "print(f'{$t1-$t0:.2f}')")")
  # The slowest single host, inspected alone.
  worst=0
  for i in $(seq 1 "$HOSTS"); do
    t0=$(secs); "$ZNODE" inspect --host "b$i" -f json > /dev/null || true; t1=$(secs)
    worst=$(python3 -c "print(max($worst, $t1-$t0))")
  done
  slowest+=("$(python3 -c "print(f'{$worst:.2f}')")")
done
outcomes=$(python3 -c "import json; print(len(json.load(open('$work/z.json'))['outcomes']))")
ok_ansible=$(grep -c "CHANGED" "$work/a.out" || true)
z=$(printf '%s\n' "${znode_times[@]}" | median)
a=$(printf '%s\n' "${ansible_times[@]}" | median)
s=$(printf '%s\n' "${slowest[@]}" | median)
zc=$(printf '%s\n' "${znode_cpu[@]}" | median)
ac=$(printf '%s\n' "${ansible_cpu[@]}" | median)
af=$(printf '%s\n' "${all_forks[@]}" | median)

# One black-holed host beside the fleet.
ip -n "${tag}$hole" route add blackhole "10.$net.$hole.1/32"
t0=$(secs); "$ZNODE" inspect --host bench,hole -f json > /dev/null || true; t1=$(secs)
with_hole=$(python3 -c "print(f'{$t1-$t0:.2f}')")

echo
echo "fleet: $HOSTS hosts × 33 host-level checks, forks $FORKS, $ROUNDS rounds (median)"
printf '%-44s %10s\n' "" "seconds"
printf '%-44s %10s\n' "znode inspect ($outcomes outcomes)" "$z"
printf '%-44s %10s\n' "ansible -m shell, same commands ($ok_ansible hosts ok)" "$a"
printf '%-44s %10s\n' "ratio ansible / znode" "$(python3 -c "print(f'{$a/$z:.1f}x')")"
printf '%-44s %10s\n' "machine CPU-seconds, znode (jump + all hosts)" "$zc"
printf '%-44s %10s\n' "machine CPU-seconds, ansible" "$ac"
printf '%-44s %10s\n' "slowest single host alone" "$s"
printf '%-44s %10s\n' "znode, forks = $HOSTS (every host at once)" "$af"
printf '%-44s %10s\n' "  minus the slowest host" "$(python3 -c "print(f'{$af-$s:+.2f}')")"
printf '%-44s %10s\n' "fleet + 1 black-holed host (3 s timeout)" "$with_hole"
echo "rounds: znode ${znode_times[*]} · ansible ${ansible_times[*]} · slowest ${slowest[*]} · forks=$HOSTS ${all_forks[*]}"
echo "(all hosts here share this machine's $(nproc) cores: their checks and sshd compete with the jump host for CPU)"
