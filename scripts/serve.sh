#!/usr/bin/env bash
# Builds Ready to Share in release mode and serves it on
# http://127.0.0.1:8080 (address and port: Trunk.toml), rebuilding when
# files change. Extra arguments go to `trunk serve` (e.g. --port 8081).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
rts_setup # also runs `cargo fetch`, so --offline finds every crate

echo "serve: trunk serve on http://127.0.0.1:8080 unless --address/--port say otherwise (Ctrl-C to stop)"
exec trunk serve --release --offline "$@"
