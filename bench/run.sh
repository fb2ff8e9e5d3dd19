#!/usr/bin/env bash
# Benchmarks labourgraph at scale, side by side with Morph-KGC 2.10 and
# Oxigraph's own bulk loader, on the same synthetic records (issue 6).
# Run by hand, not by CI; see BENCHMARKS.md for the results and findings.
#
#   bench/run.sh [N ...]           default N: 10000 100000 1000000
#
# For each N it generates a corpus (`labourgraph synth`, seed $SEED) and
# measures, with hyperfine ($RUNS runs, median) and /usr/bin/time -v (peak
# resident memory):
#   labourgraph  validate, convert (N-Quads and N-Triples, no store),
#                build (memory and RocksDB stores), export (N-Quads, Turtle,
#                JSON-LD) and five queries (bench/queries) on both stores;
#   floors       serde_json parsing of the input alone (examples/parse_input),
#                Oxigraph's bulk load (pyoxigraph) of the N-Quads labourgraph
#                writes, into memory and into RocksDB;
#   Morph-KGC    the RML mapping bench/morph/mapping.rml.ttl → N-Triples,
#                then pyoxigraph's bulk load of its output; at the smallest N
#                the triple sets of Morph-KGC and labourgraph are compared.
# Then bench/report.py prints the tables.
#
# Environment:
#   LG_BENCH_WORK   work directory (corpora, stores, venvs, results)
#                   [/var/tmp/labourgraph-bench]
#   RUNS            runs per measurement [3]
#   LARGEST_RUNS    runs at the largest N of the measurements that are not
#                   a target of the issue (exports, queries, Morph-KGC and
#                   the load of its output) [$RUNS]
#   MEMORY_MAX_N    largest N for the in-memory stores [100000]: at 1 000 000
#                   records (34 million statements) an in-memory store,
#                   labourgraph's or pyoxigraph's, needs more than 24 GiB
#   SEED            corpus seed [1]
#   LARGEST_EXPORTS export formats measured at the largest N
#                   [nquads turtle jsonld]
#   LARGEST_SKIP_MORPH_LOAD  if set, no load of Morph-KGC's output at the
#                   largest N (Oxigraph's load of labourgraph's N-Quads of the
#                   same triples stands in for it)
#   COMPARE_MAX_N   largest N whose triple sets are compared [100000]
#   SKIP            space-separated groups to skip: build (labourgraph's
#                   parse, validate, convert and build), queries, exports,
#                   labourgraph (all three), oxigraph, morph; a store that
#                   is needed but not measured is built once, unmeasured
#
# Needs: a Rust toolchain, hyperfine and time (Debian packages), python3
# with venv, and the RocksDB prerequisites of the README (libclang, a C++
# compiler). The venvs are created on first use.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${LG_BENCH_WORK:-/var/tmp/labourgraph-bench}
runs=${RUNS:-3}
seed=${SEED:-1}
memory_max=${MEMORY_MAX_N:-100000}
skip=" ${SKIP:-} "
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(10000 100000 1000000); fi
largest=${sizes[-1]}
smallest=${sizes[0]}
results=$work/results
mkdir -p "$work" "$results"

log() { printf '\n==> %s\n' "$*" >&2; }
if [[ $skip == *" labourgraph "* ]]; then skip="$skip build queries exports "; fi
skipped() { [[ $skip == *" $1 "* ]]; }

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/labourgraph-target}
log "building labourgraph (release, --features rocksdb) and examples/parse_input"
(cd "$repo" && cargo build --release --locked --features rocksdb --bin labourgraph --example parse_input)
lg=$CARGO_TARGET_DIR/release/labourgraph
parse=$CARGO_TARGET_DIR/release/examples/parse_input

if [ ! -x "$work/venv-morph/bin/python" ]; then
    log "creating the Morph-KGC venv"
    python3 -m venv "$work/venv-morph"
    "$work/venv-morph/bin/pip" install -q 'morph-kgc==2.10.0'
fi
if [ ! -x "$work/venv-oxigraph/bin/python" ]; then
    log "creating the pyoxigraph venv"
    python3 -m venv "$work/venv-oxigraph"
    "$work/venv-oxigraph/bin/pip" install -q 'pyoxigraph==0.5.13'
fi
morph_py=$work/venv-morph/bin/python
ox_py=$work/venv-oxigraph/bin/python

{
    echo "date: $(date -u +%FT%TZ)"
    echo "nproc: $(nproc)"
    echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
    echo "kernel: $(uname -r)"
    echo "rustc: $(rustc --version)"
    echo "labourgraph: $(git -C "$repo" rev-parse --short HEAD) $("$lg" --version)"
    echo "hyperfine: $(hyperfine --version)"
    echo "python: $("$morph_py" --version)"
    echo "morph-kgc: $("$morph_py" -m pip show morph-kgc 2>/dev/null | sed -n 's/^Version: //p')"
    echo "morph-kgc pyoxigraph: $("$morph_py" -m pip show pyoxigraph 2>/dev/null | sed -n 's/^Version: //p')"
    echo "pyoxigraph: $("$ox_py" -m pip show pyoxigraph 2>/dev/null | sed -n 's/^Version: //p')"
} > "$results/environment.txt"
cat "$results/environment.txt" >&2

# measure NAME COMMAND [PREPARE] [RUNS] [CLEANUP]: hyperfine's median over
# the runs, and the peak resident memory of each run (GNU time's %M, in KiB).
# A failed command (say, out of memory) is recorded in NAME.failed and the
# run goes on.
measure() {
    local name=$1 cmd=$2 prepare=${3:-} n=${4:-$runs} cleanup=${5:-}
    local out=$results/$N/$name
    rm -f "$out.time" "$out.json" "$out.failed"
    log "N=$N $name (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    local args=(--runs "$n" --export-json "$out.json" --command-name "$name" --style basic)
    if [ -n "$prepare" ]; then args+=(--prepare "$prepare"); fi
    if [ -n "$cleanup" ]; then args+=(--cleanup "$cleanup"); fi
    if ! hyperfine "${args[@]}" "/usr/bin/time -f '%M %e' -a -o $out.time $cmd" >&2; then
        log "N=$N $name failed"
        { echo "failed; GNU time (peak KiB, seconds):"; tail -3 "$out.time"; } > "$out.failed" 2>/dev/null || true
        rm -f "$out.json"
        if [ -n "$cleanup" ]; then eval "$cleanup"; fi
    fi
    echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out.load"
}

# id N FILE: the id of the first record of a record file.
first_id() { head -1 "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }

for N in "${sizes[@]}"; do
    corpus=$work/n$N
    tmp=$corpus/tmp
    mkdir -p "$results/$N" "$tmp"
    if [ ! -d "$corpus/data" ]; then
        log "generating $N records"
        /usr/bin/time -f '%e s, %M KiB' -o "$results/$N/synth.time" \
            "$lg" synth --records "$N" --seed "$seed" --out "$corpus"
    fi
    lgc="$lg --quiet -C $corpus"
    # Runs of the measurements that are not targets of the issue.
    extra_runs=$runs
    export_formats="nquads turtle jsonld"
    if [ "$N" = "$largest" ]; then
        extra_runs=${LARGEST_RUNS:-$runs}
        export_formats=${LARGEST_EXPORTS:-$export_formats}
    fi
    # The N-Quads of the corpus: what Oxigraph loads, and the statement count.
    # (Only written when something reads it.)
    if ! skipped oxigraph || { ! skipped morph && [ "$N" = "$smallest" ] \
        && [ "$N" -le "${COMPARE_MAX_N:-100000}" ]; } \
        || [ ! -f "$results/$N/quads" ]; then
        [ -f "$corpus/labourgraph.nq" ] || $lgc convert --output "$corpus/labourgraph.nq"
        wc -l < "$corpus/labourgraph.nq" > "$results/$N/quads"
    fi
    du -sb "$corpus/data" | cut -f1 > "$results/$N/input-bytes"

    # The targets of the issue first (validate, convert, build and their
    # floors, then Morph-KGC), exports and queries of the built stores last.
    backends=(rocksdb)
    if [ "$N" -le "$memory_max" ]; then backends=(memory rocksdb); fi
    if ! skipped build; then
        measure parse-only "$parse $corpus/data"
        measure validate "$lgc validate"
        measure convert-nquads "$lgc convert --output $tmp/convert.nq" "" "$runs" "rm -f $tmp/convert.nq"
        measure convert-ntriples "$lgc convert --output $tmp/convert.nt" "" "$runs" "rm -f $tmp/convert.nt"
        for backend in "${backends[@]}"; do
            store=$corpus/store-$backend
            measure "build-$backend" "$lgc --store $store --backend $backend build" "rm -rf $store"
            du -sb "$store" | cut -f1 > "$results/$N/store-$backend-bytes"
        done
    fi

    if ! skipped oxigraph; then
        load=$repo/bench/oxigraph_load.py
        if [ "$N" -le "$memory_max" ]; then
            measure oxigraph-load-memory "$ox_py $load memory $corpus/labourgraph.nq"
        fi
        measure oxigraph-load-rocksdb "$ox_py $load rocksdb $corpus/labourgraph.nq $tmp/oxigraph" \
            "rm -rf $tmp/oxigraph"
        rm -rf "$tmp/oxigraph"
    fi

    if ! skipped morph; then
        morph=$corpus/morph
        if [ ! -f "$morph/config.ini" ]; then
            log "preparing the JSON for Morph-KGC"
            /usr/bin/time -f '%e s, %M KiB' -o "$results/$N/morph-prepare.time" \
                python3 "$repo/bench/morph/prepare.py" "$corpus/data" "$morph"
            cat > "$morph/config.ini" <<EOF
[CONFIGURATION]
output_format=N-TRIPLES
output_file=morph.nt
udfs=$repo/bench/morph/udfs.py

[DataSource]
mappings=$repo/bench/morph/mapping.rml.ttl
EOF
        fi
        measure morph-kgc "env -C $morph LG_DATA=$corpus/data $morph_py -m morph_kgc config.ini" \
            "rm -f $morph/morph.nt" "$extra_runs"
        if [ -f "$morph/morph.nt" ]; then  # else Morph-KGC failed (see its .failed)
            wc -l < "$morph/morph.nt" > "$results/$N/morph-triples"
            if [ "$N" = "$smallest" ] && [ "$N" -le "${COMPARE_MAX_N:-100000}" ]; then
                log "comparing the triple sets of labourgraph and Morph-KGC"
                "$ox_py" "$repo/bench/compare.py" "$corpus/labourgraph.nq" "$morph/morph.nt" \
                    | tee "$results/$N/compare.txt" >&2
            fi
            if [ "$N" -le "$memory_max" ]; then
                measure morph-oxigraph-load-memory "$ox_py $repo/bench/oxigraph_load.py memory $morph/morph.nt" \
                    "" "$extra_runs"
            fi
            if [ "$N" != "$largest" ] || [ -z "${LARGEST_SKIP_MORPH_LOAD:-}" ]; then
            measure morph-oxigraph-load-rocksdb \
                "$ox_py $repo/bench/oxigraph_load.py rocksdb $morph/morph.nt $tmp/oxigraph" "rm -rf $tmp/oxigraph" \
                "$extra_runs"
            fi
        fi
        rm -rf "$tmp/oxigraph" "$morph/morph.nt"
    fi

    if ! skipped queries || ! skipped exports; then
        for backend in "${backends[@]}"; do
            store=$corpus/store-$backend
            if [ ! -e "$store" ]; then
                log "N=$N building the $backend store (not measured)"
                $lgc --store "$store" --backend "$backend" build
            fi
            person=$(first_id "$corpus/data/people.jsonl")
            organisation=$(first_id "$corpus/data/organisations.jsonl")
            country=$(first_id "$corpus/data/places.jsonl")
            q=$repo/bench/queries
            query="$lgc --store $store query --format csv --output $tmp/result.csv --file"
            if ! skipped queries; then
                measure "query-$backend-1" "$query $q/1-counts-by-class.rq" "" "$extra_runs"
                measure "query-$backend-2" "$query $q/2-person-posts.rq --param person=person:$person" "" "$extra_runs"
                measure "query-$backend-3" "$query $q/3-provenance.rq --param organisation=organisation:$organisation" "" "$extra_runs"
                measure "query-$backend-4" "$query $q/4-agreements-by-topic.rq" "" "$extra_runs"
                measure "query-$backend-5" "$query $q/5-events-in-country.rq --param country=place:$country" "" "$extra_runs"
            fi
            if skipped exports; then export_formats=""; fi
            for format in $export_formats; do
                measure "export-$backend-$format" \
                    "$lgc --store $store export --format $format --output $tmp/export.$format" \
                    "" "$extra_runs" "rm -f $tmp/export.$format"
            done
            if [ "$backend" = memory ]; then rm -rf "$store"; fi
        done
        rm -f "$tmp"/export.* "$tmp"/convert.*
    fi
done

python3 "$repo/bench/report.py" "$results" | tee "$results/report.md"
