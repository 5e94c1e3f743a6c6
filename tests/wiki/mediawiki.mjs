// A scratch MediaWiki for the wiki test: Debian's mediawiki package (read-only, under
// /usr/share/mediawiki), installed non-interactively with maintenance/install.php into its own
// directory and SQLite database, served by PHP's built-in server on 127.0.0.1, and a small
// client for its action API (login, edit, upload). Nothing of the system install is changed;
// every start wipes the directory and installs afresh (well under a second with SQLite).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, rmSync, symlinkSync, appendFileSync, closeSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MEDIAWIKI = process.env.MEDIAWIKI_DIR || '/usr/share/mediawiki';
export const ADMIN = { name: 'Admin', password: 'gapscore-admin-pass-1' };
export const EDITOR = { name: 'Editor', password: 'gapscore-editor-pass-1' };

/** Why the wiki cannot run here, or null when it can. */
export function missing() {
  if (!existsSync(join(MEDIAWIKI, 'maintenance/install.php')))
    return `MediaWiki is not installed (${MEDIAWIKI}): apt-get install mediawiki php-sqlite3 php-cli (scripts/install-deps.sh does it)`;
  const php = spawnSync('php', ['-r', 'echo extension_loaded("pdo_sqlite") && extension_loaded("intl") ? "ok" : "no";'], { encoding: 'utf8' });
  if (php.error) return 'no php command: apt-get install php-cli (scripts/install-deps.sh does it)';
  if (php.stdout.trim() !== 'ok') return "PHP lacks pdo_sqlite or intl: apt-get install php-sqlite3 php-intl (scripts/install-deps.sh does it)";
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Installs a wiki in `dir` and serves it on http://127.0.0.1:<free port>/w/: `dir`/www/w is the
 * wiki's web directory (symlinks to the package's files, its own images/), `dir`/LocalSettings.php
 * and `dir`/data (SQLite) lie outside the web root. `extraSettings` is appended to
 * LocalSettings.php; `before({www, w})` runs before the server starts (to put files in place).
 * Also creates the ordinary account EDITOR (no groups). Returns {server, stop(), ...}.
 */
export async function startWiki(dir, { extraSettings = '', before = () => {} } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const www = join(dir, 'www');
  const w = join(www, 'w');
  const data = join(dir, 'data');
  mkdirSync(w, { recursive: true });
  mkdirSync(data);
  mkdirSync(join(w, 'images'));
  for (const name of readdirSync(MEDIAWIKI)) {
    if (['LocalSettings.php', 'images', 'extensions', 'cache'].includes(name)) continue;
    symlinkSync(join(MEDIAWIKI, name), join(w, name));
  }
  // Debian links the bundled extensions (Gadgets among them) from extensions-core.
  symlinkSync(join(MEDIAWIKI, 'extensions-core'), join(w, 'extensions'));

  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const settings = join(dir, 'LocalSettings.php');
  const env = { ...process.env, MW_INSTALL_PATH: w, MW_CONFIG_FILE: settings };
  run('php', [join(w, 'maintenance/install.php'), '--quiet', '--dbtype=sqlite', `--dbpath=${data}`, '--dbname=wiki',
    `--server=${server}`, '--scriptpath=/w', '--lang=en', `--pass=${ADMIN.password}`, `--confpath=${dir}`,
    'gapscore test wiki', ADMIN.name], env);
  appendFileSync(settings, extraSettings);
  run('php', [join(w, 'maintenance/createAndPromote.php'), EDITOR.name, EDITOR.password], env);
  before({ www, w });

  const log = openSync(join(dir, 'server.log'), 'w');
  // Its own process group, so stop() ends the server and the workers it forks.
  const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', www], {
    env: { ...env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  const exited = new Promise((resolve) => php.once('exit', resolve));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-php.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    try {
      process.kill(-php.pid, 'SIGKILL');
    } catch {
      // ended on SIGTERM
    }
  };
  // A test run that ends half-way (an exception, Ctrl+C, a timeout) must not leave it behind.
  const kill = () => {
    if (!stopped) try { process.kill(-php.pid, 'SIGKILL'); } catch { /* gone */ }
  };
  process.once('exit', kill);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(signal, () => {
      kill();
      process.kill(process.pid, signal); // then the default: end with that signal
    });

  const end = Date.now() + 15000;
  for (;;) {
    try {
      const r = await fetch(`${server}/w/api.php?action=query&meta=siteinfo&format=json`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      await stop();
      throw new Error(`the wiki did not answer on ${server} (see ${join(dir, 'server.log')})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, dir, www, w, stop, pid: php.pid };
}

/** One logged-in (or anonymous) session on the wiki's action API. */
export class WikiApi {
  constructor(server) {
    this.endpoint = `${server}/w/api.php`;
    this.cookies = new Map();
  }

  async call(params, { post = false, form = null } = {}) {
    const query = new URLSearchParams({ format: 'json', formatversion: '2', ...params });
    const headers = { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let response;
    if (form) {
      for (const [k, v] of query) form.append(k, v);
      response = await fetch(this.endpoint, { method: 'POST', body: form, headers });
    } else if (post) {
      response = await fetch(this.endpoint, { method: 'POST', body: query, headers });
    } else {
      response = await fetch(`${this.endpoint}?${query}`, { headers });
    }
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    if (!response.ok) throw new Error(`${params.action}: HTTP ${response.status}`);
    return response.json();
  }

  async token(type = 'csrf') {
    const r = await this.call({ action: 'query', meta: 'tokens', type });
    return r.query.tokens[`${type}token`];
  }

  async login({ name, password }) {
    const logintoken = await this.token('login');
    const r = await this.call({ action: 'clientlogin', username: name, password, logintoken, loginreturnurl: 'http://127.0.0.1/' }, { post: true });
    if (r.clientlogin?.status !== 'PASS') throw new Error(`login as ${name}: ${JSON.stringify(r)}`);
    return this;
  }

  /** Saves a page; returns the API's answer (with .error when refused). */
  async tryEdit(title, text, summary = 'gapscore wiki test') {
    return this.call({ action: 'edit', title, text, summary, token: await this.token() }, { post: true });
  }

  async edit(title, text, summary) {
    const r = await this.tryEdit(title, text, summary);
    if (r.error || r.edit?.result !== 'Success') throw new Error(`edit ${title}: ${JSON.stringify(r)}`);
    return r;
  }

  async upload(filename, content, comment = 'gapscore wiki test') {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/json' }), filename);
    const r = await this.call({ action: 'upload', filename, comment, ignorewarnings: '1', token: await this.token() }, { form });
    if (r.error || r.upload?.result !== 'Success') throw new Error(`upload ${filename}: ${JSON.stringify(r)}`);
    return r.upload;
  }
}
