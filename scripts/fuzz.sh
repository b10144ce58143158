#!/usr/bin/env bash
# Fuzzes Ready to Share's two readers and its renderers with cargo-fuzz
# (libFuzzer) on the nightly toolchain. Each target runs for SECONDS seconds
# (default 60), one after the other:
#
#   assessment_file   read_assessment on any bytes, any JSON, near-valid files
#   content_pack      ContentPack::parse on any bytes, any JSON, generated packs
#   renderers         read a file, then HTML, Markdown, CSV, the comparison
#                     and the partnership view (no panic, no markup, no formula)
#
#   scripts/fuzz.sh                      every target, 60 s each
#   scripts/fuzz.sh 300                  every target, 5 minutes each
#   scripts/fuzz.sh 120 renderers        one target
#
# Installs cargo-fuzz (from crates.io, about 4 minutes) if it is missing;
# needs `rustup toolchain install nightly`. The first build of the targets
# takes about 7 minutes on 2 cores. New inputs go to fuzz/corpus/<target>
# (kept between runs, not committed), crashes to fuzz/artifacts/<target>:
# turn each into a test in tests/fuzz_regressions.rs. The last line for
# each target gives how long it ran and how many inputs it tried.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(assessment_file content_pack renderers)

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
export PATH

rustup toolchain list | grep -q '^nightly' ||
    { echo "fuzz: the nightly toolchain is missing: rustup toolchain install nightly" >&2; exit 1; }
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz (about 4 minutes)"
    cargo install cargo-fuzz
fi

cd "$ROOT/fuzz"
summary=()
status=0
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target"
    dirs=("corpus/$target")
    [[ -d "seeds/$target" ]] && dirs+=("seeds/$target")
    log="$(mktemp)"
    echo "fuzz: $target for ${SECONDS_EACH}s"
    started=$SECONDS
    if cargo +nightly fuzz run -O "$target" "${dirs[@]}" -- \
        -max_total_time="$SECONDS_EACH" -dict=dict/json.dict -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        result=ok
    else
        result="CRASHED (see fuzz/artifacts/$target and $log)"
        status=1
        tail -n 60 "$log" >&2
    fi
    # libFuzzer's own count and time ("Done N runs in S second(s)"), not
    # counting the build; the stats line if it stopped early.
    execs="$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
    fuzzed="$(grep -m1 -o 'Done [0-9]* runs in [0-9]* second' "$log" | awk '{print $5}')"
    summary+=("$(printf '  %-16s %-8s fuzzed %5ss (%ss with the build)  %10s inputs' \
        "$target" "$result" "${fuzzed:-?}" "$((SECONDS - started))" "${execs:-?}")")
    [[ "$result" == ok ]] && rm -f "$log"
done
printf '%s\n' "${summary[@]}"
exit "$status"
