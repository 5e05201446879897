#!/usr/bin/env bash
# The PostgreSQL server programs (initdb, pg_ctl, postgres) that tests/pgserver.py starts its
# throwaway clusters with, installed with apt-get only when none can be found. Silent and quick
# when they are there.
#
#   bash .ci/postgres.sh
#
# It looks where tests/pgserver.py looks: $PG_BINDIR, `pg_config --bindir`, /usr/lib/postgresql/*/bin
# (Debian and Ubuntu keep the server's programs there, off PATH), then initdb on PATH.
#
# As root it runs apt-get; otherwise sudo, when sudo needs no password (a prompt would stall CI,
# and the tests can do without). When neither works, or there is no apt-get, it says so and
# carries on (exit 0): the PostgreSQL tests are skipped with that reason. SKIP_SYSTEM_DEPS=1
# skips all of this, like .ci/system-deps.sh.
#
# Debian's package creates and starts a "main" cluster on port 5432, which the tests never use:
# before installing, a file in /etc/postgresql-common/createcluster.d/ turns that off (delete it
# to get a main cluster from a later install).
set -euo pipefail

[ -z "${SKIP_SYSTEM_DEPS:-}" ] || exit 0
[ "$(uname -s)" = Linux ] || exit 0

has_server() {
  local dir
  for dir in "${PG_BINDIR:-}" "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin \
    "$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent)")")"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      return 0
    fi
  done
  return 1
}

skip() {
  echo "postgres: $*; the PostgreSQL tests will be skipped." >&2
  exit 0
}

has_server && exit 0

command -v apt-get >/dev/null 2>&1 ||
  skip "no PostgreSQL server programs (initdb) and no apt-get: install your distribution's" \
    "PostgreSQL server package (or set PG_BINDIR, or KREMLIN_TEST_PG to a running server's URL)"

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  skip "no PostgreSQL server programs (initdb), and this user is neither root nor allowed sudo" \
    "without a password (to install them: sudo apt-get install --no-install-recommends postgresql)"
fi

no_main_cluster() {
  local conf=/etc/postgresql-common/createcluster.d/kremlin-archive-tests.conf
  [ ! -e "$conf" ] || return 0
  "${sudo[@]}" mkdir -p "${conf%/*}" &&
    printf '%s\n' \
      "# Written by kremlin-archive's .ci/postgres.sh: its tests start throwaway clusters of their" \
      "# own, so installing PostgreSQL creates no main cluster. Delete this file to get one." \
      "create_main_cluster = false" | "${sudo[@]}" tee "$conf" >/dev/null
}

echo "postgres: installing the PostgreSQL server${sudo[*]:+ with sudo} for the test suite"
no_main_cluster || true
if "${sudo[@]}" apt-get update -qq &&
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
  has_server || skip "the postgresql package is installed, yet no initdb was found"
  exit 0
fi
skip "${sudo[*]:+sudo }apt-get could not install the postgresql package"
