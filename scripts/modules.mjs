// The app's other modules, for scripts/postbuild.mjs. Trunk builds the
// page's first module, English built in and without the partnership view
// (index.html: data-cargo-no-default-features). This builds the crate
// again with other features, the way Trunk builds the first: cargo, then
// wasm-bindgen --target=web, then (release builds) wasm-opt -O1, with the
// same tools Trunk finds on PATH (scripts/setup.sh):
//
// - the whole app (the `workshop` feature), which the loaders fetch when
//   someone opens the partnership view (scripts/runtime/loader.js,
//   openWholeAppWhenAsked), and which the single-file copy carries, so
//   that copy has everything;
// - the first module with Welsh built in (`built-in-welsh`), for cy.html
//   and the embed with lang="cy", so Welsh users do not download the
//   English words and questions too.
//
// Cargo keeps each feature set's build apart, so building them all in one
// target folder does not rebuild any when nothing changed.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, withoutCommentLines } from './runtime/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A module's file names, named as Trunk names the first module's. */
export function moduleNames(name, glueText, wasmBytes) {
  const id = hash(Buffer.concat([Buffer.from(glueText, 'utf8'), wasmBytes]));
  return { glue: `ready-to-share-${name}-${id}.js`, wasm: `ready-to-share-${name}-${id}_bg.wasm` };
}

/**
 * Builds the crate with `features` (and without its default ones, if
 * `defaults` is false) and writes the module's glue and wasm into `dir`
 * (Trunk's staging folder) as `ready-to-share-<name>-<hash>`. Returns
 * { glue, wasm } (their names) and the glue's text.
 */
export function buildModule(dir, { release, name, features, defaults = true }) {
  const run = (command, args) =>
    execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const cargoArgs = ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--offline', '--features', features.join(',')];
  if (!defaults) cargoArgs.push('--no-default-features');
  if (release) cargoArgs.push('--release');
  const messages = run('cargo', [...cargoArgs, '--message-format=json-render-diagnostics'])
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const built = messages
    .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'ready_to_share')
    .flatMap((m) => m.filenames)
    .find((file) => file.endsWith('.wasm'));
  if (!built) throw new Error(`cargo built no wasm for the ${name} module`);
  const work = mkdtempSync(join(tmpdir(), `rts-${name}-`));
  try {
    run('wasm-bindgen', ['--target=web', `--out-dir=${work}`, `--out-name=${name}`, '--no-typescript', built]);
    const wasmFile = join(work, `${name}_bg.wasm`);
    if (release) run('wasm-opt', [`--output=${wasmFile}`, '-O1', wasmFile]);
    // Without wasm-bindgen's comment lines, as Trunk's glue (postbuild.mjs).
    const glueText = withoutCommentLines(readFileSync(join(work, `${name}.js`), 'utf8'));
    const wasmBytes = readFileSync(wasmFile);
    const names = moduleNames(name, glueText, wasmBytes);
    writeFileSync(join(dir, names.glue), glueText);
    writeFileSync(join(dir, names.wasm), wasmBytes);
    return { ...names, glueText };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The whole app, with the partnership view. */
export const buildWholeModule = (dir, { release }) => buildModule(dir, { release, name: 'whole', features: ['workshop'] });

/** The first module with Welsh built in (no partnership view, as Trunk's). */
export const buildWelshModule = (dir, { release }) =>
  buildModule(dir, { release, name: 'cy', features: ['built-in-welsh'], defaults: false });
