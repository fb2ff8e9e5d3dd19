#!/usr/bin/env python3
"""Prints the benchmark results of bench/run.sh as Markdown tables: for each
N, every measurement with its median wall time (and the range of the runs),
its peak resident memory, and statements per second; then the comparisons
of the issue (labourgraph vs Morph-KGC, vs Oxigraph's bulk load).

Usage: report.py RESULTS_DIR
"""
import json
import os
import statistics
import sys

ORDER = [
    'parse-only', 'validate', 'convert-nquads', 'convert-ntriples',
    'build-memory', 'build-rocksdb',
    'export-memory-nquads', 'export-memory-turtle', 'export-memory-jsonld',
    'export-rocksdb-nquads', 'export-rocksdb-turtle', 'export-rocksdb-jsonld',
    *[f'query-{b}-{i}' for b in ('memory', 'rocksdb') for i in range(1, 6)],
    'oxigraph-load-memory', 'oxigraph-load-rocksdb',
    'morph-kgc', 'morph-oxigraph-load-memory', 'morph-oxigraph-load-rocksdb',
]
QUERIES = {
    '1': 'entities per class', '2': 'posts of a person', '3': 'provenance of an organisation',
    '4': 'agreements per topic', '5': 'events per year in a country',
}


def read(path, default=None):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def measurement(directory, name):
    data = read(os.path.join(directory, name + '.json'))
    if data is None:
        return None
    try:
        times = json.loads(data)['results'][0]['times']
    except (ValueError, KeyError, IndexError):
        return None  # a measurement still running, or cut short
    peaks = []
    for line in (read(os.path.join(directory, name + '.time'), '') or '').splitlines():
        parts = line.split()
        if parts and parts[0].isdigit():
            peaks.append(int(parts[0]))
    return {
        'median': statistics.median(times), 'min': min(times), 'max': max(times),
        'runs': len(times), 'peak_mib': max(peaks) / 1024 if peaks else None,
        'load': read(os.path.join(directory, name + '.load'), ''),
    }


def fmt_s(t):
    return f'{t:.2f}' if t < 100 else f'{t:.0f}'


def main(results):
    sizes = sorted((int(d) for d in os.listdir(results) if d.isdigit()))
    all_m = {}
    for n in sizes:
        d = os.path.join(results, str(n))
        quads = int(read(os.path.join(d, 'quads'), '0'))
        m = {name: measurement(d, name) for name in ORDER}
        m = {k: v for k, v in m.items() if v}
        all_m[n] = (quads, m)
        print(f'### {n:,} records ({quads:,} statements)\n')
        print('| measurement | median s | range s | runs | peak MiB | statements/s |')
        print('|---|---:|---:|---:|---:|---:|')
        for name, v in m.items():
            label = name
            if name.startswith('query-'):
                label += f' ({QUERIES[name[-1]]})'
            rate = f'{quads / v["median"]:,.0f}' if quads and not name.startswith(('query', 'parse')) else ''
            peak = f'{v["peak_mib"]:,.0f}' if v['peak_mib'] is not None else ''
            print(f'| {label} | {fmt_s(v["median"])} | {fmt_s(v["min"])}–{fmt_s(v["max"])} '
                  f'| {v["runs"]} | {peak} | {rate} |')
        extra = []
        for key, what in (('store-memory-bytes', 'snapshot'), ('store-rocksdb-bytes', 'RocksDB store'),
                          ('input-bytes', 'input')):
            b = read(os.path.join(d, key))
            if b:
                extra.append(f'{what} {int(b) / 2**20:,.0f} MiB')
        if 'build-memory' in m and quads and m['build-memory']['peak_mib']:
            extra.append(f'memory store: {m["build-memory"]["peak_mib"] * 2**20 / quads:,.0f} bytes '
                         f'of peak RSS per statement')
        failed = sorted(f[:-len('.failed')] for f in os.listdir(d) if f.endswith('.failed'))
        if failed:
            extra.append('not completed: ' + ', '.join(
                f'{name} ({" / ".join(read(os.path.join(d, name + ".failed"), "").splitlines()) or "no output"})'
                for name in failed))
        cmp_ = read(os.path.join(d, 'compare.txt'))
        if cmp_:
            extra.append('triple sets: ' + cmp_.splitlines()[0])
        if extra:
            print('\n' + '; '.join(extra) + '.')
        print()

    print('### Comparisons\n')
    print('| N | (a) Morph-KGC → N-Triples / labourgraph convert | '
          '(b) Morph-KGC + Oxigraph load / labourgraph build, memory | '
          '(b) the same, RocksDB | '
          '(b) build / Oxigraph load, memory | '
          '(b) build / Oxigraph load, RocksDB | '
          'build (RocksDB) peak MiB |')
    print('|---:|---:|---:|---:|---:|---:|---:|')
    footnote = False
    for n, (quads, m) in all_m.items():
        def med(k):
            return m[k]['median'] if k in m else None

        def ratio(a, b):
            return f'{a / b:.1f}×' if a and b else ''
        def morph_then(load):
            return (med('morph-kgc') + med(load)) if med('morph-kgc') and med(load) else None

        # Without a load of Morph-KGC's own output (LARGEST_SKIP_MORPH_LOAD),
        # Oxigraph's load of labourgraph's N-Quads of the same triples stands
        # in for it, marked †.
        morph_rocksdb = ratio(morph_then('morph-oxigraph-load-rocksdb'), med('build-rocksdb'))
        if not morph_rocksdb and morph_then('oxigraph-load-rocksdb'):
            morph_rocksdb = ratio(morph_then('oxigraph-load-rocksdb'), med('build-rocksdb')) + ' †'
            footnote = True

        peak = m['build-rocksdb']['peak_mib'] if 'build-rocksdb' in m else None
        print(f'| {n:,} | {ratio(med("morph-kgc"), med("convert-ntriples"))} '
              f'| {ratio(morph_then("morph-oxigraph-load-memory"), med("build-memory"))} '
              f'| {morph_rocksdb} '
              f'| {ratio(med("build-memory"), med("oxigraph-load-memory"))} '
              f'| {ratio(med("build-rocksdb"), med("oxigraph-load-rocksdb"))} '
              f'| {f"{peak:,.0f}" if peak else ""} |')
    if footnote:
        print('\n† Morph-KGC, then Oxigraph\'s load of labourgraph\'s N-Quads of the same triples.')


if __name__ == '__main__':
    main(sys.argv[1])
