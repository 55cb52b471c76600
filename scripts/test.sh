#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL cluster.
# Works on a fresh Debian 12 machine, as root (CI) or as a normal user.
# Extra arguments are passed to `dotnet test`, e.g. scripts/test.sh --filter Deadlines
set -euo pipefail

start_time=$SECONDS
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Runs a command as root, through sudo when needed.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "error: '$*' needs root and sudo is not installed" >&2
    exit 1
  fi
}

# Highest installed PostgreSQL server version (Debian puts them in /usr/lib/postgresql/<major>/bin).
find_pg_bin() {
  pg_bin="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
  pg_bin="${pg_bin%/initdb}"
  [[ -x $pg_bin/initdb ]] # false when the glob matched nothing
}

if ! find_pg_bin; then
  echo "PostgreSQL server binaries not found; installing the postgresql package..."
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  find_pg_bin || { echo "error: no initdb under /usr/lib/postgresql/*/bin" >&2; exit 1; }
fi

# The end-to-end tests drive Debian's Chromium; a browser is never downloaded at test time.
if [[ ! -x /usr/bin/chromium ]]; then
  echo "Chromium not found; installing the chromium package..."
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

# The alert tests send through a real SMTP server: Debian's python3-aiosmtpd on 127.0.0.1.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "python3-aiosmtpd not found; installing it..."
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-aiosmtpd
fi

# initdb and postgres refuse to run as root, so root runs them as the postgres system user.
pg_run=()
if [[ $EUID -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  pg_run=(runuser -u postgres --)
fi

# A free TCP port: the kernel picks one when binding port 0.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    # No python: try random high ports until nothing answers on one.
    local port
    while :; do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
  fi
}

# /tmp explicitly: the postgres user must be able to reach the directory (TMPDIR may be private).
pg_dir="$(mktemp -d /tmp/pratracker-pg.XXXXXX)"
pg_started=false

# shellcheck disable=SC2317 # called through the trap
cleanup() {
  local rc=$?
  if $pg_started; then
    "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  local elapsed=$((SECONDS - start_time))
  printf 'Total time: %dm%02ds (exit code %d)\n' $((elapsed / 60)) $((elapsed % 60)) "$rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $EUID -eq 0 ]]; then chown postgres: "$pg_dir"; fi

# Trust auth, C locale (deterministic collation), no fsync of the fresh files: it is thrown away anyway.
"${pg_run[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U pratracker --auth=trust \
  --encoding=UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }

port="$(free_port)"
pg_started=true
"${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 start -o "\
  -c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$pg_dir/postgres.log" >&2; exit 1; }

# Tests create their own databases from this connection string.
export PRATRACKER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=pratracker;Database=postgres;Include Error Detail=true"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') is running on 127.0.0.1:$port"

cd "$repo_root"
rc=0
dotnet test PraTracker.sln --logger "console;verbosity=normal" "$@" || rc=$?
exit "$rc"
