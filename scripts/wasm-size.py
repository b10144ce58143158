#!/usr/bin/env python3
"""What takes the space in Ready to Share's wasm.

    scripts/wasm-size.py FILE.wasm [--top 40] [--depth N] [--grep TEXT]
    scripts/wasm-size.py --build [--top 40]

FILE must still have its "name" section: the wasm cargo builds
(target/wasm32-unknown-unknown/release/ready_to_share.wasm), wasm-bindgen's
output, or wasm-opt's output when run with -g. A stripped wasm (such as
dist/*.wasm) is reported by section only.

--build makes the most faithful one itself: the release library for wasm32
(cargo build --release --target wasm32-unknown-unknown --lib --offline, with
RUSTFLAGS="-C symbol-mangling-version=v0" in target/wasm-size, so names keep
their generic parameters; the first run compiles every crate, a few
minutes), then wasm-bindgen --target web, then wasm-opt -Oz -g (npm binaryen,
names kept), i.e. what Trunk ships plus the name section. Sizes are then the
code as shipped, after inlining.

Prints: the size of each section; the top functions by code size; code totals
by crate and by module path (core::fmt, serde_json::de,
ready_to_share::model::render, ...); code mentioning serde, fmt or panics
anywhere in its name (monomorphised generic code counts here too); the data
section and how much of it is the embedded content (content/*.json), each
with its gzipped size. Standard library only.
"""

import argparse
import collections
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SECTION_NAMES = {
    0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
    6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
    12: "datacount", 13: "tag",
}


def leb(data, i):
    """Unsigned LEB128 at i: (value, next index)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(data):
    if data[:4] != b"\0asm":
        sys.exit("not a wasm file")
    i = 8
    while i < len(data):
        sid = data[i]
        size, body = leb(data, i + 1)
        name = SECTION_NAMES.get(sid, str(sid))
        if sid == 0:
            n, j = leb(data, body)
            name = "custom:" + data[j:j + n].decode("utf-8", "replace")
        yield sid, name, body, size, body - i + size
        i = body + size


def count_function_imports(data, start):
    count, i = leb(data, start)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            n, i = leb(data, i)
            i += n
        kind = data[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb(data, i)
            functions += 1
        elif kind == 1:  # table: reftype + limits
            i += 1
            flags, i = leb(data, i)
            _, i = leb(data, i)
            if flags & 1:
                _, i = leb(data, i)
        elif kind == 2:  # memory: limits
            flags, i = leb(data, i)
            _, i = leb(data, i)
            if flags & 1:
                _, i = leb(data, i)
        elif kind == 3:  # global: valtype + mut
            i += 2
        elif kind == 4:  # tag
            i += 1
            _, i = leb(data, i)
    return functions


def code_sizes(data, start):
    count, i = leb(data, start)
    sizes = []
    for _ in range(count):
        size, body = leb(data, i)
        sizes.append(body - i + size)
        i = body + size
    return sizes


def function_names(data, start, end):
    names = {}
    i = start
    n, i = leb(data, i)
    i += n  # "name"
    while i < end:
        sub = data[i]
        size, body = leb(data, i + 1)
        if sub == 1:
            count, j = leb(data, body)
            for _ in range(count):
                index, j = leb(data, j)
                n, j = leb(data, j)
                names[index] = data[j:j + n].decode("utf-8", "replace")
                j += n
        i = body + size
    return names


def data_segments(data, start):
    count, i = leb(data, start)
    segments = []
    for _ in range(count):
        flags, i = leb(data, i)
        if flags == 1:
            pass
        else:
            if flags == 2:
                _, i = leb(data, i)
            # a constant expression ending in 0x0b
            while data[i] != 0x0B:
                i += 1
            i += 1
        n, i = leb(data, i)
        segments.append(data[i:i + n])
        i += n
    return segments


ESCAPES = {
    "$SP$": "@", "$BP$": "*", "$RF$": "&", "$LT$": "<", "$GT$": ">", "$LP$": "(",
    "$RP$": ")", "$C$": ",",
}


def demangle(name):
    """Rust legacy mangling (_ZN...E) to a path; other names as they are."""
    # v0 names (RUSTFLAGS="-C symbol-mangling-version=v0") come demangled by
    # the linker, with crate hashes: drop those.
    name = re.sub(r"\[[0-9a-f]{8,16}\]", "", name)
    m = re.match(r"^_?_ZN(.*)E$", name)
    if not m:
        return re.sub(r"::h[0-9a-f]{16}$", "", name)
    rest, parts = m.group(1), []
    while rest and rest[0].isdigit():
        n = re.match(r"\d+", rest).group(0)
        rest = rest[len(n):]
        parts.append(rest[:int(n)])
        rest = rest[int(n):]
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    out = []
    for part in parts:
        if part.startswith("_$"):
            part = part[1:]
        for k, v in ESCAPES.items():
            part = part.replace(k, v)
        part = re.sub(r"\$u([0-9a-f]+)\$", lambda x: chr(int(x.group(1), 16)), part)
        part = part.replace("..", "::")
        out.append(part)
    return "::".join(out)


def leading_path(name):
    """The path a function belongs to: for `<A as B>::f` the type A (or the
    trait B when A is a bare generic or a reference to one)."""
    s = name.strip()
    if s.startswith("<"):
        depth, i = 0, 0
        for i, ch in enumerate(s):
            if ch == "<":
                depth += 1
            elif ch == ">":
                depth -= 1
                if depth == 0:
                    break
        inner = s[1:i]
        m = re.match(r"^(.*?) as (.*)$", inner)
        if m:
            ty, trait = m.group(1), m.group(2)
            ty = ty.lstrip("&*[(").replace("mut ", "").replace("dyn ", "").strip()
            if "::" in ty.split("<")[0]:
                s = ty
            else:
                s = trait
        else:
            s = inner.lstrip("&*[(").replace("mut ", "").replace("dyn ", "")
    s = re.split(r"[<> (\[,]", s, maxsplit=1)[0]
    return s


def group_key(path, depth):
    parts = [p for p in path.split("::") if p]
    if not parts:
        return "(unnamed)"
    crate = parts[0]
    if depth == 1:
        return crate
    if crate == "ready_to_share":
        # ready_to_share::model::render, ready_to_share::components::summary
        keep = 3 if len(parts) > 2 and parts[1] in ("model", "components") else 2
        if len(parts) > 3 and parts[2] == "render":
            keep = 4
        return "::".join(parts[:min(keep, len(parts) - 1 or 1)])
    return "::".join(parts[:min(2, len(parts) - 1 or 1)])


def gz(data):
    return len(gzip.compress(data, 9))


def kb(n):
    return f"{n / 1024:8.1f} KB"


def build(tmp):
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(
        [os.path.join(ROOT, "node_modules/.bin"),
         os.path.expanduser("~/.cargo/bin"), env.get("PATH", "")])
    # Its own target folder: v0 symbol names keep generic parameters (so
    # serde_json's code made for the locale counts for the locale), and the
    # changed RUSTFLAGS must not make Trunk's next build start from scratch.
    target_dir = os.path.join(env.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")),
                              "wasm-size")
    env["CARGO_TARGET_DIR"] = target_dir
    env["RUSTFLAGS"] = (env.get("RUSTFLAGS", "") + " -C symbol-mangling-version=v0").strip()
    subprocess.run(["cargo", "build", "--release", "--target", "wasm32-unknown-unknown",
                    "--lib", "--offline"], cwd=ROOT, env=env, check=True)
    raw = os.path.join(target_dir, "wasm32-unknown-unknown/release/ready_to_share.wasm")
    subprocess.run(["wasm-bindgen", "--target", "web", "--out-dir", tmp, "--out-name", "rts",
                    raw], env=env, check=True)
    out = os.path.join(tmp, "rts_opt.wasm")
    subprocess.run(["wasm-opt", "-Oz", "-g", os.path.join(tmp, "rts_bg.wasm"), "-o", out],
                   env=env, check=True)
    stripped = os.path.join(tmp, "rts_stripped.wasm")
    subprocess.run(["wasm-opt", "--strip-debug", "--strip-producers", out, "-o", stripped],
                   env=env, check=True)
    with open(stripped, "rb") as f:
        s = f.read()
    print(f"as shipped (wasm-opt -Oz, names stripped): {len(s)} bytes, {gz(s)} gzipped\n")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wasm", nargs="?")
    ap.add_argument("--build", action="store_true", help="build the release wasm first")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--width", type=int, default=160, help="characters of each name to print")
    ap.add_argument("--groups", type=int, default=45, help="how many module groups to list")
    ap.add_argument("--grep", action="append", default=[],
                    help="also total the code whose name contains TEXT (repeatable)")
    args = ap.parse_args()
    tmp = None
    if args.build:
        tmp = tempfile.mkdtemp(prefix="rts-wasm-size-")
        args.wasm = build(tmp)
    if not args.wasm:
        ap.error("give a wasm file or --build")
    with open(args.wasm, "rb") as f:
        data = f.read()

    print(f"{args.wasm}: {len(data)} bytes ({gz(data)} gzipped)\n")
    print("Sections (bytes, including headers):")
    secs = list(sections(data))
    imports = code = names = dsec = None
    for sid, name, body, size, total in secs:
        print(f"  {name:28} {total:>9}")
        if sid == 2:
            imports = body
        elif sid == 10:
            code = body
        elif sid == 11:
            dsec = body
        elif name == "custom:name":
            names = (body, body + size)
    no_names = sum(t for _, n, _, _, t in secs if n != "custom:name")
    print(f"  {'(all but the name section)':28} {no_names:>9}")

    if code is None:
        return
    first = count_function_imports(data, imports) if imports is not None else 0
    sizes = code_sizes(data, code)
    fnames = function_names(data, *names) if names else {}
    if not fnames:
        print("\nNo name section: function-level figures need an unstripped wasm (see --help).")
    funcs = []
    for k, size in enumerate(sizes):
        raw = fnames.get(first + k, f"func[{first + k}]")
        funcs.append((size, demangle(raw)))
    total_code = sum(sizes)
    print(f"\nCode: {len(sizes)} functions, {total_code} bytes\n")

    print(f"Top {args.top} functions by size:")
    for size, name in sorted(funcs, reverse=True)[:args.top]:
        print(f"  {size:>7}  {name[:args.width]}")

    for depth, title, limit in ((1, "crate", 30), (2, "module path", args.groups)):
        totals = collections.Counter()
        counts = collections.Counter()
        for size, name in funcs:
            key = group_key(leading_path(name), depth)
            totals[key] += size
            counts[key] += 1
        print(f"\nCode by {title} (bytes, % of code, functions):")
        for key, size in totals.most_common(limit):
            print(f"  {size:>8}  {100 * size / total_code:5.1f}%  {counts[key]:>5}  {key}")

    # Who caused the code: the first ready_to_share module named anywhere in
    # the function's name (generic code monomorphised for the app's types,
    # such as serde_json's deserializer for the locale, or yew's component
    # lifecycle for a component, counts for that module). Only meaningful
    # with v0 names, which keep generic parameters.
    totals = collections.Counter()
    counts = collections.Counter()
    for size, name in funcs:
        m = re.search(r"ready_to_share::(?:(?:model|components)::(?:render::)?)?[a-z_0-9]+", name)
        key = m.group(0) if m else "(library) " + group_key(leading_path(name), 1)
        totals[key] += size
        counts[key] += 1
    print("\nCode by the app module it was made for (v0 names; else by library crate):")
    for key, size in totals.most_common(args.groups):
        print(f"  {size:>8}  {100 * size / total_code:5.1f}%  {counts[key]:>5}  {key}")

    print("\nCode whose name mentions (anywhere, including type parameters):")
    for needle in ["serde", "Deserialize", "Serialize", "serde_json", "core::fmt", "panic",
                   "yew::", "web_sys", "js_sys", "wasm_bindgen", "gloo", "model::render",
                   "model::partnership", "model::compare", "model::locale", "model::content",
                   "model::file", "components::"] + args.grep:
        size = sum(s for s, n in funcs if needle in n)
        count = sum(1 for _, n in funcs if needle in n)
        print(f"  {size:>8}  {100 * size / total_code:5.1f}%  {count:>5}  {needle}")

    if dsec is not None:
        segments = data_segments(data, dsec)
        blob = b"".join(segments)
        print(f"\nData: {len(segments)} segments, {len(blob)} bytes ({gz(blob)} gzipped on its own)")
        for rel in ["content/pack.en.json", "content/locale.en.json"]:
            path = os.path.join(ROOT, rel)
            if not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                text = f.read()
            found = "embedded verbatim" if text in blob else "not found verbatim in data"
            print(f"  {rel:26} {len(text):>7} bytes, {gz(text):>6} gzipped ({found})")
        strings = re.findall(rb"[\x20-\x7e]{24,}", blob)
        messages = [s for s in strings if b".rs" in s or b"called `" in s]
        print(f"  printable runs of 24+ chars: {sum(map(len, strings))} bytes; "
              f"ones naming a .rs file or 'called `': {sum(map(len, messages))} bytes")
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
