#!/usr/bin/env bash
# Publishes releases of the curated corpus and of the mini fixture and
# checks them with tools no one on the project wrote: rdflib, pyld and
# pySHACL (from PyPI, in a virtual environment) and rapper (raptor2-utils,
# from Debian). Installs what is missing; exits non-zero on any failure.
#
#   tests/interop/run.sh [RELEASE_DIR…]   # check these releases instead
#
# LABOURGRAPH_VENV chooses the virtual environment
# (default /var/tmp/labourgraph-venv, reused when present).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${LABOURGRAPH_VENV:-/var/tmp/labourgraph-venv}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
    # other users of the machine may run apt at the same time
    local lock=(); command -v flock >/dev/null && lock=(flock /tmp/apt.lock)
    as_root "${lock[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root "${lock[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

command -v rapper >/dev/null || apt_install raptor2-utils
if ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
    python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
    rm -rf "$venv"
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r tests/interop/requirements.txt

if [ "$#" -gt 0 ]; then
    releases=("$@")
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    cargo run --locked -q -- -q --store "$work/store" publish --out "$work/corpus"
    cargo run --locked -q -- -q --data tests/fixtures/mini --store "$work/mini-store" publish --out "$work/mini"
    releases=("$work/corpus" "$work/mini")
fi
for release in "${releases[@]}"; do
    printf '\n--- %s\n' "$release"
    "$venv/bin/python" tests/interop/check_release.py "$release"
done
