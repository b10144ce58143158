#!/usr/bin/env bash
# Installs what building and testing Ready to Share needs, and only what is
# missing, so a second run takes a few seconds. The versions are the ones
# that work with Rust 1.95 on Debian 12: Trunk 0.21.14, wasm-bindgen-cli
# 0.2.130 (matching the pin in Cargo.toml), npm binaryen 132 for wasm-opt,
# Debian's chromium + chromium-driver.
#
#   scripts/setup.sh              build tools: wasm target, wasm-bindgen, trunk,
#                                 npm packages (wasm-opt), crates
#   scripts/setup.sh --browser    the above, plus Chromium and chromedriver,
#                                 and nginx, Caddy and Apache (for the tests
#                                 of the README's server examples), from apt
#
# Other scripts `source` this file and call `rts_setup [--browser]`, which
# also puts node_modules/.bin (npm binaryen's wasm-opt) and
# ~/.cargo/bin first on PATH for the rest of that script.
#
# Never install Debian's `binaryen` package: its wasm-opt (108) breaks the
# wasm that current rustc emits.

set -euo pipefail

RTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The npm packages (wasm-opt, playwright-core, axe) live at the top of the
# project: the build and the tests share one version of each.
RTS_NPM="$RTS_ROOT"

RTS_WASM_TARGET="wasm32-unknown-unknown"
RTS_WASM_BINDGEN_VERSION="0.2.130"
RTS_TRUNK_VERSION="0.21.14"
RTS_WASM_OPT_VERSION="132"

rts_say() { printf 'setup: %s\n' "$*"; }
rts_die() {
    printf 'setup: error: %s\n' "$*" >&2
    exit 1
}

# The Cargo install dir and then the npm tools dir go first on PATH, so the
# wasm-opt Trunk finds is binaryen 132 from npm, never a system one.
rts_setup_path() {
    local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
    case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
    case ":$PATH:" in
        ":$RTS_NPM/node_modules/.bin:"*) ;;
        *) PATH="$RTS_NPM/node_modules/.bin:$PATH" ;;
    esac
    export PATH
}

# Prints the version a `tool --version` reports (its second word), or nothing.
rts_tool_version() {
    "$@" --version 2>/dev/null | head -n 1 | awk '{print $2}' || true
}

rts_setup_rust() {
    command -v cargo >/dev/null || rts_die "cargo not found: install Rust with rustup first"
    command -v rustup >/dev/null || rts_die "rustup not found: it is needed to add the $RTS_WASM_TARGET target"

    if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
        rts_say "ok: rustfmt and clippy"
    else
        rts_say "installing rustup components rustfmt and clippy"
        rustup component add rustfmt clippy
    fi

    if rustup target list --installed | grep -qx "$RTS_WASM_TARGET"; then
        rts_say "ok: rust target $RTS_WASM_TARGET"
    else
        rts_say "installing rust target $RTS_WASM_TARGET"
        rustup target add "$RTS_WASM_TARGET"
    fi

    # Not --locked: the registry copy here lacks a crate its lock file names.
    local bindgen runner
    bindgen="$(rts_tool_version wasm-bindgen)"
    runner="$(rts_tool_version wasm-bindgen-test-runner)"
    if [[ "$bindgen" == "$RTS_WASM_BINDGEN_VERSION" && "$runner" == "$RTS_WASM_BINDGEN_VERSION" ]]; then
        rts_say "ok: wasm-bindgen-cli $bindgen"
    else
        rts_say "installing wasm-bindgen-cli $RTS_WASM_BINDGEN_VERSION (found '${bindgen:-none}'; about 2 minutes)"
        cargo install wasm-bindgen-cli --version "=$RTS_WASM_BINDGEN_VERSION" --force
    fi

    local trunk
    trunk="$(rts_tool_version trunk)"
    if [[ "$trunk" == "$RTS_TRUNK_VERSION" ]]; then
        rts_say "ok: trunk $trunk"
    else
        rts_say "installing trunk $RTS_TRUNK_VERSION (found '${trunk:-none}'; about 7 minutes)"
        cargo install trunk --version "$RTS_TRUNK_VERSION" --locked --force
    fi
}

rts_setup_npm() {
    command -v npm >/dev/null || rts_die "npm not found: install Node.js 20 or newer"
    local lock="$RTS_NPM/package-lock.json"
    local installed="$RTS_NPM/node_modules/.package-lock.json"
    # npm writes node_modules/.package-lock.json on every install: if it is
    # newer than package.json and the lock file, node_modules is current.
    if [[ -f "$installed" && "$installed" -nt "$RTS_NPM/package.json" && (! -f "$lock" || "$installed" -nt "$lock") ]]; then
        rts_say "ok: npm packages"
    elif [[ -f "$lock" ]]; then
        rts_say "installing npm packages (npm ci)"
        (cd "$RTS_NPM" && npm ci --no-audit --no-fund --loglevel=error)
    else
        rts_say "installing npm packages (npm install: no lock file yet)"
        (cd "$RTS_NPM" && npm install --no-audit --no-fund --loglevel=error)
    fi

    local wasm_opt
    wasm_opt="$(command -v wasm-opt || true)"
    [[ "$wasm_opt" == "$RTS_NPM/node_modules/.bin/wasm-opt" ]] ||
        rts_die "wasm-opt on PATH is '${wasm_opt:-none}', expected npm binaryen's in node_modules/.bin"
    local version
    version="$(wasm-opt --version 2>/dev/null | awk '{print $3}')"
    [[ "$version" == "$RTS_WASM_OPT_VERSION" ]] ||
        rts_die "wasm-opt is version '${version:-unknown}', expected $RTS_WASM_OPT_VERSION (npm binaryen@$RTS_WASM_OPT_VERSION)"
    rts_say "ok: wasm-opt $version (npm binaryen)"
}

# Downloads every crate the lock file names (for all targets), so builds can
# run with --offline afterwards. Quick when the cache is warm.
rts_setup_crates() {
    rts_say "fetching crates (cargo fetch)"
    (cd "$RTS_ROOT" && cargo fetch --quiet)
}

rts_setup_browser() {
    # Chromium and chromedriver for the browser tests; nginx (with its brotli
    # module), Caddy and Apache for the tests of the README's server
    # examples (tests/e2e/precompressed.test.mjs skips, saying so, any that
    # is missing).
    local wanted=(
        "/usr/bin/chromium chromium"
        "/usr/bin/chromedriver chromium-driver"
        "/usr/sbin/nginx nginx"
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so libnginx-mod-http-brotli-static"
        "/usr/bin/caddy caddy"
        "/usr/sbin/apache2 apache2"
    )
    local missing=() entry
    for entry in "${wanted[@]}"; do
        [[ -e "${entry%% *}" ]] || missing+=("${entry#* }")
    done
    if ((${#missing[@]} == 0)); then
        rts_say "ok: $(/usr/bin/chromium --version 2>/dev/null | head -n 1 || echo chromium), chromedriver, nginx, caddy, apache2"
        return
    fi
    rts_say "installing from apt: ${missing[*]}"
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || rts_die "installing ${missing[*]} needs root or sudo"
        sudo=(sudo)
    fi
    # The servers are for the tests only: they must not start as services.
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod +x "$policy"
        made_policy=1
    fi
    local status=0
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" || status=$?
    ((made_policy)) && "${sudo[@]}" rm -f "$policy"
    ((status == 0)) || rts_die "apt-get could not install ${missing[*]}"
    [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] ||
        rts_die "apt-get installed chromium but /usr/bin/chromium or /usr/bin/chromedriver is missing"
}

# rts_setup [--browser]
rts_setup() {
    local browser=0 arg
    for arg in "$@"; do
        case "$arg" in
            --browser) browser=1 ;;
            -h | --help)
                sed -n '2,19p' "$RTS_ROOT/scripts/setup.sh" | sed 's/^# \{0,1\}//'
                return 0
                ;;
            *) rts_die "unknown option: $arg (try --help)" ;;
        esac
    done
    rts_setup_path
    rts_setup_rust
    rts_setup_npm
    rts_setup_crates
    if ((browser)); then
        rts_setup_browser
    fi
    rts_say "done"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    rts_setup "$@"
fi
