#!/usr/bin/env python3
"""Converts a labourgraph data directory's JSON Lines record files into the
JSON arrays Morph-KGC 2.10 reads (its JSON source loads one JSON document
per file; it has no JSON Lines reader), one file per kind, next to a copy of
dataset.json.

Posts and participants become tables of their own, posts.json (each post
with its `person`) and participations.json (each participant with its
`event`): Morph-KGC's JSON reader drops a row when any field of a nested
object is missing, and these have optional fields.

Two derived values that an RML IRI template needs are added (see
mapping.py): `_hash` on every evidence quote (the first 8 hex digits of the
SHA-256 of "source\nquote", as labourgraph mints them) and `_role_slug` on
every post. Everything else is unchanged.

Usage: prepare.py DATA_DIR OUT_DIR
"""
import hashlib
import json
import os
import shutil
import sys


def slug(text):
    out = []
    for c in text.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
        elif out and out[-1] != '-':
            out.append('-')
    return ''.join(out).strip('-')


def add_hashes(evidence):
    for ev in evidence:
        text = ev['source'] + '\n' + ev['quote']
        ev['_hash'] = hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]


def derive(record):
    add_hashes(record.get('evidence', []))
    for post in record.get('posts', []):
        post['_role_slug'] = slug(post['role'])
        add_hashes(post.get('evidence', []))
    for part in record.get('participants', []):
        add_hashes(part.get('evidence', []))
    return record


def main(data, out):
    os.makedirs(out, exist_ok=True)
    shutil.copyfile(os.path.join(data, 'dataset.json'), os.path.join(out, 'dataset.json'))
    tables = {}
    for root, _, files in os.walk(data):
        for name in sorted(files):
            if not name.endswith('.jsonl'):
                continue
            with open(os.path.join(root, name), encoding='utf-8') as f:
                records = [derive(json.loads(line)) for line in f if line.strip()]
            tables[name[:-1]] = records  # .jsonl → .json
            for record in records:
                for post in record.pop('posts', []):
                    tables.setdefault('posts.json', []).append({'person': record['id'], **post})
                for part in record.pop('participants', []):
                    tables.setdefault('participations.json', []).append({'event': record['id'], **part})
    for name, records in tables.items():
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            json.dump(records, f, ensure_ascii=False)


if __name__ == '__main__':
    main(*sys.argv[1:3])
