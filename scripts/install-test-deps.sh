#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl, postgres) that the
# test suite needs are present. The tests start their own throwaway server from
# these binaries (see test/support/postgres-server.ts); they never use a system
# cluster, so a cluster that the Debian package may create and start is ignored.
#
# Idempotent: when the binaries are already there it prints one line and exits 0.
# Otherwise, as root or with passwordless sudo, it installs the Debian package
# `postgresql` with apt-get; if it cannot, it exits 1 and says what to install.
# Needs no terminal, so it runs unattended in CI.
set -euo pipefail

# Prints the directory holding initdb, pg_ctl and postgres, or fails.
# Same search order as findPostgresBinaries() in test/support/postgres-server.ts:
# the highest version under /usr/lib/postgresql/*/bin, then PATH.
find_pg_bin_dir() {
  local dir version
  shopt -s nullglob
  local candidates=(/usr/lib/postgresql/*/bin)
  shopt -u nullglob
  if ((${#candidates[@]} > 0)); then
    while IFS= read -r version; do
      dir="/usr/lib/postgresql/${version}/bin"
      if [[ -x "${dir}/initdb" && -x "${dir}/pg_ctl" && -x "${dir}/postgres" ]]; then
        printf '%s\n' "${dir}"
        return 0
      fi
    done < <(for dir in "${candidates[@]}"; do basename "$(dirname "${dir}")"; done | sort -rV)
  fi
  local initdb pg_ctl postgres
  initdb="$(command -v initdb 2>/dev/null || true)"
  pg_ctl="$(command -v pg_ctl 2>/dev/null || true)"
  postgres="$(command -v postgres 2>/dev/null || true)"
  if [[ -n "${initdb}" && -n "${pg_ctl}" && -n "${postgres}" ]]; then
    printf '%s\n' "$(dirname "${pg_ctl}")"
    return 0
  fi
  return 1
}

report_found() {
  printf 'PostgreSQL server binaries found in %s (initdb, pg_ctl, postgres)\n' "$1"
}

# docker-compose validates docker-compose.yml in test/delivery.e2e.spec.ts
# (`docker compose config`); no Docker engine is needed for that.
has_compose() {
  command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1
}

if dir="$(find_pg_bin_dir)" && has_compose; then
  report_found "${dir}"
  exit 0
fi

fail() {
  cat >&2 <<'EOF'
error: the PostgreSQL server binaries (initdb, pg_ctl, postgres) are missing.
The tests start a throwaway PostgreSQL server and need them installed.
Install them with (as root):
  apt-get update && apt-get install -y --no-install-recommends postgresql
or on a non-Debian system install the PostgreSQL server package
(e.g. `brew install postgresql`, `dnf install postgresql-server`) so that
initdb and pg_ctl are on PATH, then run: bash scripts/install-test-deps.sh
EOF
  if [[ -n "${1:-}" ]]; then
    printf 'reason: %s\n' "$1" >&2
  fi
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  fail "apt-get is not available on this system"
fi

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true </dev/null >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    fail "not running as root and passwordless sudo is not available"
  fi
fi

packages=()
find_pg_bin_dir >/dev/null || packages+=(postgresql)
has_compose || packages+=(docker-compose)
echo "installing the Debian package(s) ${packages[*]} for the tests..."
export DEBIAN_FRONTEND=noninteractive
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null ||
  fail "apt-get update failed"
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${packages[@]}" </dev/null ||
  fail "apt-get install ${packages[*]} failed"
has_compose || fail "the package 'docker-compose' was installed but docker-compose cannot be found"

if dir="$(find_pg_bin_dir)"; then
  report_found "${dir}"
  exit 0
fi
fail "the package 'postgresql' was installed but initdb/pg_ctl/postgres still cannot be found"
