#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, builds once, runs every test project,
# and ends with one line "N passed, N failed" summed over the projects. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 MSBUILDDISABLENODEREUSE=1
export ASBOPS_CHROMIUM="${ASBOPS_CHROMIUM:-/usr/bin/chromium}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# Debian's Chromium for the Playwright end-to-end tests (Playwright's own browser download is not used).
if [ ! -x "$ASBOPS_CHROMIUM" ]; then
  echo "== installing chromium"
  as_root apt-get update -q && apt_updated=1
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium >/dev/null
fi

# PostgreSQL for the PostgreSQL integration tests: Debian's server, listening on loopback only, with a test role
# that may create databases (each test class makes its own and drops it) and may end the autovacuum worker that is
# still analysing a database it drops (pg_signal_backend). A connection string already in
# ASBOPS_TEST_POSTGRES (a server of your own) is used as it is.
if [ -z "${ASBOPS_TEST_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "== installing postgresql"
    if [ -z "${apt_updated:-}" ]; then as_root apt-get update -q; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q postgresql >/dev/null
  fi
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    as_root pg_createcluster "$pg_version" main >/dev/null
  fi
  pg_conf="/etc/postgresql/$pg_version/main/conf.d/asbops-tests.conf"
  if [ ! -f "$pg_conf" ]; then
    echo "listen_addresses = '127.0.0.1'" | as_root tee "$pg_conf" >/dev/null
    as_root pg_ctlcluster "$pg_version" main stop >/dev/null 2>&1 || true
  fi
  if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
    echo "== starting postgresql $pg_version"
    as_root pg_ctlcluster "$pg_version" main start
  fi
  pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { print $3 }')
  pg_password=asbops-test-only
  (cd / && as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$pg_port" -d postgres -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'asbops_test') THEN CREATE ROLE asbops_test; END IF;
    END \$\$;
    ALTER ROLE asbops_test LOGIN CREATEDB PASSWORD '$pg_password';
    DO \$\$ BEGIN
      IF NOT pg_has_role('asbops_test', 'pg_signal_backend', 'MEMBER') THEN GRANT pg_signal_backend TO asbops_test; END IF;
    END \$\$;" >/dev/null)
  export ASBOPS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=asbops_test;Password=$pg_password"
fi

# Debian's redis-server for the scale-out tests: each test run starts its own on 127.0.0.1 and a free port, and those
# tests fail (never skip) when it is missing.
export ASBOPS_REDIS_SERVER="${ASBOPS_REDIS_SERVER:-/usr/bin/redis-server}" ASBOPS_REDIS_HOST="${ASBOPS_REDIS_HOST:-127.0.0.1}"
if [ ! -x "$ASBOPS_REDIS_SERVER" ]; then
  echo "== installing redis-server"
  if [ -z "${apt_updated:-}" ]; then as_root apt-get update -q; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q redis-server >/dev/null
fi

# Debian's nginx for the proxy failover test, which runs it on 127.0.0.1 with deploy/nginx.conf (its own prefix,
# ports and logs in a temp folder). Only the binary is needed: the packaged service is stopped if installing started it.
export ASBOPS_NGINX="${ASBOPS_NGINX:-/usr/sbin/nginx}"
if [ ! -x "$ASBOPS_NGINX" ]; then
  echo "== installing nginx"
  if [ -z "${apt_updated:-}" ]; then as_root apt-get update -q; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q nginx >/dev/null
  if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  elif command -v service >/dev/null; then
    as_root service nginx stop >/dev/null 2>&1 || true
  fi
fi

echo "== build"
dotnet build AsbOps.sln -c Release -nologo -v:q -clp:ErrorsOnly

# The house style (.editorconfig): a file dotnet format would change fails the run, named in the output.
echo "== format"
if ! dotnet format AsbOps.sln --verify-no-changes --no-restore -v q; then
  echo "dotnet format would change the files above: run 'dotnet format AsbOps.sln' and commit the result"
  exit 1
fi

results="$(pwd)/TestResults"
rm -rf "$results"
passed=0; failed=0; skipped=0; status=0
for project in tests/AsbOps.Domain.Tests tests/AsbOps.Architecture.Tests tests/AsbOps.Web.Tests tests/AsbOps.EndToEnd.Tests; do
  name=$(basename "$project")
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results/$name"; then
    status=1
  fi
  trx="$results/$name/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  else
    echo "no results from $name"; failed=$((failed + 1)); status=1
  fi
done

if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
