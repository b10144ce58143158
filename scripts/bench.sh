#!/usr/bin/env bash
# The benchmark of Ready to Share (not a test: CI does not run it):
#   1. builds the release site (trunk build --release --offline into dist/);
#   2. runs the native model benchmarks (examples/model_bench.rs and
#      examples/partnership_bench.rs, release build);
#   3. serves dist/ with gzip on loopback and measures it in headless
#      Chromium over several cold runs (tests/e2e/bench.mjs), printing
#      medians against the budgets, each marked PASS or OVER;
#   4. in the same run, measures like our users (tests/e2e/bench/users.mjs):
#      first paint, first screen ready and first question ready, cold and
#      warm, for the standalone page and the embed, with no slowdown, with
#      the CPU slowed 4x, and with the CPU slowed 4x over a slow network
#      (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), all through the
#      Chrome DevTools Protocol; and a static HTML form of the same questions
#      (made from content/pack.en.json) as the baseline of the budgets;
#   5. prints every performance budget with its figure (the first screen's
#      gzipped bytes are scripts/first-screen-bytes.mjs's), then the wasm's
#      size, raw and gzipped.
#
#   scripts/bench.sh               everything
#   scripts/bench.sh --no-build    measure the dist/ already built
#   scripts/bench.sh --size        also list what takes the space in the wasm
#                                  (scripts/wasm-size.py --build; a few minutes)
#
# Environment: BENCH_RUNS (default 5), BENCH_CLICKS (default 100),
# BENCH_USERS_RUNS (default BENCH_RUNS; 0 skips step 4).
# Installs whatever is missing first (scripts/setup.sh --browser).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build=1
size=0
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --size) size=1 ;;
        -h | --help)
            awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
            exit 0
            ;;
        *)
            echo "bench: unknown option: $arg (try --help)" >&2
            exit 1
            ;;
    esac
done

say() { printf '\n== %s\n' "$*"; }

# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
rts_setup --browser

if ((build)); then
    say "release build: trunk build --release --offline"
    trunk build --release --offline
fi
wasm_file="$(find dist -maxdepth 1 -name '*.wasm' | head -n 1)"
[[ -n "$wasm_file" ]] || {
    echo "bench: no .wasm in dist/: run without --no-build" >&2
    exit 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say "native model benchmark: cargo run --release --example model_bench"
cargo run --quiet --release --offline --example model_bench | tee "$work/model.txt"

partnership_ms=""
if [[ -f examples/partnership_bench.rs ]]; then
    say "native partnership benchmark: cargo run --release --example partnership_bench"
    cargo run --quiet --release --offline --example partnership_bench | tee "$work/partnership.txt"
    # Lines like "  read and compute the view: 12.3ms" and "  render HTML, CSV and JSON:  4.5ms".
    partnership_ms="$(node -e '
        const text = require("fs").readFileSync(process.argv[1], "utf8");
        const unit = { s: 1e3, ms: 1, "µs": 1e-3, us: 1e-3, ns: 1e-6 };
        let total = 0, found = 0;
        for (const m of text.matchAll(/(?:compute the view|render HTML, CSV and JSON):\s*([\d.]+)\s*(ms|µs|us|ns|s)\b/g)) {
          total += Number(m[1]) * unit[m[2]];
          found++;
        }
        if (found) console.log(total.toFixed(3));
    ' "$work/partnership.txt")"
fi

model_ms="$(awk '/^MODEL_TOTAL_MS/ {print $2}' "$work/model.txt")"
printf '{"modelTotal": %s, "partnershipTotal": %s}\n' "${model_ms:-null}" "${partnership_ms:-null}" >"$work/native.json"

say "browser benchmark: node tests/e2e/bench.mjs (${BENCH_RUNS:-5} cold runs, then ${BENCH_USERS_RUNS:-${BENCH_RUNS:-5}} runs like our users)"
BENCH_NATIVE="$work/native.json" node tests/e2e/bench.mjs

say "size"
for f in "$wasm_file" dist/ready-to-share-*.js dist/boot-*.js dist/ready-to-share-*.css; do
    [[ -f "$f" ]] && printf '  %-52s %8s bytes raw %8s gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
# The locale is built into the wasm as static Rust data (build.rs), not as JSON.
for f in content/pack.en.json; do
    printf '  %-52s %8s bytes raw %8s gzipped (embedded in the wasm)\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
if ((size)); then
    say "what takes the space: scripts/wasm-size.py --build"
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}" python3 scripts/wasm-size.py --build
fi
