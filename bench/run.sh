#!/usr/bin/env bash
# Runs the performance benchmark on a throwaway PostgreSQL cluster; see docs/performance.md.
#   bench/run.sh --scale 0.1                       the quick run (a tenth of the data set, a few minutes)
#   bench/run.sh --report docs/performance.md.new  the full run, written as a Markdown table
# Other arguments go to the benchmark (bench/run.sh --help lists them). To reuse a generated data set between
# runs, start your own PostgreSQL and run the benchmark program with --connection instead.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/postgres-cluster.sh
source "$repo_root/scripts/postgres-cluster.sh"

install_if_missing "test -x /usr/bin/chromium" chromium

app_dir="$(mktemp -d /tmp/pratracker-bench-app.XXXXXX)"
# shellcheck disable=SC2317 # called through the trap
cleanup() {
  stop_throwaway_postgres
  rm -rf "$app_dir"
}
trap cleanup EXIT

# Settings a production server of this size would have: the defaults (128 MB of shared buffers) are for laptops.
# fsync is off because the cluster is thrown away; it changes how fast the data is written, not how fast it is read.
start_throwaway_postgres -c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB \
  -c maintenance_work_mem=1GB -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c random_page_cost=1.1 -c max_connections=300

cd "$repo_root"
# Published, as it is deployed: a build output serves its static files only in Development.
dotnet publish -c Release src/PraTracker.Web/PraTracker.Web.csproj -o "$app_dir" -v quiet -nologo
dotnet build -c Release bench/PraTracker.Bench/PraTracker.Bench.csproj -v quiet -nologo
dotnet bench/PraTracker.Bench/bin/Release/net10.0/PraTracker.Bench.dll --app "$app_dir/PraTracker.Web.dll" "$@"
