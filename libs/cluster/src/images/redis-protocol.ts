// What redis-server answers on its port: RESP replies to the few commands a
// lab types (PING, ECHO, SET/GET, ...) with redis 7's error texts, and what it
// does with bytes that are not RESP at all: it reads them as inline commands,
// so an HTTP request gets a `-ERR` for its `GET / HTTP/1.1` line and then, on
// the `Host:` line, a logged "Possible SECURITY ATTACK" and a closed
// connection. (curl, seeing no HTTP status line, reports
// `curl: (1) Received HTTP/0.9 when not allowed`.)

import { redisLogTime } from './time-format';

/** Keys and string values of one simulated redis-server (db 0). */
export type RedisStore = Map<string, string>;

// Arity as in redis' command table: n exact, -n at least n (including the command).
const ARITY: Record<string, number> = {
  ping: -1,
  echo: 2,
  set: -3,
  get: 2,
  del: -2,
  exists: -2,
  incr: 2,
  dbsize: 1,
  keys: 2,
  flushall: -1,
  flushdb: -1,
  select: 2,
  quit: -1,
};

const bulk = (value: string) => `$${value.length}\r\n${value}\r\n`;
const integer = (value: number) => `:${value}\r\n`;
const error = (text: string) => `-${text}\r\n`;

/** The RESP reply of redis-server to one command (`['PING']`, `['SET', 'k', 'v']`). */
export function respondRedis(command: readonly string[], store: RedisStore = new Map()): string {
  const [name = '', ...args] = command;
  const lower = name.toLowerCase();
  const arity = ARITY[lower];
  if (arity === undefined) {
    let quoted = '';
    for (const arg of args) {
      if (quoted.length >= 128) break;
      quoted += `'${arg.slice(0, 128 - quoted.length)}' `;
    }
    return error(`ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${quoted}`);
  }
  if ((arity > 0 && command.length !== arity) || (arity < 0 && command.length < -arity)) {
    return error(`ERR wrong number of arguments for '${lower}' command`);
  }
  switch (lower) {
    case 'ping':
      if (args.length > 1) return error(`ERR wrong number of arguments for 'ping' command`);
      return args[0] === undefined ? '+PONG\r\n' : bulk(args[0]);
    case 'echo':
      return bulk(args[0] ?? '');
    case 'set':
      store.set(args[0] ?? '', args[1] ?? '');
      return '+OK\r\n';
    case 'get': {
      const value = store.get(args[0] ?? '');
      return value === undefined ? '$-1\r\n' : bulk(value);
    }
    case 'del':
    case 'exists': {
      let count = 0;
      for (const key of args) {
        if (store.has(key)) count++;
        if (lower === 'del') store.delete(key);
      }
      return integer(count);
    }
    case 'incr': {
      const current = store.get(args[0] ?? '') ?? '0';
      if (!/^-?\d+$/.test(current)) return error('ERR value is not an integer or out of range');
      const next = Number(current) + 1;
      store.set(args[0] ?? '', String(next));
      return integer(next);
    }
    case 'dbsize':
      return integer(store.size);
    case 'keys': {
      const pattern = new RegExp(
        `^${(args[0] ?? '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
      const keys = [...store.keys()].filter((key) => pattern.test(key));
      return `*${keys.length}\r\n${keys.map(bulk).join('')}`;
    }
    case 'flushall':
    case 'flushdb':
      store.clear();
      return '+OK\r\n';
    case 'select':
      return args[0] === '0' ? '+OK\r\n' : error('ERR DB index is out of range');
    default:
      return '+OK\r\n';
  }
}

export interface RedisExchange {
  /** Bytes redis-server sends back, in order. */
  readonly output: string;
  /** Whether it closed the connection afterwards. */
  readonly closed: boolean;
  /** Lines it writes to its log. */
  readonly logs: string[];
}

/** redis-server reading arbitrary text as inline commands (what `curl` or `nc` sends it). */
export function redisInlineExchange(
  text: string,
  client: { readonly ip: string; readonly port: number; readonly now: number },
  store: RedisStore = new Map(),
): RedisExchange {
  let output = '';
  for (const line of text.split(/\r?\n/)) {
    const argv = line
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '');
    if (argv.length === 0) continue;
    const first = (argv[0] ?? '').toLowerCase();
    if (first === 'host:' || first === 'post') {
      const log =
        `1:M ${redisLogTime(client.now)} # Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: ` +
        `commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise ` +
        `your Redis instance. Connection from ${client.ip}:${client.port} aborted.`;
      return { output, closed: true, logs: [log] };
    }
    output += respondRedis(argv, store);
    if (first === 'quit') return { output, closed: true, logs: [] };
  }
  return { output, closed: false, logs: [] };
}
