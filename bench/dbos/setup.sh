#!/usr/bin/env bash
# Installs what the DBOS peer needs, once: PostgreSQL's server binaries from Debian's packages
# (no Docker: run.sh starts a throwaway cluster) and the pinned npm packages. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -y -q install postgresql
fi

# npm ci is exact to the lock file; skip it when that lock file is what is already installed.
if ! cmp -s package-lock.json node_modules/.package-lock.snapshot 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.snapshot
fi
