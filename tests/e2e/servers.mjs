// The README's server examples (examples/servers/), run for real: each
// example's file, with its folder and port put in place of
// /var/www/ready-to-share and 8080, inside the least configuration its
// server needs to run as this user on a loopback port. A server that is
// not installed is reported with the reason, so the test that wanted it
// can skip (`scripts/setup.sh --browser` installs nginx, its brotli module,
// Caddy and Apache from apt).
//
//   const server = await startExample('nginx', { root });  // or { skip: 'why' }
//   server.url                                             // http://127.0.0.1:<port>/
//   await server.stop();

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXAMPLES = new URL('../../examples/servers/', import.meta.url);

/** The text of an example, as the README shows it. */
export const exampleText = (name) => readFileSync(new URL(name, EXAMPLES), 'utf8');

/** The examples, by server: its file and the command that must be installed. */
export const SERVERS = {
  nginx: { file: 'nginx.conf', command: '/usr/sbin/nginx' },
  caddy: { file: 'Caddyfile', command: '/usr/bin/caddy' },
  apache: { file: 'apache.conf', command: '/usr/sbin/apache2' },
};

const NGINX_BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const APACHE_MODULES = '/usr/lib/apache2/modules';

/** A free loopback port (the server is told it; nothing else takes it so soon). */
export async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** One GET, with the body as it came (never decompressed): { status, headers, body }. */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until `url` answers, or the process ends, or 10 s pass (then throws with its output). */
async function answering(url, child, output) {
  const started = Date.now();
  let exited = null;
  child.once('exit', (code) => (exited = code));
  while (Date.now() - started < 10_000) {
    if (exited !== null) throw new Error(`the server stopped (exit ${exited}): ${output.join('')}`);
    try {
      await get(url);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new Error(`the server did not answer within 10 s: ${output.join('')}`);
}

/** The configuration each server runs the example in, in the folder `dir`. */
function configure(name, { root, port, dir }) {
  const example = exampleText(SERVERS[name].file);
  const asRoot = process.getuid?.() === 0;
  if (name === 'nginx') {
    const brotli = existsSync(NGINX_BROTLI);
    const server = example
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replaceAll('/var/www/ready-to-share', root)
      // Without the brotli module, the example says to leave the line out.
      .replace(brotli ? /^$/ : /^\s*brotli_static on;\n/m, '');
    const conf = [
      brotli ? `load_module ${NGINX_BROTLI};` : '',
      'daemon off;',
      'master_process off;',
      asRoot ? 'user root;' : '',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')};`,
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      server,
      '}',
    ].join('\n');
    writeFileSync(join(dir, 'nginx.conf'), conf);
    return {
      args: [SERVERS.nginx.command, '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
      brotli,
    };
  }
  if (name === 'caddy') {
    const site = example
      .replace(':8080 {', `:${port} {\n\tbind 127.0.0.1`)
      .replaceAll('/var/www/ready-to-share', root);
    writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n}\n\n${site}`);
    return {
      args: [SERVERS.caddy.command, 'run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
      env: { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      brotli: true,
    };
  }
  // Apache: Debian's own module files and type table, as `a2enmod rewrite
  // headers` leaves them; a user that may read `root`.
  const modules = ['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite', 'headers'];
  const conf = [
    `DefaultRuntimeDir ${dir}`,
    `PidFile ${join(dir, 'httpd.pid')}`,
    `ErrorLog ${join(dir, 'error.log')}`,
    `Listen 127.0.0.1:${port}`,
    'ServerName localhost',
    ...modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`),
    asRoot ? 'User www-data\nGroup www-data' : '',
    'TypesConfig /etc/mime.types',
    'AddType application/x-gzip .gz .tgz',
    `DocumentRoot "${root}"`,
    example.replaceAll('/var/www/ready-to-share', root),
  ].join('\n');
  writeFileSync(join(dir, 'httpd.conf'), conf);
  return { args: [SERVERS.apache.command, '-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], brotli: true };
}

/**
 * Serves `root` with the example for `name` ('nginx', 'caddy' or
 * 'apache'). Resolves to { url, brotli, stop } or, when the server is not
 * installed, { skip } with the reason. `root` must be readable by every
 * user (Apache's workers run as www-data).
 */
export async function startExample(name, { root }) {
  const { command } = SERVERS[name];
  if (!existsSync(command)) {
    return { skip: `${name} is not installed (${command} is missing; scripts/setup.sh --browser installs it)` };
  }
  if (name === 'apache' && spawnSync(command, ['-v']).status !== 0) {
    return { skip: `${command} -v failed: ${spawnSync(command, ['-v'], { encoding: 'utf8' }).stderr}` };
  }
  const dir = mkdtempSync(join(tmpdir(), `rts-${name}-`));
  const port = await freePort();
  const { args, env = {}, brotli } = configure(name, { root, port, dir });
  const output = [];
  const child = spawn(args[0], args.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null) {
      const ended = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await ended;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await answering(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, brotli, stop, output };
}
