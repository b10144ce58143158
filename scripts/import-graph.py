#!/usr/bin/env python3
"""Prints the import graph of src/: for each module, the modules it names
(`crate::a::b`, `super::x`, `self::x` paths, in `use` lines or inline), and
the cycles among them (strongly connected components of more than one
module). Used for the README's "How it is built"; run it after moving code.

    python3 scripts/import-graph.py            edges and cycles
    python3 scripts/import-graph.py --cycles   cycles only
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib'):
        rel = rel[:-1]
    return '::'.join(rel) or 'crate'


def modules():
    found = {}
    for dirpath, _, files in os.walk(ROOT):
        for name in files:
            if name.endswith('.rs'):
                path = os.path.join(dirpath, name)
                found[module_of(path)] = path
    return found


def strip_comments(text):
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'/\*.*?\*/', '', text, flags=re.S)


def edges(found):
    graph = {m: set() for m in found}
    for module, path in found.items():
        text = strip_comments(open(path, encoding='utf8').read())
        # `use a::{b, c::d}` groups: expand one level of braces.
        paths = re.findall(r'\b(crate|super|self)((?:::\w+)+)(?:::\{([^}]*)\})?', text)
        for head, tail, group in paths:
            parts = tail.strip(':').split('::')
            if head == 'crate':
                base = []
            elif head == 'super':
                base = module.split('::')[:-1] if module != 'crate' else []
                if found.get(module, '').endswith('mod.rs'):
                    base = module.split('::')[:-1]
            else:
                base = module.split('::') if module != 'crate' else []
            candidates = [parts]
            if group:
                candidates += [parts + g.strip().split('::') for g in group.split(',') if g.strip()]
            for cand in candidates:
                full = [p for p in base + cand if p]
                # the longest prefix that is a module
                for n in range(len(full), 0, -1):
                    target = '::'.join(full[:n])
                    if target in found and target != module:
                        graph[module].add(target)
                        break
    return graph


def cycles(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


if __name__ == '__main__':
    graph = edges(modules())
    if '--cycles' not in sys.argv:
        for m in sorted(graph):
            print(f'{m} -> {", ".join(sorted(graph[m])) or "(nothing)"}')
    found = cycles(graph)
    print(f'cycles: {len(found)}')
    for c in found:
        print('  ' + ' <-> '.join(c))
