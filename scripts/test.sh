#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL cluster.
# Works on a fresh Debian 12 machine, as root (CI) or as a normal user.
# Extra arguments are passed to `dotnet test`, e.g. scripts/test.sh --filter Deadlines
set -euo pipefail

start_time=$SECONDS
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/postgres-cluster.sh
source "$repo_root/scripts/postgres-cluster.sh"

# The end-to-end tests drive Debian's Chromium; a browser is never downloaded at test time.
install_if_missing "test -x /usr/bin/chromium" chromium
# The alert tests send through a real SMTP server: Debian's python3-aiosmtpd on 127.0.0.1.
install_if_missing "/usr/bin/python3 -c 'import aiosmtpd'" python3 python3-aiosmtpd
# The tests read agencies' replies from a real IMAP server: Debian's dovecot, a throwaway instance per test on 127.0.0.1.
# Where systemd runs, installing the package also starts the system's own dovecot on ports 143 and 993; the tests'
# instances use their own ports, folders and configuration and never touch it.
install_if_missing "test -x /usr/sbin/dovecot && test -x /usr/lib/dovecot/imap-login" dovecot-imapd
# The S3 document-store tests run s3rver, an S3-compatible server on Node, pinned in tests/tools/package-lock.json.
install_if_missing "command -v node && command -v npm" nodejs npm
if [[ ! -f $repo_root/tests/tools/node_modules/s3rver/bin/s3rver.js ]]; then
  npm ci --prefix "$repo_root/tests/tools" --no-audit --no-fund
fi
# Scanned productions are read by OCRmyPDF with Tesseract's English model; the tests build their scans with
# Ghostscript (a page rendered to an image) and img2pdf (the image wrapped as an image-only PDF), both its dependencies.
install_if_missing "command -v ocrmypdf && command -v tesseract && test -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata && command -v gs && command -v img2pdf" ocrmypdf tesseract-ocr tesseract-ocr-eng ghostscript img2pdf
# The two-instance test shares SignalR's messages through a real Redis server on 127.0.0.1.
install_if_missing "test -x /usr/bin/redis-server" redis-server
# The deployment files are validated offline: the compose file by docker-compose (v1, no engine needed), the
# proxy's configuration by caddy.
install_if_missing "command -v docker-compose" docker-compose
install_if_missing "command -v caddy" caddy

# shellcheck disable=SC2317 # called through the trap
cleanup() {
  local rc=$?
  stop_throwaway_postgres
  local elapsed=$((SECONDS - start_time))
  printf 'Total time: %dm%02ds (exit code %d)\n' $((elapsed / 60)) $((elapsed % 60)) "$rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# No fsync: the cluster is thrown away after the run.
start_throwaway_postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
# Tests create their own databases from this connection string.
export PRATRACKER_TEST_POSTGRES="$PRATRACKER_POSTGRES"

cd "$repo_root"
results="$repo_root/TestResults"
rm -rf "$results"
rc=0
dotnet test PraTracker.sln --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" || rc=$?

# The projects' output interleaves; repeat what failed at the end, where a log's tail is read.
if [[ $rc -ne 0 ]]; then
  echo
  echo "==== Failed tests ===="
  python3 "$repo_root/scripts/failed-tests.py" "$results" || true
fi
exit "$rc"
