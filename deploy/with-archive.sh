#!/usr/bin/env bash
# Pulse with its mention archive: a PostgreSQL server of its own under RUN_DIR (default ./pulse-archive, kept between
# runs, so the archive survives restarts), then `pulse --demo --postgres ...`. Extra arguments go to pulse.
# Needs Debian's postgresql package (installed when missing, as root). Ctrl-C stops Pulse, then PostgreSQL.
#
#   deploy/with-archive.sh            # demo data, archived; psql "$(cat pulse-archive/connection)" to look inside
set -euo pipefail
cd "$(dirname "$0")/.."
run_dir="${RUN_DIR:-$PWD/pulse-archive}"
port="${PG_PORT:-5433}"

if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)  # PostgreSQL refuses to run as root

mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
if [ ! -f "$run_dir/data/PG_VERSION" ]; then
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$run_dir/password"
  chmod 600 "$run_dir/password"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$run_dir"
  "${as_pg[@]}" "$bin/initdb" -D "$run_dir/data" -U pulse --pwfile "$run_dir/password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  fresh=1
fi
"${as_pg[@]}" "$bin/pg_ctl" start -D "$run_dir/data" -w -l "$run_dir/postgres.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$run_dir" >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" stop -D "$run_dir/data" -m fast >/dev/null' EXIT
password="$(cat "$run_dir/password")"
if [ "${fresh:-0}" = 1 ]; then
  PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U pulse pulse
fi
connection="Host=127.0.0.1;Port=$port;Username=pulse;Database=pulse"
printf 'host=127.0.0.1 port=%s user=pulse dbname=pulse\n' "$port" >"$run_dir/connection"
echo "PostgreSQL on 127.0.0.1:$port (password in $run_dir/password); starting Pulse with the archive ..."
# The password reaches Pulse through the environment, not argv.
Pulse__Archive__ConnectionString="$connection;Password=$password" dotnet run --project silo -c Release -- --demo "$@" &
pulse=$!
# A TERM to this script (not only Ctrl-C, which reaches the whole group) stops Pulse first, then PostgreSQL (EXIT).
trap 'kill -TERM "$pulse" 2>/dev/null || true' INT TERM
wait "$pulse" || true
wait "$pulse" 2>/dev/null || true
