#!/usr/bin/env bash
# A three-silo Pulse cluster on one machine, from a published build: a persistent redis-server (append-only
# file in its own folder), three silos and one dashboard-only host. Pids and logs go under RUN_DIR.
# Ctrl-C (or SIGTERM) stops them all: the hosts first, then Redis.
#
#   dotnet publish silo -c Release -o out/pulse
#   deploy/three-silos.sh out/pulse            # DEMO=1 to let silo 1 generate demo data
#
# Then open http://127.0.0.1:5080 (dashboard-only host) or http://127.0.0.1:5081..5083 (the silos).
# Every host gets one bootstrap admin key (Pulse__Auth__AdminKey, kept out of argv): PULSE_ADMIN_KEY, or a fresh one
# written to RUN_DIR/admin-key (mode 600). Send it as `Authorization: Bearer KEY`, or sign in with the link silo 1 prints.
# Environment: RUN_DIR (default ./pulse-cluster), REDIS_PORT (6380), CLUSTER_ID (pulse), DEMO (0),
# HTTP_BASE (5080: dashboard on it, silos on +1..+3), SILO_BASE (11110) and GATEWAY_BASE (30000) (silo i: +i).
set -euo pipefail

publish="${1:-out/pulse}"
run_dir="${RUN_DIR:-$PWD/pulse-cluster}"
redis_port="${REDIS_PORT:-6380}"
cluster_id="${CLUSTER_ID:-pulse}"
http_base="${HTTP_BASE:-5080}"
silo_base="${SILO_BASE:-11110}"
gateway_base="${GATEWAY_BASE:-30000}"
pulse="$publish/pulse"

[ -x "$pulse" ] || { echo "No $pulse: publish first (dotnet publish silo -c Release -o $publish)." >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is not installed (Debian: apt-get install redis-server)." >&2; exit 1; }
mkdir -p "$run_dir/redis" "$run_dir/logs" "$run_dir/pids"
run_dir="$(cd "$run_dir" && pwd)"

if [ -z "${PULSE_ADMIN_KEY:-}" ]; then
  PULSE_ADMIN_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$PULSE_ADMIN_KEY" >"$run_dir/admin-key")
fi
export Pulse__Auth__AdminKey="$PULSE_ADMIN_KEY"

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "Stopping ..."
  # Hosts first (they leave the cluster cleanly while Redis is still there), then Redis (flushes its file).
  for pid in "${pids[@]:1}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:1}"; do wait "$pid" 2>/dev/null || true; done
  kill -TERM "${pids[0]}" 2>/dev/null || true
  wait "${pids[0]}" 2>/dev/null || true
  rm -f "$run_dir"/pids/*.pid
  echo "Stopped. Logs: $run_dir/logs; Redis data: $run_dir/redis"
}
trap stop_all INT TERM EXIT

start() { # name, command...
  local name="$1"; shift
  "$@" >"$run_dir/logs/$name.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/pids/$name.pid"
  echo "started $name (pid $!), log $run_dir/logs/$name.log"
}

wait_http() { # url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$1 did not answer; see the logs in $run_dir/logs" >&2
  return 1
}

# Its own session: a terminal Ctrl-C reaches the hosts at once, Redis only after they left the cluster.
start redis setsid redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$run_dir/redis" \
  --appendonly yes --appendfsync everysec --save ''
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; then break; fi
  sleep 0.1
done

for i in 1 2 3; do
  extra=()
  if [ "$i" = 1 ] && [ "${DEMO:-0}" = 1 ]; then extra+=(--demo); fi
  start "silo$i" "$pulse" --redis "127.0.0.1:$redis_port" --cluster-id "$cluster_id" \
    --silo-port $((silo_base + i)) --gateway-port $((gateway_base + i)) --urls "http://127.0.0.1:$((http_base + i))" \
    --Pulse:Telemetry:OrleansDashboard=true "${extra[@]}"
done
wait_http "http://127.0.0.1:$((http_base + 1))/healthz"

start dashboard "$pulse" --dashboard-only --redis "127.0.0.1:$redis_port" --cluster-id "$cluster_id" --urls "http://127.0.0.1:$http_base" \
  --Pulse:Telemetry:OrleansDashboard=true
for port in $((http_base + 2)) $((http_base + 3)) "$http_base"; do wait_http "http://127.0.0.1:$port/healthz"; done

echo "Cluster up: dashboard http://127.0.0.1:$http_base, silos http://127.0.0.1:$((http_base + 1))..$((http_base + 3)), Orleans dashboard http://127.0.0.1:$http_base/orleans/"
[ -f "$run_dir/admin-key" ] && echo "Admin API key: $run_dir/admin-key (send as 'Authorization: Bearer KEY')"
grep -h "Sign in:" "$run_dir/logs/silo1.log" 2>/dev/null | tail -n 1 || true
echo "Ctrl-C stops everything."
wait
