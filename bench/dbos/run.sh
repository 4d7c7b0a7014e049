#!/usr/bin/env bash
# One DBOS run: a throwaway PostgreSQL cluster in a temporary folder on a free loopback port,
# the workload against it, then the cluster stopped and removed whatever happens.
# Prints the workload's "RESULT {json}" line. Needs bench/dbos/setup.sh first.
# usage: bash bench/dbos/run.sh [workflows=500]
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/@dbos-inc/dbos-sdk ] || { echo "run bench/dbos/setup.sh first" >&2; exit 1; }

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d)
# initdb refuses to run as root, so as root the cluster belongs to an unprivileged user.
as=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres; id "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$dir"
  as=(runuser -u "$user" --)
fi
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null || { cat "$dir/log" >&2; exit 1; }
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres dbos_bench
node workload.mjs "postgres://postgres@127.0.0.1:$port/dbos_bench" "${1:-500}"
