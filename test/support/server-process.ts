// Runs the built server (`node dist/apps/api/src/main.js`) as a real child
// process, as `npm start` and the container do, and reads its JSON log lines.
// `npm test` builds first; run `node tools/build-node.mjs apps/api` before
// running these tests on their own.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot } from './test-server';

export const serverEntry = join(workspaceRoot, 'dist/apps/api/src/main.js');

/** One pino line from the server's stdout (or `{ level: -1, msg: <raw text> }` for anything else). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Settings the server reads: left out of the inherited environment so each test states its own. */
const SERVER_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'LOG_LEVEL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'ADMIN_NAME',
  'SIGNUP_ENABLED',
  'SESSION_TTL_HOURS',
  'COOKIE_SECURE',
  'TRUST_PROXY',
  'BODY_LIMIT_BYTES',
  'CORS_ORIGINS',
  'SHUTDOWN_TIMEOUT_MS',
  'WEB_DIR',
];

const running = new Set<ServerProcess>();

export class ServerProcess {
  readonly logs: LogLine[] = [];
  private stderrText = '';
  private readonly waiters = new Set<() => void>();
  private exited: Exit | undefined;
  readonly exit: Promise<Exit>;

  private constructor(readonly child: ChildProcess) {
    running.add(this);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => (this.stderrText += text));
    if (child.stdout) {
      createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
        this.logs.push(parseLine(line));
        this.notify();
      });
    }
    // 'close' (not 'exit') comes after stdout and stderr are fully read.
    this.exit = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.exited = { code, signal };
        running.delete(this);
        this.notify();
        resolve(this.exited);
      });
      child.once('error', (error) => {
        this.stderrText += `spawn failed: ${error.message}\n`;
      });
    });
  }

  /**
   * Spawns the server with the test's environment: the inherited one minus
   * the server's own settings, plus PORT=0, HOST=127.0.0.1, LOG_LEVEL=info
   * and `env` (which must include DATA_DIR unless the test wants ./data).
   */
  static spawn(env: Record<string, string>): ServerProcess {
    if (!existsSync(serverEntry)) {
      throw new Error(`${serverEntry} is missing: build the server first (node tools/build-node.mjs apps/api)`);
    }
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !SERVER_VARIABLES.includes(name)),
    );
    const child = spawn(process.execPath, [serverEntry], {
      cwd: workspaceRoot,
      env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(child);
  }

  /** Spawns a server and waits until it says where it is serving. */
  static async start(env: Record<string, string>, timeoutMs = 30_000): Promise<{ server: ServerProcess; url: string }> {
    const server = ServerProcess.spawn(env);
    const line = await server.waitForLog('kubelab is serving on', timeoutMs);
    if (typeof line['url'] !== 'string') throw new Error(`no url in the serving log line: ${JSON.stringify(line)}`);
    return { server, url: line['url'] };
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`the server did not start: ${this.stderrText}`);
    return this.child.pid;
  }

  get stderr(): string {
    return this.stderrText;
  }

  get hasExited(): boolean {
    return this.exited !== undefined;
  }

  /**
   * The first log line (already seen or still to come) whose msg starts with
   * `match`, or that `match` accepts; fails on timeout or when the server exits.
   */
  waitForLog(match: string | ((line: LogLine) => boolean), timeoutMs = 30_000, description?: string): Promise<LogLine> {
    const matches = typeof match === 'string' ? (line: LogLine) => line.msg.startsWith(match) : match;
    const what = description ?? (typeof match === 'string' ? `starting "${match}"` : match.toString());
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs.find(matches);
        if (found) return done(() => resolve(found));
        if (this.exited) {
          return done(() =>
            reject(
              new Error(
                `the server exited (${describeExit(this.exited)}) before logging a line ${what}${this.context()}`,
              ),
            ),
          );
        }
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no log line ${what} within ${timeoutMs} ms${this.context()}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Waits for the process to end; fails (and kills it) if it takes longer than `timeoutMs`. */
  async waitForExit(timeoutMs = 30_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void this.kill();
        reject(new Error(`the server did not exit within ${timeoutMs} ms${this.context()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal (SIGTERM by default) and waits for the process to end. */
  stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
    this.signal(signal);
    return this.waitForExit(timeoutMs);
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.exited) this.child.kill(signal);
  }

  /** SIGKILL, for cleanup after a failed test. */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exit;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private context(): string {
    const tail = this.logs
      .slice(-15)
      .map((line) => JSON.stringify(line))
      .join('\n    ');
    return `\n  stderr: ${this.stderrText || '(empty)'}\n  last log lines:\n    ${tail || '(none)'}`;
  }
}

/** Kills every server process a test left running (for afterEach/afterAll). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all([...running].map((server) => server.kill()));
}

export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kubelab-process-'));
}

function parseLine(line: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as LogLine).level === 'number') {
      const line = parsed as LogLine;
      return typeof line.msg === 'string' ? line : { ...line, msg: '' };
    }
  } catch {
    // not a log line
  }
  return { level: -1, msg: line };
}

function describeExit(exit: Exit | undefined): string {
  return exit?.signal ? `signal ${exit.signal}` : `code ${String(exit?.code)}`;
}
