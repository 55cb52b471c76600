#!/usr/bin/env bash
# Sourced by scripts/test.sh and bench/run.sh: a throwaway PostgreSQL cluster on 127.0.0.1.
# Works on a fresh Debian 12 machine, as root (CI) or as a normal user.
#
#   start_throwaway_postgres [-c setting=value ...]   starts it; sets pg_port and PRATRACKER_POSTGRES
#   stop_throwaway_postgres                            stops it and removes its folder (call it from an EXIT trap)

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

# Installs a Debian package when a check fails: install_if_missing "<check command>" <package>...
install_if_missing() {
  local check=$1
  shift
  if ! eval "$check" >/dev/null 2>&1; then
    echo "$* not found; installing..."
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
  fi
}

# Highest installed PostgreSQL server version (Debian puts them in /usr/lib/postgresql/<major>/bin).
find_pg_bin() {
  pg_bin="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
  pg_bin="${pg_bin%/initdb}"
  [[ -x $pg_bin/initdb ]] # false when the glob matched nothing
}

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

pg_dir=""
pg_started=false

start_throwaway_postgres() {
  if ! find_pg_bin; then
    install_if_missing false postgresql
    find_pg_bin || { echo "error: no initdb under /usr/lib/postgresql/*/bin" >&2; exit 1; }
  fi

  # initdb and postgres refuse to run as root, so root runs them as the postgres system user.
  pg_run=()
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    pg_run=(runuser -u postgres --)
  fi

  # /tmp explicitly: the postgres user must be able to reach the directory (TMPDIR may be private).
  pg_dir="$(mktemp -d /tmp/pratracker-pg.XXXXXX)"
  if [[ $EUID -eq 0 ]]; then chown postgres: "$pg_dir"; fi

  # Trust auth, C locale (deterministic collation), no fsync of the fresh files: it is thrown away anyway.
  "${pg_run[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U pratracker --auth=trust \
    --encoding=UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }

  pg_port="$(free_port)"
  pg_started=true
  "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 start -o "\
    -c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir $*" >/dev/null \
    || { cat "$pg_dir/postgres.log" >&2; exit 1; }

  export PRATRACKER_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=pratracker;Database=postgres;Include Error Detail=true"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') is running on 127.0.0.1:$pg_port"
}

stop_throwaway_postgres() {
  if $pg_started; then
    "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    pg_started=false
  fi
  [[ -n $pg_dir ]] && rm -rf "$pg_dir"
}
