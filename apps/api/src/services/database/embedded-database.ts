import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PostgreSQL in the server's own process (PGlite, PostgreSQL compiled to
 * WebAssembly), stored under DATA_DIR and served on a loopback port so the
 * server reaches it with the same driver (pg) it uses for a real PostgreSQL.
 * PGlite is single-user: one connection at a time, so the pool has size 1.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string,
    readonly url: string,
  ) {}

  /**
   * Opens (or creates) the database in `dataDir`. A new database runs initdb,
   * which takes seconds; `template` (a dump from `dumpTemplate`) skips that.
   */
  static async start(options: { dataDir: string; template?: Blob }): Promise<EmbeddedDatabase> {
    await mkdir(options.dataDir, { recursive: true });
    const lockFile = join(options.dataDir, 'kubelab.lock');
    await takeLock(lockFile);
    try {
      const directory = join(options.dataDir, 'pglite');
      const isNew = (await readdir(directory).catch(() => [])).length === 0;
      const db = await PGlite.create({
        dataDir: directory,
        ...(isNew && options.template ? { loadDataDir: options.template } : {}),
      });
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      return new EmbeddedDatabase(db, server, lockFile, `postgresql://postgres@${server.getServerConn()}/postgres`);
    } catch (error) {
      await releaseLock(lockFile);
      throw error;
    }
  }

  /** A fresh, empty database as a tarball, for `start({ template })`. */
  static async dumpTemplate(): Promise<Blob> {
    const db = await PGlite.create();
    try {
      return await db.dumpDataDir('none');
    } finally {
      await db.close();
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    await releaseLock(this.lockFile);
  }
}

const heldHere = new Set<string>();

/**
 * Two servers on one DATA_DIR would corrupt the embedded database. A lock left
 * by a dead process is taken over (in a container the new server often has the
 * dead one's pid, so our own pid in the file only counts if we hold it here).
 */
async function takeLock(lockFile: string): Promise<void> {
  if (heldHere.has(lockFile)) throw new Error(`the embedded database for ${lockFile} is already open in this process`);
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(lockFile);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `the embedded database in ${lockFile.replace(/\/kubelab\.lock$/, '')} is in use by process ${owner}; ` +
          'stop that server or set DATA_DIR to another directory',
      );
    }
    await rm(lockFile, { force: true }); // left by a process that is gone
  }
}

async function releaseLock(lockFile: string): Promise<void> {
  heldHere.delete(lockFile);
  await rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
