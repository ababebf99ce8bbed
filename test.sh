#!/usr/bin/env bash
# Runs every test of the solution against real servers, on a fresh machine too:
# installs redis-server when missing, starts it on a free loopback port (and beside it a cluster of 3 masters with a
# replica each, and a master with a replica behind three Sentinels), installs the npm peers
# (twilio, prism) the protocol tests compare against, runs `dotnet test`, stops what it started.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
run_dir="$root/.test-run"
rm -rf "$run_dir"; mkdir -p "$run_dir"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "== installing redis-server"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server redis-tools >/dev/null
fi

# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download is not reachable).
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# A cluster node also listens on its port + 10000 (the cluster bus), so its port must leave room for that.
free_cluster_port() {
  python3 -c '
import random, socket
while True:
    p = random.randint(20000, 45000)
    try:
        for q in (p, p + 10000):
            s = socket.socket(); s.bind(("127.0.0.1", q)); s.close()
        print(p); break
    except OSError:
        pass' 2>/dev/null \
    || node -e 'const net=require("net");const t=()=>{const p=20000+Math.floor(Math.random()*25000);const a=net.createServer().once("error",t).listen(p,"127.0.0.1",()=>{const b=net.createServer().once("error",()=>{a.close();t()}).listen(p+10000,"127.0.0.1",()=>{console.log(p);a.close();b.close()})})};t()'
}

pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

port=$(free_port)
mkdir -p "$run_dir/redis"
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$run_dir/redis" \
  --logfile "$run_dir/redis/redis.log" --daemonize no &
pids+=($!)
for _ in $(seq 1 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$port" ping >/dev/null
export SMSBOOKING_TEST_REDIS="127.0.0.1:$port"
echo "== redis-server on $SMSBOOKING_TEST_REDIS"

# A local Redis Cluster of 3 masters with a replica each, so the store's contract and the conversation also run on a
# cluster, and replica acknowledgements are waited for on the master that owns a key.
cluster_nodes=()
for n in 1 2 3 4 5 6; do
  p=$(free_cluster_port)
  mkdir -p "$run_dir/cluster-$p"
  redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "nodes-$p.conf" \
    --cluster-node-timeout 2000 --save "" --appendonly no --dir "$run_dir/cluster-$p" \
    --logfile "$run_dir/cluster-$p/redis.log" --daemonize no &
  pids+=($!)
  cluster_nodes+=("127.0.0.1:$p")
done
for node in "${cluster_nodes[@]}"; do
  for _ in $(seq 1 100); do redis-cli -p "${node##*:}" ping >/dev/null 2>&1 && break; sleep 0.1; done
done
redis-cli --cluster create "${cluster_nodes[@]}" --cluster-replicas 1 --cluster-yes >"$run_dir/cluster-create.log" 2>&1
# Ready when every node sees every slot served and each replica has synchronised with its master.
cluster_ready() {
  for node in "${cluster_nodes[@]}"; do
    redis-cli -p "${node##*:}" cluster info 2>/dev/null | grep -q 'cluster_state:ok' || return 1
    if redis-cli -p "${node##*:}" info replication 2>/dev/null | grep -q '^role:slave'; then
      redis-cli -p "${node##*:}" info replication 2>/dev/null | grep -q '^master_link_status:up' || return 1
    fi
  done
}
for _ in $(seq 1 200); do cluster_ready && break; sleep 0.1; done
cluster_ready || {
  echo "the local Redis Cluster did not start: see $run_dir/cluster-create.log and $run_dir/cluster-*/redis.log" >&2
  exit 1
}
export SMSBOOKING_TEST_REDIS_CLUSTER=$(IFS=,; echo "${cluster_nodes[*]}")
echo "== redis cluster (3 masters, a replica each) on $SMSBOOKING_TEST_REDIS_CLUSTER"

# A master with a replica behind three Sentinels (redis-server --sentinel; short timeouts: down after 1 s), for the
# gateway connecting with serviceName=. Tests that kill a master start topologies of their own.
sentinel_dir="$run_dir/sentinel"
mkdir -p "$sentinel_dir"
sentinel_master=$(free_port)
redis-server --port "$sentinel_master" --bind 127.0.0.1 --save "" --appendonly no --dir "$sentinel_dir" \
  --repl-diskless-sync-delay 0 --logfile "$sentinel_dir/master.log" --daemonize no &
pids+=($!)
for _ in $(seq 1 100); do redis-cli -p "$sentinel_master" ping >/dev/null 2>&1 && break; sleep 0.1; done
sentinel_replica=$(free_port)
redis-server --port "$sentinel_replica" --bind 127.0.0.1 --save "" --appendonly no --dir "$sentinel_dir" \
  --replicaof 127.0.0.1 "$sentinel_master" --logfile "$sentinel_dir/replica.log" --daemonize no &
pids+=($!)
for _ in $(seq 1 100); do
  redis-cli -p "$sentinel_replica" info replication 2>/dev/null | grep -q '^master_link_status:up' && break
  sleep 0.1
done
sentinels=()
for n in 1 2 3; do
  p=$(free_port)
  printf '%s\n' "port $p" "bind 127.0.0.1" "dir $sentinel_dir" \
    "sentinel monitor smsbooking 127.0.0.1 $sentinel_master 2" \
    "sentinel down-after-milliseconds smsbooking 1000" \
    "sentinel failover-timeout smsbooking 2000" >"$sentinel_dir/sentinel-$p.conf"
  redis-server "$sentinel_dir/sentinel-$p.conf" --sentinel --logfile "$sentinel_dir/sentinel-$p.log" &
  pids+=($!)
  sentinels+=("127.0.0.1:$p")
done
sentinels_ready() {
  for s in "${sentinels[@]}"; do
    redis-cli -p "${s##*:}" sentinel master smsbooking 2>/dev/null | grep -A1 '^num-slaves$' | tail -1 | grep -q '^1$' || return 1
  done
}
for _ in $(seq 1 100); do sentinels_ready && break; sleep 0.1; done
sentinels_ready || { echo "the Sentinels did not find the replica: see $sentinel_dir/*.log" >&2; exit 1; }
export SMSBOOKING_TEST_SENTINELS=$(IFS=,; echo "${sentinels[*]}")
export SMSBOOKING_TEST_SENTINEL_SERVICE=smsbooking
echo "== redis master 127.0.0.1:$sentinel_master with a replica, Sentinels on $SMSBOOKING_TEST_SENTINELS"

# The failover tests write what they measured here; it is printed at the end.
export SMSBOOKING_TEST_REPORT="$run_dir/failover.md"
: >"$SMSBOOKING_TEST_REPORT"

if [ -f tests/peers/package.json ]; then
  echo "== npm peers"
  (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== dotnet test"
set +e
dotnet test SmsBooking.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$run_dir/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run: "N passed, N failed".
read -r passed failed < <(awk '
  /^ *(Passed|Failed)! / { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
  /^ +Passed: +[0-9]+ *$/ { p += $2 }
  /^ +Failed: +[0-9]+ *$/ { f += $2 }
  END { printf "%d %d\n", p, f }' "$run_dir/test.log")
if [ -s "$SMSBOOKING_TEST_REPORT" ]; then
  echo "== what the failover tests measured ($SMSBOOKING_TEST_REPORT)"
  cat "$SMSBOOKING_TEST_REPORT"
fi
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" != 0 ] && [ "${failed:-0}" = 0 ]; then
  echo "dotnet test exited with $status: a project did not build or a test host aborted (see above)" >&2
fi
exit "$status"
