#!/usr/bin/env python3
"""Lists functions in src/ longer than a limit (default 80 lines), longest
first: a function should be short enough to read on one screen.

    python3 scripts/long-functions.py [limit]
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
START = re.compile(r'^(\s*)(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?fn\s+(\w+)')


def functions(path):
    lines = open(path, encoding='utf8').read().split('\n')
    i = 0
    while i < len(lines):
        m = START.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j].split('//')[0])
            if not started and ';' in code and '{' not in code:
                break  # a declaration without a body
            depth += code.count('{') - code.count('}')
            started = started or '{' in code
            if started and depth <= 0:
                yield m.group(6), i + 1, j - i + 1
                break
            j += 1
        i += 1


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    found = []
    for dirpath, _, files in os.walk(ROOT):
        for name in files:
            if name.endswith('.rs'):
                path = os.path.join(dirpath, name)
                for fn, line, length in functions(path):
                    if length > limit:
                        found.append((length, f'{os.path.relpath(path, os.path.dirname(ROOT))}:{line}', fn))
    for length, where, fn in sorted(found, reverse=True):
        print(f'{length:4} {where} {fn}')
    print(f'{len(found)} functions over {limit} lines')


main()
