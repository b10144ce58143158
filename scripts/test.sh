#!/usr/bin/env bash
# Runs every check of Ready to Share, in order, stopping at the first failure:
#   1. rustfmt            cargo fmt --check
#   2. clippy (native)    cargo clippy --all-targets -- -D warnings
#   3. clippy (wasm32)    the same for wasm32-unknown-unknown, and the page's
#                         first module (built without the partnership view)
#   4. native tests       cargo test
#      runtime scripts    node --test scripts/runtime (boot.js, embed.js, sw.js,
#                         offline-copy.js, the single-file copy's script and
#                         the build step)
#   5. browser tests      wasm-bindgen-test in headless Chromium (tests/browser.rs)
#   6. release build      trunk build --release --offline into dist/, then
#                         the size budgets of the first screen (gzipped bytes)
#                         and of a whole first visit (service worker included)
#   7. debug build        trunk build --release=false into dist-debug/ (it
#                         exports forcePanicForTests, for tests/e2e/safety)
#   8. end-to-end tests   Playwright + axe against dist/ (tests/e2e/*.test.mjs)
# Installs whatever is missing first (scripts/setup.sh --browser).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

STARTED=$SECONDS
LAYER_STARTED=$SECONDS
LAYER_NAME=""
SUMMARY=()

finish_layer() {
    if [[ -n "$LAYER_NAME" ]]; then
        SUMMARY+=("$(printf '  %-20s ok  %4ss' "$LAYER_NAME" "$((SECONDS - LAYER_STARTED))")")
    fi
}

layer() {
    finish_layer
    LAYER_NAME="$1"
    LAYER_STARTED=$SECONDS
    printf '\n==============================================================\n'
    printf '== %s: %s\n' "$1" "${2:-}"
    printf '==============================================================\n'
}

on_exit() {
    local status=$?
    if ((status != 0)); then
        printf '\n==============================================================\n' >&2
        ((${#SUMMARY[@]})) && printf '%s\n' "${SUMMARY[@]}" >&2
        printf '  %-20s FAILED (exit %s)\n' "${LAYER_NAME:-setup}" "$status" >&2
        printf '!! stopped after %ss: fix the layer above and run scripts/test.sh again\n' "$((SECONDS - STARTED))" >&2
    fi
}
trap on_exit EXIT

layer "setup" "scripts/setup.sh --browser"
# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
rts_setup --browser

layer "rustfmt" "cargo fmt --check"
cargo fmt --all --check

layer "clippy (native)" "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

layer "clippy (wasm32)" "cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings"
# Integration tests other than tests/browser.rs are native-only and must say
# so, or they are compiled (and fail) for wasm32 here.
for test_file in tests/*.rs; do
    [[ "$test_file" == tests/browser.rs ]] && continue
    grep -q '^#!\[cfg(not(target_arch = "wasm32"))\]' "$test_file" || {
        echo "$test_file: add #![cfg(not(target_arch = \"wasm32\"))] at the top (native-only test)" >&2
        exit 1
    }
done
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The page's first module is built without the partnership view (index.html:
# data-cargo-no-default-features); the whole app, with it, beside it.
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
# The Welsh pages' first module: Welsh built in (scripts/modules.mjs).
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features built-in-welsh -- -D warnings
cargo clippy --test welsh_built_in --no-default-features --features built-in-welsh -- -D warnings

layer "native tests" "cargo test"
# The property tests run with a fixed seed here, so whether a change lands
# does not depend on which random cases a run draws; set PROPTEST_RNG_SEED
# (or PROPTEST_CASES) to explore others, as scripts/fuzz.sh does further.
PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261206}" cargo test
# The build with Welsh built in (tests/welsh_built_in.rs runs only there).
cargo test --no-default-features --features built-in-welsh --test welsh_built_in

layer "runtime scripts" "node --test scripts/runtime scripts/translations.test.mjs scripts/statement-page.test.mjs"
node --test --test-reporter=spec scripts/runtime/ scripts/translations.test.mjs scripts/statement-page.test.mjs

layer "translations" "node scripts/translations.mjs check"
node scripts/translations.mjs check

layer "browser tests" "wasm-bindgen-test in headless Chromium (tests/browser.rs)"
CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    cargo test --target wasm32-unknown-unknown --test browser

layer "release build" "trunk build --release --offline into dist/"
trunk build --release --offline
wasm_file="$(find dist -maxdepth 1 -name '*.wasm' | head -n 1)"
[[ -n "$wasm_file" ]] || {
    echo "trunk build produced no .wasm in dist/" >&2
    exit 1
}
printf 'dist: %s is %s bytes (%s gzipped)\n' "$wasm_file" "$(wc -c <"$wasm_file")" "$(gzip -9 -c "$wasm_file" | wc -c)"

layer "size budget" "bytes of the standalone first screen and whole first visit (scripts/first-screen-bytes.mjs)"
# Bytes are deterministic, so this cannot flake; timings stay in scripts/bench.sh.
node scripts/first-screen-bytes.mjs dist

layer "debug build" "trunk build --release=false into dist-debug/ (for the forced-panic tests)"
trunk build --offline --release=false --dist dist-debug

layer "end-to-end tests" "Playwright + axe against dist/, Debian Chromium (tests/e2e)"
(cd tests/e2e && node --test --test-reporter=spec --test-concurrency=1 ./*.test.mjs)

finish_layer
LAYER_NAME=""
printf '\n==============================================================\n'
printf '== all layers passed in %ss\n' "$((SECONDS - STARTED))"
printf '%s\n' "${SUMMARY[@]}"
