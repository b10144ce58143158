// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
// beside each text and wasm file of the built site, for servers that send a
// precompressed copy (README, "Precompressed files"). Deterministic: the
// same file always gives the same bytes. scripts/postbuild.mjs runs it on
// release builds, last, so every copy is newer than its file.
//
//   node scripts/precompress.mjs [dist]

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The kinds of file that get copies: every text file the site has, and the wasm. */
export const PRECOMPRESSED_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.md', '.wasm']);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** `bytes` as brotli at quality 11, in text mode unless it is wasm. */
export function brotliBytes(bytes, { text = true } = {}) {
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** `bytes` as gzip at level 9. */
export function gzipBytes(bytes) {
  return gzipped(bytes, { level: 9 });
}

/** The files in `dir` (not in its folders) that get copies, by name. */
export function compressible(dir) {
  return readdirSync(dir)
    .filter((name) => PRECOMPRESSED_EXTENSIONS.has(extname(name).toLowerCase()))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

/** Writes both copies of every compressible file in `dir`; returns [{ name, raw, br, gz }]. */
export async function precompress(dir) {
  return Promise.all(
    compressible(dir).map(async (name) => {
      const bytes = readFileSync(join(dir, name));
      const [br, gz] = await Promise.all([brotliBytes(bytes, { text: !name.endsWith('.wasm') }), gzipBytes(bytes)]);
      writeFileSync(join(dir, `${name}.br`), br);
      writeFileSync(join(dir, `${name}.gz`), gz);
      return { name, raw: bytes.length, br: br.length, gz: gz.length };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  for (const row of await precompress(dir)) {
    console.log(`  ${row.name.padEnd(48)} ${String(row.raw).padStart(9)} raw ${String(row.gz).padStart(8)} .gz ${String(row.br).padStart(8)} .br`);
  }
}
