// Starts a throwaway PostgreSQL server for tests: a fresh cluster in a temp
// directory, listening only on 127.0.0.1 on a free port, with durability turned
// off for speed. It never touches a system cluster (e.g. Debian's on 5432).
//
// The server binaries must be installed: `bash scripts/install-test-deps.sh`.
// PostgreSQL refuses to run as root, so when the tests run as root the cluster
// is owned by, and the server runs as, the `postgres` OS user (via runuser).
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Client } from 'pg';

export interface PostgresServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

const INSTALL_HINT = 'Run `bash scripts/install-test-deps.sh` to install them (Debian package `postgresql`).';
const DEBIAN_ROOT = '/usr/lib/postgresql';
const SERVER_USER = 'postgres';
const DEFAULT_DATABASE = 'kubelab_test';
const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 30;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Compares version directory names such as "15", "16" or "9.6", highest first. */
function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function binariesIn(dir: string): PostgresBinaries | undefined {
  const found = {
    initdb: join(dir, 'initdb'),
    pgCtl: join(dir, 'pg_ctl'),
    postgres: join(dir, 'postgres'),
  };
  return isExecutable(found.initdb) && isExecutable(found.pgCtl) && isExecutable(found.postgres) ? found : undefined;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Finds initdb, pg_ctl and postgres: the highest version under
 * /usr/lib/postgresql/<version>/bin (Debian), else on PATH.
 * Same search as scripts/install-test-deps.sh.
 */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN_ROOT).sort(compareVersionsDescending);
  } catch {
    // No Debian-style install.
  }
  for (const version of versions) {
    const found = binariesIn(join(DEBIAN_ROOT, version, 'bin'));
    if (found) return found;
  }
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  if (!initdb || !pgCtl) return undefined;
  const postgres = binariesIn(dirname(pgCtl))?.postgres ?? onPath('postgres');
  return postgres ? { initdb, pgCtl, postgres } : undefined;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a program without a shell and collects its stdout and stderr. */
function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

class CommandError extends Error {
  constructor(
    readonly description: string,
    readonly result: RunResult,
  ) {
    const status = result.signal ? `signal ${result.signal}` : `exit code ${String(result.code)}`;
    super(`${description} failed (${status})${result.output.trim() ? `:\n${result.output.trim()}` : ''}`);
    this.name = 'CommandError';
  }
}

async function idOf(user: string, flag: '-u' | '-g'): Promise<number> {
  const result = await run('id', [flag, user], '/');
  const id = Number.parseInt(result.output.trim(), 10);
  if (result.code !== 0 || Number.isNaN(id)) {
    throw new Error(
      `Running as root, so PostgreSQL must run as the '${user}' OS user, but it was not found ` +
        `(id ${flag} ${user}: ${result.output.trim()}). ${INSTALL_HINT}`,
    );
  }
  return id;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close((error) => {
        if (error) reject(error);
        else if (port === undefined) reject(new Error('Could not determine a free TCP port'));
        else resolve(port);
      });
    });
  });
}

async function logTail(logFile: string): Promise<string> {
  try {
    const lines = (await readFile(logFile, 'utf8')).trimEnd().split('\n');
    return lines.slice(-LOG_TAIL_LINES).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Quotes a word for the shell command line that pg_ctl builds from its -o option. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Starts a fresh PostgreSQL server on 127.0.0.1 and creates `database`
 * (default `kubelab_test`) in it. Call `stop()` when done.
 */
export async function startPostgresServer(options: { database?: string } = {}): Promise<PostgresServer> {
  const database = options.database ?? DEFAULT_DATABASE;
  if (!database) throw new Error('startPostgresServer: database name must not be empty');

  const binaries = findPostgresBinaries();
  if (!binaries) {
    throw new Error(`PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. ${INSTALL_HINT}`);
  }

  const asRoot = process.getuid?.() === 0;
  // The server's own commands run as the `postgres` user when we are root.
  const serverCommand = (program: string, args: readonly string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', SERVER_USER, '--', program, ...args]] : [program, [...args]];

  const baseDir = await mkdtemp(join(tmpdir(), 'kubelab-pg-'));
  const dataDir = join(baseDir, 'data');
  const logFile = join(baseDir, 'postgres.log');

  const pgCtl = async (args: readonly string[]): Promise<RunResult> => {
    const [command, commandArgs] = serverCommand(binaries.pgCtl, args);
    return run(command, commandArgs, baseDir);
  };
  const isRunning = async (): Promise<boolean> => (await pgCtl(['status', '-D', dataDir])).code === 0;
  const shutDown = async (): Promise<void> => {
    const fast = await pgCtl(['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30']);
    if (fast.code !== 0 && (await isRunning())) {
      const immediate = await pgCtl(['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
      if (immediate.code !== 0 && (await isRunning())) throw new CommandError('pg_ctl stop', immediate);
    }
  };
  const removeBaseDir = (): Promise<void> => rm(baseDir, { recursive: true, force: true });

  try {
    if (asRoot) {
      await chown(baseDir, await idOf(SERVER_USER, '-u'), await idOf(SERVER_USER, '-g'));
    }

    const [initdbCommand, initdbArgs] = serverCommand(binaries.initdb, [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    const initdb = await run(initdbCommand, initdbArgs, baseDir);
    if (initdb.code !== 0) throw new CommandError(`initdb (${binaries.initdb})`, initdb);

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k ${shellQuote(baseDir)}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      const start = await pgCtl(['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions]);
      if (start.code === 0) break;
      const tail = await logTail(logFile);
      // Another process may have taken the port between probing and binding it.
      if (attempt < START_ATTEMPTS && /could not bind|address already in use/i.test(tail) && !(await isRunning())) {
        continue;
      }
      throw new Error(`${new CommandError('pg_ctl start', start).message}\n--- server log (tail) ---\n${tail}`);
    }

    const adminClient = new Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    });
    await adminClient.connect();
    try {
      if (database !== 'postgres') await adminClient.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    } finally {
      await adminClient.end();
    }

    let stopping: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      port,
      stop(): Promise<void> {
        stopping ??= shutDown().finally(removeBaseDir);
        return stopping;
      },
    };
  } catch (error) {
    const tail = await logTail(logFile);
    try {
      if (await isRunning()) await shutDown();
    } catch {
      // Best effort; the original error matters more.
    }
    await removeBaseDir().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const withLog = message.includes('--- server log') ? message : `${message}\n--- server log (tail) ---\n${tail}`;
    throw new Error(`Could not start a test PostgreSQL server: ${withLog}`, { cause: error });
  }
}
