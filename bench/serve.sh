#!/usr/bin/env bash
# Load run of `labourgraph serve` with wrk on loopback, beside `oxigraph serve`
# (the oxigraph-cli crate) serving the same quads. Run by hand, not in CI:
#
#   bench/serve.sh [DURATION] [CONNECTIONS] [THREADS]     # defaults: 20s 16 2
#
# Needs wrk (Debian: apt-get install wrk) and, for the comparison, an
# `oxigraph` binary: $OXIGRAPH, on the PATH, or installed with
#   cargo install oxigraph-cli --no-default-features --root /var/tmp/serve-oxigraph-cli
# (it builds RocksDB: needs libclang and a C++ compiler, and long; the run
# uses its in-memory store, as labourgraph does). Prints a
# Markdown table of requests/s and latency percentiles for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-20s}"
connections="${2:-16}"
threads="${3:-2}"
target="${CARGO_TARGET_DIR:-target}"
oxigraph="${OXIGRAPH:-$(command -v oxigraph || echo /var/tmp/serve-oxigraph-cli/bin/oxigraph)}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cargo build --release --locked --quiet
labourgraph="$target/release/labourgraph"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
    for _ in $(seq 1 300); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.2
    done
    echo "no answer from $1" >&2
    exit 1
}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

lg_port=$(free_port)
"$labourgraph" -q serve --bind "127.0.0.1:$lg_port" 2>"$work/access.log" &
pids+=($!)
lg="http://127.0.0.1:$lg_port"
wait_for "$lg/sparql?query=ASK%7B%7D"

base=$(curl -sf -H 'Accept: text/csv' "$lg/sparql?query=$(urlencode 'SELECT ?b WHERE { ?d void:uriSpace ?b }')" | sed -n 2p | tr -d '\r')
entity="${base}organisation/fturk"
# "Who met whom" from the README: a typical research query, with its
# prefixes spelled out so that both servers read the same text.
query='PREFIX lg: <https://example.org/labourgraph/ontology#>
PREFIX schema: <http://schema.org/>
SELECT ?event ?person ?org ?capacity WHERE {
  ?event a lg:Meeting ; lg:hasParticipation ?p .
  ?p lg:participant/schema:name ?person .
  OPTIONAL { ?p lg:onBehalfOf/schema:name ?org }
  OPTIONAL { ?p lg:capacity ?capacity }
} ORDER BY ?event'
describe="DESCRIBE <$entity>"

ox=
if [ -x "$oxigraph" ]; then
    # Oxigraph's in-memory store, as labourgraph's, loaded through the
    # Graph Store Protocol.
    "$labourgraph" -q export --format nquads --output "$work/graph.nq"
    ox_port=$(free_port)
    "$oxigraph" serve --bind "127.0.0.1:$ox_port" --union-default-graph >/dev/null 2>&1 &
    pids+=($!)
    ox="http://127.0.0.1:$ox_port"
    wait_for "$ox/query?query=ASK%7B%7D"
    curl -sf -X POST -H 'Content-Type: application/n-quads' --data-binary "@$work/graph.nq" "$ox/store"
    [ "$(curl -sf -H 'Accept: text/csv' "$ox/query?query=$(urlencode 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')" | sed -n 2p | tr -d '\r')" = \
        "$(curl -sf -H 'Accept: text/csv' "$lg/sparql?query=$(urlencode 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')" | sed -n 2p | tr -d '\r')" ] ||
        { echo "oxigraph did not load the same quads" >&2; exit 1; }
else
    echo "no oxigraph binary ($oxigraph): measuring labourgraph only" >&2
fi

# wrk URL ACCEPT → "requests/s | p50 | p90 | p99 | errors"
run() {
    local out
    out=$(wrk -t "$threads" -c "$connections" -d "$duration" --latency -H "Accept: $2" "$1")
    local rps p50 p90 p99 errors
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print $0}' <<<"$out" | paste -sd' ')
    echo "$rps | $p50 | $p90 | $p99 | ${errors:-0}"
}

q=$(urlencode "$query")
d=$(urlencode "$describe")
path="${entity#"$base"}"
echo
echo "wrk -t $threads -c $connections -d $duration, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "labourgraph $("$labourgraph" --version | cut -d' ' -f2)${ox:+, oxigraph $("$oxigraph" --version 2>/dev/null | awk '{print $NF}')}"
echo
echo "| request | server | requests/s | p50 | p90 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
echo "| \"who met whom\" SELECT, JSON | labourgraph | $(run "$lg/sparql?query=$q" application/sparql-results+json) |"
[ -n "$ox" ] && echo "| \"who met whom\" SELECT, JSON | oxigraph | $(run "$ox/query?query=$q" application/sparql-results+json) |"
echo "| DESCRIBE an organisation, Turtle | labourgraph | $(run "$lg/sparql?query=$d" text/turtle) |"
[ -n "$ox" ] && echo "| DESCRIBE an organisation, Turtle | oxigraph | $(run "$ox/query?query=$d" text/turtle) |"
echo "| entity page /$path, HTML | labourgraph | $(run "$lg/$path" text/html) |"
echo "| entity /$path.ttl, Turtle | labourgraph | $(run "$lg/$path.ttl" text/turtle) |"
echo
echo "access log: $(wc -l <"$work/access.log") lines"
