// The database images: docker.io/library/mysql (Oracle Linux, and Debian for
// 5.7/8.0), docker.io/library/postgres (Debian bookworm/bullseye, Alpine) and
// docker.io/library/mongo (Ubuntu). Each refuses to initialise an empty data
// directory without its password variables, exactly as its entrypoint does.

import { mongoStart, mysqlStart, postgresStart } from '../logs-databases';
import { debianOrAlpine, debianOrAlpineTagWord, resolveTag, type Release, type TagScheme } from '../tags';
import { DEFAULT_PATH, type ImageDefinition, type ListenSpec, type RepositoryDefinition } from '../types';
import { alpineShell, debianShell } from './base-systems';
import { MYSQL_RELEASE_LINES, POSTGRES_RELEASE_LINES } from './database-releases';

const DEBIAN_RELEASES: Record<string, string> = {
  debian9: 'stretch',
  debian10: 'buster',
  debian11: 'bullseye',
  debian12: 'bookworm',
};

interface MysqlBuild {
  major: string;
  gosu: string;
  oracle: string;
  shell: string;
  debian: string;
}

const MYSQL_BUILDS = new Map<string, MysqlBuild>();
const MYSQL_SCHEME: TagScheme = {
  releases: MYSQL_RELEASE_LINES.trim()
    .split('\n')
    .map((line): Release => {
      const [version = '', major = '', gosu = '', oracle = '-', shell = '-', debian = '-'] = line.split(' ');
      MYSQL_BUILDS.set(version, { major, gosu, oracle, shell, debian });
      const systems: Record<string, string> = {};
      if (oracle !== '-') systems['oracle'] = `oraclelinux${oracle.replace(/^\d+\.el/, '')}`;
      if (debian !== '-') systems['debian'] = DEBIAN_RELEASES[debian.replace(/^\d+/, '')] ?? '';
      return { version, systems };
    }),
  defaultFlavour: 'oracle',
  channels: { latest: '', innovation: '9', lts: '8.4' },
  systemWord: (word) => {
    if (word === 'oracle' || word === 'debian') return { flavour: word };
    if (/^oraclelinux\d$/.test(word)) return { flavour: 'oracle', system: word };
    return Object.values(DEBIAN_RELEASES).includes(word) ? { flavour: 'debian', system: word } : undefined;
  },
};

const MYSQL_LISTENS: ListenSpec[] = [
  { port: 3306, protocol: 'TCP', service: 'mysql' },
  { port: 33060, protocol: 'TCP', service: 'raw' },
];

export const mysqlRepository: RepositoryDefinition = {
  name: 'docker.io/library/mysql',
  resolve(tag) {
    // Before 8.0.28 the plain tags named the Debian image (there was no Oracle one).
    const resolved =
      resolveTag(MYSQL_SCHEME, tag) ?? (tag.includes('-') ? undefined : resolveTag(MYSQL_SCHEME, `${tag}-debian`));
    const build = resolved && MYSQL_BUILDS.get(resolved.release.version);
    if (!resolved || !build) return undefined;
    const version = resolved.release.version;
    const oracle = resolved.flavour === 'oracle';
    const packageVersion = `${version}-${oracle ? build.oracle : build.debian}`;
    const env: Array<readonly [string, string]> = [
      ['PATH', DEFAULT_PATH],
      ['GOSU_VERSION', build.gosu],
      ['MYSQL_MAJOR', build.major],
      ['MYSQL_VERSION', packageVersion],
    ];
    if (oracle) env.push(['MYSQL_SHELL_VERSION', build.shell]);
    const tools = ['mysql', 'mysqladmin', 'mysqld', 'mysqldump', 'gosu', ...(oracle ? ['mysqlsh', 'microdnf'] : [])];
    return databaseImage('mysql', 'docker.io/library/mysql', resolved.canonicalTag, version, {
      sizeBytes: oracle ? 170_893_524 : 157_410_330,
      cmd: ['mysqld'],
      env,
      workingDir: '/',
      stopSignal: 'SIGTERM',
      tools,
      alpine: false,
      listens: MYSQL_LISTENS,
      start: (ctx) => mysqlStart(packageVersion, MYSQL_LISTENS, ctx),
    });
  },
};

interface PostgresBuild {
  gosu: string;
  debian: Record<string, string>;
  sha: string;
}

const POSTGRES_BUILDS = new Map<string, PostgresBuild>();
const POSTGRES_SCHEME: TagScheme = {
  releases: POSTGRES_RELEASE_LINES.trim()
    .split('\n')
    .map((line): Release => {
      const [version = '', gosu = '', bookworm = '-', bullseye = '-', alpine = '-', sha = '-'] = line.split(' ');
      const debian: Record<string, string> = {};
      if (bookworm !== '-') debian['bookworm'] = bookworm;
      if (bullseye !== '-') debian['bullseye'] = bullseye;
      POSTGRES_BUILDS.set(version, { gosu, debian, sha });
      const systems: Record<string, string> = { debian: Object.keys(debian).join(',') };
      if (alpine !== '-') systems['alpine'] = alpine;
      return { version, systems };
    }),
  defaultFlavour: 'debian',
  channels: { latest: '' },
  systemWord: debianOrAlpine(['bullseye', 'bookworm']),
  systemTagWord: debianOrAlpineTagWord,
};

// gcc banners of the systems postgres is built on, as `SELECT version()` and the start log print them.
const POSTGRES_COMPILERS: Record<string, string> = {
  bookworm: 'gcc (Debian 12.2.0-14) 12.2.0',
  bullseye: 'gcc (Debian 10.2.1-6) 10.2.1 20210110',
  '3.21': 'gcc (Alpine 14.2.0) 14.2.0',
  '3.20': 'gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309',
  '3.19': 'gcc (Alpine 13.2.1_git20231014) 13.2.1 20231014',
  '3.18': 'gcc (Alpine 12.2.1_git20220924-r10) 12.2.1 20220924',
  '3.17': 'gcc (Alpine 12.2.1_git20220924-r4) 12.2.1 20220924',
  '3.16': 'gcc (Alpine 11.2.1_git20220219) 11.2.1 20220219',
};

const POSTGRES_LISTENS: ListenSpec[] = [{ port: 5432, protocol: 'TCP', service: 'postgres' }];

export const postgresRepository: RepositoryDefinition = {
  name: 'docker.io/library/postgres',
  resolve(tag) {
    const resolved = resolveTag(POSTGRES_SCHEME, tag);
    const build = resolved && POSTGRES_BUILDS.get(resolved.release.version);
    if (!resolved || !build) return undefined;
    const version = resolved.release.version;
    const major = version.split('.')[0] ?? '';
    const alpine = resolved.flavour === 'alpine';
    const packageRelease = build.debian[resolved.system] ?? '';
    const pgVersion = alpine ? version : `${version}-${packageRelease}`;
    const env: Array<readonly [string, string]> = [['PATH', `${DEFAULT_PATH}:/usr/lib/postgresql/${major}/bin`]];
    if (!alpine) env.push(['GOSU_VERSION', build.gosu]);
    env.push(['LANG', 'en_US.utf8'], ['PG_MAJOR', major], ['PG_VERSION', pgVersion]);
    if (alpine) env.push(['PG_SHA256', build.sha]);
    env.push(['PGDATA', '/var/lib/postgresql/data']);
    if (alpine) env[0] = ['PATH', DEFAULT_PATH];
    const compiler = POSTGRES_COMPILERS[resolved.system] ?? '';
    const banner = alpine
      ? `PostgreSQL ${version} on x86_64-pc-linux-musl, compiled by ${compiler}, 64-bit`
      : `PostgreSQL ${version} (Debian ${pgVersion}) on x86_64-pc-linux-gnu, compiled by ${compiler}, 64-bit`;
    const tools = ['postgres', 'psql', 'pg_isready', 'pg_dump', 'initdb', 'pg_ctl', alpine ? 'su-exec' : 'gosu'];
    return databaseImage('postgres', 'docker.io/library/postgres', resolved.canonicalTag, version, {
      sizeBytes: alpine ? 105_623_912 : 153_802_557,
      cmd: ['postgres'],
      env,
      workingDir: '/',
      stopSignal: 'SIGINT',
      tools,
      alpine,
      listens: POSTGRES_LISTENS,
      start: (ctx) => postgresStart(banner, POSTGRES_LISTENS, ctx),
    });
  },
};

// mongo: only the newest patch of each supported major is in the catalogue.
const MONGO_RELEASES: Array<[version: string, ubuntu: string]> = [
  ['8.0.4', 'noble'],
  ['7.0.16', 'jammy'],
  ['6.0.20', 'jammy'],
  ['5.0.31', 'focal'],
];

const MONGO_SCHEME: TagScheme = {
  releases: MONGO_RELEASES.map(([version, ubuntu]) => ({ version, systems: { ubuntu } })),
  defaultFlavour: 'ubuntu',
  channels: { latest: '' },
  systemWord: (word) => (['noble', 'jammy', 'focal'].includes(word) ? { flavour: 'ubuntu', system: word } : undefined),
};

const MONGO_LISTENS: ListenSpec[] = [{ port: 27017, protocol: 'TCP', service: 'mongo' }];

export const mongoRepository: RepositoryDefinition = {
  name: 'docker.io/library/mongo',
  resolve(tag) {
    const resolved = resolveTag(MONGO_SCHEME, tag);
    if (!resolved) return undefined;
    const version = resolved.release.version;
    const major = version.split('.').slice(0, 2).join('.');
    return databaseImage('mongo', 'docker.io/library/mongo', resolved.canonicalTag, version, {
      sizeBytes: 259_531_808,
      cmd: ['mongod'],
      env: [
        ['PATH', DEFAULT_PATH],
        ['GOSU_VERSION', '1.17'],
        ['JSYAML_VERSION', '3.13.1'],
        ['JSYAML_CHECKSUM', '662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941'],
        ['MONGO_PACKAGE', 'mongodb-org'],
        ['MONGO_REPO', 'repo.mongodb.org'],
        ['MONGO_MAJOR', major],
        ['MONGO_VERSION', version],
        ['HOME', '/data/db'],
      ],
      workingDir: '/',
      stopSignal: 'SIGTERM',
      tools: ['mongod', 'mongosh', 'gosu'],
      alpine: false,
      listens: MONGO_LISTENS,
      start: (ctx) => mongoStart(MONGO_LISTENS, ctx),
    });
  },
};

interface DatabaseFacts {
  sizeBytes: number;
  cmd: string[];
  env: ReadonlyArray<readonly [string, string]>;
  workingDir: string;
  stopSignal: ImageDefinition['stopSignal'];
  tools: string[];
  alpine: boolean;
  listens: ListenSpec[];
  start: ImageDefinition['start'];
}

function databaseImage(
  kind: 'mysql' | 'postgres' | 'mongo',
  repository: string,
  canonicalTag: string,
  version: string,
  facts: DatabaseFacts,
): ImageDefinition {
  return {
    kind,
    repository,
    canonicalTag,
    version,
    sizeBytes: facts.sizeBytes,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: facts.cmd,
    workingDir: facts.workingDir,
    env: facts.env,
    runsUntilStopped: true,
    exitCode: 0,
    stopSignal: facts.stopSignal,
    handlesSigterm: true,
    shell: facts.alpine ? alpineShell(facts.tools) : debianShell(facts.tools),
    httpServer: undefined,
    listeningPorts: () => [...facts.listens],
    start: facts.start,
  };
}
