#!/usr/bin/env bash
# Builds the release archive a web team can deploy without any toolchain:
# ready-to-share-<version>.tar.gz (the version from Cargo.toml), holding one
# folder, ready-to-share-<version>/, with
#
#   site/              the built site (a release build, with the start screen
#                      written into index.html and a .br and .gz beside each
#                      text and wasm file): copy it to your web server
#   examples/          element.html and iframe.html, plain host pages that load
#                      ../site/ (the element, and the iframe), from
#                      examples/hosts/
#   examples/servers/  the README's server examples (Caddy, nginx, Apache)
#   README.md, LICENSE, CONTENT-LICENSE.md, CHANGELOG.md, docs/*.md (the
#                      accessibility statement, privacy information and
#                      DPIA screening a deploying body adapts)
#   SHA256SUMS         the SHA-256 of every other file (sha256sum -c SHA256SUMS)
#
#   scripts/release.sh [--no-build] [--out DIR]
#
# --no-build packages the dist/ already built (it must be a release build);
# otherwise it runs trunk build --release --offline first. The archive goes in
# DIR (default: release/). Its bytes depend only on the files: names sorted,
# owner and times fixed, gzip without a time stamp.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build=1
out="$ROOT/release"
while (($#)); do
    case "$1" in
        --no-build) build=0 ;;
        --out)
            out="${2:?--out needs a folder}"
            shift
            ;;
        -h | --help)
            sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "release: unknown option $1 (try --help)" >&2
            exit 1
            ;;
    esac
    shift
done

fail() {
    echo "release: $*" >&2
    exit 1
}

version="$(sed -n 's/^version = "\([^"]*\)"$/\1/p' Cargo.toml | head -n 1)"
[[ -n "$version" ]] || fail "no version in Cargo.toml"
name="ready-to-share-$version"

if ((build)); then
    # shellcheck source=scripts/setup.sh
    source "$ROOT/scripts/setup.sh"
    rts_setup --browser
    trunk build --release --offline
fi

# A release build: the start screen written in, and the precompressed copies.
[[ -f dist/index.html ]] || fail "dist/ is not built: run without --no-build"
grep -q 'rts-prerendered' dist/index.html || fail "dist/index.html has no start screen: not a release build with Chromium (scripts/setup.sh --browser)"
[[ -f dist/index.html.br && -f dist/index.html.gz ]] || fail "dist/ has no precompressed files: not a release build"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
top="$work/$name"
mkdir -p "$top/site" "$top/examples/servers" "$top/docs"
cp -p dist/* "$top/site/"
cp examples/hosts/*.html "$top/examples/"
cp examples/servers/* "$top/examples/servers/"
cp README.md LICENSE CHANGELOG.md "$top/"
cp content/LICENSE.md "$top/CONTENT-LICENSE.md"
shopt -s nullglob
docs=(docs/*.md)
shopt -u nullglob
if ((${#docs[@]})); then cp "${docs[@]}" "$top/docs/"; else rmdir "$top/docs"; fi

# Every file readable by all (a web server's user), then the checksums.
chmod -R u=rwX,go=rX "$top"
(cd "$top" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | xargs -d '\n' sha256sum >SHA256SUMS)

mkdir -p "$out"
archive="$(cd "$out" && pwd)/$name.tar.gz"
# The last commit's time (or the epoch outside git) for every file.
stamp="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
tar --sort=name --mtime="@$stamp" --owner=0 --group=0 --numeric-owner \
    -C "$work" -cf - "$name" | gzip -n -9 >"$archive"
(cd "$(dirname "$archive")" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

printf 'release: %s (%s bytes, %s files)\n' "$archive" "$(wc -c <"$archive")" "$(wc -l <"$top/SHA256SUMS")"
