#!/usr/bin/env bash
# Interoperability check against a real triple store: installs Debian's
# virtuoso-opensource if it is missing, starts a Virtuoso of our own on
# 127.0.0.1 (temporary database, our own ports and configuration), pushes a
# project (the curated corpus plus the synthetic ILOSTAT test table) with
# `labourgraph push` (Digest authentication, Graph Store Protocol), checks
# that the query library gives the same answers from Virtuoso's SPARQL
# endpoint as from the embedded store (tests/interop.rs), runs a federated
# query against it, and stops it again whatever happens.
#
# Usage: tests/interop/virtuoso.sh   (from anywhere; run by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labourgraph-target}"

say() { printf '    %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. Virtuoso ------------------------------------------------------------
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    say "installing virtuoso-opensource (apt)"
    export DEBIAN_FRONTEND=noninteractive
    # Preseed an empty dba password: the package then keeps its own default
    # instance disabled (it is not used here; ours has its own database).
    printf '%s\n' \
        'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password ' \
        'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password ' \
        | as_root debconf-set-selections
    as_root flock /tmp/apt.lock apt-get update -q
    as_root flock /tmp/apt.lock apt-get install -y -q virtuoso-opensource
fi

# --- 2. labourgraph ---------------------------------------------------------
cargo build --locked --quiet
bin="$CARGO_TARGET_DIR/debug/labourgraph"

work=$(mktemp -d "${TMPDIR:-/tmp}/labourgraph-virtuoso.XXXXXX")
virtuoso_pid=
cleanup() {
    if [ -n "$virtuoso_pid" ] && kill -0 "$virtuoso_pid" 2>/dev/null; then
        say "stopping Virtuoso (pid $virtuoso_pid)"
        kill "$virtuoso_pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$virtuoso_pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$virtuoso_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Two free ports on the loopback interface.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 20000))
        if port_free "$p" && [ "$p" != "${1:-}" ]; then echo "$p"; return; fi
    done
    echo "no free port found" >&2; return 1
}
sql_port=$(pick_port)
http_port=$(pick_port "$sql_port")

mkdir -p "$work/db"
cat > "$work/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $work/db/virtuoso.db
ErrorLogFile       = $work/db/virtuoso.log
LockFile           = $work/db/virtuoso.lck
TransactionFile    = $work/db/virtuoso.trx
xa_persistent_file = $work/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $work/db/virtuoso-temp.db
TransactionFile    = $work/db/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $work
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 5
ServerThreads        = 5
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 120
INI

say "starting Virtuoso on 127.0.0.1:$http_port (HTTP) and 127.0.0.1:$sql_port (SQL) in $work"
(cd "$work" && exec virtuoso-t +foreground +configfile "$work/virtuoso.ini") > "$work/virtuoso.out" 2>&1 &
virtuoso_pid=$!
for i in $(seq 1 120); do
    if ! kill -0 "$virtuoso_pid" 2>/dev/null; then
        cat "$work/virtuoso.out" "$work/db/virtuoso.log" >&2 || true
        echo "Virtuoso did not start" >&2; exit 1
    fi
    if grep -q "Server online" "$work/db/virtuoso.log" 2>/dev/null && ! port_free "$http_port"; then break; fi
    if [ "$i" = 120 ]; then echo "Virtuoso did not come online" >&2; exit 1; fi
    sleep 1
done

# A fresh database has dba/dba: give it a password of this run only.
password="lg$RANDOM$RANDOM$RANDOM"
isql-vt "127.0.0.1:$sql_port" dba dba "EXEC=SET PASSWORD dba $password;" > "$work/isql.out" 2>&1 || true
if grep -q "Error" "$work/isql.out" \
    || ! isql-vt "127.0.0.1:$sql_port" dba "$password" "EXEC=SELECT 1;" > /dev/null 2>&1; then
    cat "$work/isql.out" >&2; echo "cannot set the dba password" >&2; exit 1
fi

# --- 3. a project, pushed -----------------------------------------------------
project="$work/project"
mkdir -p "$project"
cp -r "$root/data" "$project/data"
"$bin" -q -C "$project" import-ilostat "$root/tests/fixtures/imports/ilostat-synthetic.csv" \
    --origin "tests/fixtures/imports/ilostat-synthetic.csv" --note "synthetic test data" > /dev/null
gsp="http://127.0.0.1:$http_port/sparql-graph-crud-auth"
sparql="http://127.0.0.1:$http_port/sparql"
say "push to $gsp (twice: a PUT replaces its graph)"
for _ in 1 2; do
    LABOURGRAPH_PUSH_USER=dba LABOURGRAPH_PUSH_PASSWORD="$password" \
        "$bin" -q -C "$project" push --endpoint "$gsp" --auth digest > "$work/push.out"
done
say "$(wc -l < "$work/push.out") graphs sent"

# Wrong credentials are refused with exit code 5.
set +e
LABOURGRAPH_PUSH_USER=dba LABOURGRAPH_PUSH_PASSWORD=wrong \
    "$bin" -q -C "$project" push --endpoint "$gsp" > /dev/null 2> "$work/refused.err"
code=$?
set -e
if [ "$code" != 5 ] || ! grep -q "rejected the credentials" "$work/refused.err"; then
    cat "$work/refused.err" >&2; echo "wrong credentials: expected exit code 5, got $code" >&2; exit 1
fi

# --- 4. same answers from Virtuoso as from the embedded store -----------------
say "comparing the query library's answers (tests/interop.rs)"
LABOURGRAPH_SPARQL_ENDPOINT="$sparql" LABOURGRAPH_INTEROP_PROJECT="$project" \
    cargo test --locked --quiet --test interop -- --ignored --nocapture

# --- 5. a federated query from the command line -------------------------------
say "federated query: the corpus' national centres with Virtuoso's labels for them"
fq="SELECT ?name ?remote WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name .
    SERVICE <$sparql> { ?o rdfs:label ?remote } } ORDER BY ?name ?remote"
"$bin" -q -C "$project" query --federate --format csv "$fq" > "$work/federated.csv"
"$bin" -q -C "$project" query --format csv \
    "SELECT ?name ?remote WHERE { ?o a lg:NationalTradeUnionCentre ; schema:name ?name ; rdfs:label ?remote } ORDER BY ?name ?remote" \
    > "$work/local.csv"
if ! diff -u "$work/local.csv" "$work/federated.csv"; then
    echo "the federated query's answer differs from the local one" >&2; exit 1
fi
say "federated answer: $(($(wc -l < "$work/federated.csv") - 1)) rows, as locally"
if "$bin" -q -C "$project" query "$fq" > /dev/null 2>&1; then
    echo "a SERVICE query ran without --federate" >&2; exit 1
fi
say "ok"
