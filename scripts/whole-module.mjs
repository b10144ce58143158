// The whole app as a second module, for scripts/postbuild.mjs. Trunk builds
// the page's first module without the partnership view (index.html:
// data-cargo-no-default-features), so that nobody who never opens the view
// downloads it; this builds the crate again with it (the `workshop`
// feature), the way Trunk builds the first: cargo, then wasm-bindgen
// --target=web, then (release builds) wasm-opt -O1, with the same tools
// Trunk finds on PATH (scripts/setup.sh). The loaders fetch it when someone
// opens the view (scripts/runtime/loader.js, openWholeAppWhenAsked), and the
// single-file copy carries it, so that copy has everything.
//
// Cargo keeps each feature set's build apart, so building both in one
// target folder does not rebuild either when nothing changed.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from './runtime/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The file names of the whole app's glue and wasm, named as Trunk names the first module's. */
export function wholeNames(glueText, wasmBytes) {
  const id = hash(Buffer.concat([Buffer.from(glueText, 'utf8'), wasmBytes]));
  return { glue: `ready-to-share-whole-${id}.js`, wasm: `ready-to-share-whole-${id}_bg.wasm` };
}

/**
 * Builds the whole app and writes its glue and wasm into `dir` (Trunk's
 * staging folder). Returns { glue, wasm } (their names) and the glue's text.
 */
export function buildWholeModule(dir, { release }) {
  const run = (command, args) =>
    execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const cargoArgs = ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--offline', '--features', 'workshop'];
  if (release) cargoArgs.push('--release');
  const messages = run('cargo', [...cargoArgs, '--message-format=json-render-diagnostics'])
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const built = messages
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'ready_to_share')
    .flatMap((m) => m.filenames)
    .find((file) => file.endsWith('.wasm'));
  if (!built) throw new Error('cargo built no wasm for the whole app');
  const work = mkdtempSync(join(tmpdir(), 'rts-whole-'));
  try {
    run('wasm-bindgen', ['--target=web', `--out-dir=${work}`, '--out-name=whole', '--no-typescript', built]);
    const wasmFile = join(work, 'whole_bg.wasm');
    if (release) run('wasm-opt', [`--output=${wasmFile}`, '-O1', wasmFile]);
    const glueText = readFileSync(join(work, 'whole.js'), 'utf8');
    const wasmBytes = readFileSync(wasmFile);
    const names = wholeNames(glueText, wasmBytes);
    writeFileSync(join(dir, names.glue), glueText);
    writeFileSync(join(dir, names.wasm), wasmBytes);
    return { ...names, glueText };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
