// What the database images print when a pod starts them on an empty data
// directory. The entrypoint checks are exact (docker-library's
// docker-entrypoint.sh of mysql and postgres): without a password the
// container prints the script's error and exits 1, so the pod crash-loops.
// On success only the entrypoint's own notes and the server's final "ready"
// lines are reproduced; the server's full first-start output (initdb,
// mysqld --initialize, mongod's JSON start-up log) is left out.

import { type StartContext, type StartOutcome, type ListenSpec } from './types';
import { isoMicros, postgresLogTime, rfc3339Seconds } from './time-format';

function env(ctx: StartContext, name: string): string {
  return ctx.env?.[name] ?? '';
}

function failed(logs: string[]): StartOutcome {
  return { logs, running: false, exitCode: 1, listens: [] };
}

const MYSQL_PASSWORD_OPTIONS = [
  '    - MYSQL_ROOT_PASSWORD',
  '    - MYSQL_ALLOW_EMPTY_PASSWORD',
  '    - MYSQL_RANDOM_ROOT_PASSWORD',
];

/** docker-entrypoint.sh of the mysql image, then mysqld. `packageVersion` is MYSQL_VERSION (`8.4.4-1.el9`). */
export function mysqlStart(packageVersion: string, listens: readonly ListenSpec[], ctx: StartContext): StartOutcome {
  const stamp = rfc3339Seconds(ctx.now);
  const note = (text: string) => `${stamp} [Note] [Entrypoint]: ${text}`;
  const started = note(`Entrypoint script for MySQL Server ${packageVersion} started.`);
  const logs = [started, note("Switching to dedicated user 'mysql'"), started];
  if (
    env(ctx, 'MYSQL_ROOT_PASSWORD') === '' &&
    env(ctx, 'MYSQL_ALLOW_EMPTY_PASSWORD') === '' &&
    env(ctx, 'MYSQL_RANDOM_ROOT_PASSWORD') === ''
  ) {
    return failed([
      ...logs,
      `${stamp} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '    You need to specify one of the following as an environment variable:',
      ...MYSQL_PASSWORD_OPTIONS,
    ]);
  }
  const user = env(ctx, 'MYSQL_USER');
  const password = env(ctx, 'MYSQL_PASSWORD');
  if (user === 'root') {
    return failed([
      ...logs,
      `${stamp} [ERROR] [Entrypoint]: MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user`,
      '    Remove MYSQL_USER="root" and use one of the following to control the root user password:',
      ...MYSQL_PASSWORD_OPTIONS,
    ]);
  }
  if (user !== '' && password === '') {
    logs.push(
      `${stamp} [Warn] [Entrypoint]: MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created`,
    );
  } else if (user === '' && password !== '') {
    logs.push(
      `${stamp} [Warn] [Entrypoint]: MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored`,
    );
  }
  logs.push(note('Initializing database files'), note('Database files initialized'), note('Starting temporary server'));
  logs.push(note('Temporary server started.'));
  const database = env(ctx, 'MYSQL_DATABASE');
  if (database !== '') logs.push(note(`Creating database ${database}`));
  if (user !== '' && password !== '') {
    logs.push(note(`Creating user ${user}`));
    if (database !== '') logs.push(note(`Giving user ${user} access to schema ${database}`));
  }
  logs.push(
    note('Stopping temporary server'),
    note('Temporary server stopped'),
    '',
    note('MySQL init process done. Ready for start up.'),
    '',
  );
  const version = packageVersion.split('-')[0] ?? packageVersion;
  logs.push(
    `${isoMicros(ctx.now + 9000)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. ` +
      `Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  );
  return { logs, running: true, exitCode: undefined, listens };
}

/** docker-entrypoint.sh of the postgres image, then the postmaster's start lines. */
export function postgresStart(serverBanner: string, listens: readonly ListenSpec[], ctx: StartContext): StartOutcome {
  if (env(ctx, 'POSTGRES_PASSWORD') === '' && env(ctx, 'POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    return failed([
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
      '',
      '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
      '       connections without a password. This is *not* recommended.',
      '',
      '       See PostgreSQL documentation about "trust":',
      '       https://www.postgresql.org/docs/current/auth-trust.html',
    ]);
  }
  const at = (offset: number) => postgresLogTime(ctx.now + offset);
  const logs = ['', 'PostgreSQL init process complete; ready for start up.', ''];
  logs.push(
    `${at(3000)} [1] LOG:  starting ${serverBanner}`,
    `${at(3000)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${at(3000)} [1] LOG:  listening on IPv6 address "::", port 5432`,
    `${at(3004)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${at(3010)} [64] LOG:  database system was shut down at ${postgresLogTime(ctx.now + 2000).replace(/\.\d{3} /, ' ')}`,
    `${at(3016)} [1] LOG:  database system is ready to accept connections`,
  );
  return { logs, running: true, exitCode: undefined, listens };
}

/** mongod's "Waiting for connections" line (structured log), the one line labs look for. */
export function mongoStart(listens: readonly ListenSpec[], ctx: StartContext): StartOutcome {
  const date = isoMicros(ctx.now + 1500).replace(/(\.\d{3})\d{3}Z$/, '$1+00:00');
  const line =
    `{"t":{"$date":"${date}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections",` +
    `"attr":{"port":27017,"ssl":"off"}}`;
  return { logs: [line], running: true, exitCode: undefined, listens };
}
