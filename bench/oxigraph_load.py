#!/usr/bin/env python3
"""Oxigraph's own bulk load (pyoxigraph) of an N-Quads or N-Triples file,
into the in-memory store or a RocksDB store: the lower bound for
`labourgraph build`.

Usage: oxigraph_load.py memory FILE
       oxigraph_load.py rocksdb FILE DIR
"""
import sys
import time

import pyoxigraph as ox


def main(mode, path, directory=None):
    fmt = ox.RdfFormat.N_QUADS if path.endswith('.nq') else ox.RdfFormat.N_TRIPLES
    start = time.perf_counter()
    store = ox.Store() if mode == 'memory' else ox.Store(directory)
    store.bulk_load(path=path, format=fmt)
    if mode != 'memory':
        store.flush()
    print(f'{mode}: loaded {path} in {time.perf_counter() - start:.2f} s', file=sys.stderr)


if __name__ == '__main__':
    main(*sys.argv[1:])
