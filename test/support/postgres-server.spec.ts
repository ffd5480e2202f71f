import { connect } from 'node:net';
import { Client } from 'pg';
import { findPostgresBinaries, startPostgresServer, type PostgresServer } from './postgres-server';

jest.setTimeout(60_000);

/** Resolves true if something accepts TCP connections on 127.0.0.1:port. */
function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startPostgresServer', () => {
  let server: PostgresServer | undefined;

  afterAll(async () => {
    await server?.stop();
  });

  it('finds the PostgreSQL server binaries', () => {
    expect(findPostgresBinaries()).toEqual({
      initdb: expect.stringMatching(/initdb$/),
      pgCtl: expect.stringMatching(/pg_ctl$/),
      postgres: expect.stringMatching(/postgres$/),
    });
  });

  it('starts a throwaway server on 127.0.0.1, serves queries, and stops it', async () => {
    const started = Date.now();
    server = await startPostgresServer();
    const startMs = Date.now() - started;
    // Visible with --verbose; handy for keeping an eye on suite start-up cost.
    process.stdout.write(`test PostgreSQL server started in ${startMs} ms on port ${server.port}\n`);

    expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/kubelab_test`);

    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      const one = await client.query<{ one: number }>('select 1 as one');
      expect(one.rows).toEqual([{ one: 1 }]);
      const listen = await client.query<{ listen_addresses: string }>('show listen_addresses');
      expect(listen.rows[0]?.listen_addresses).toBe('127.0.0.1');
      const db = await client.query<{ db: string }>('select current_database() as db');
      expect(db.rows[0]?.db).toBe('kubelab_test');
    } finally {
      await client.end();
    }

    expect(await acceptsConnections(server.port)).toBe(true);
    await server.stop();
    expect(await acceptsConnections(server.port)).toBe(false);
    // A second stop is a no-op.
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
