// curl's command line (src/tool_getparam.c): bundled short flags (-sSL),
// attached or separate option arguments, long options, and its two usage
// errors. Only the options a lab uses are known; others are "unknown".

export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  insecure: boolean;
  location: boolean;
  fail: boolean;
  remoteName: boolean;
  output: string | undefined;
  maxTimeMs: number | undefined;
  connectTimeoutMs: number | undefined;
  headers: Array<[string, string]>;
  method: string | undefined;
  data: string | undefined;
  writeOut: string | undefined;
  userAgent: string | undefined;
}

export type CurlParse = { ok: true; options: CurlOptions } | { ok: false; message: string };

const SHORT_WITH_ARG: Record<string, string> = {
  o: 'output',
  m: 'max-time',
  H: 'header',
  X: 'request',
  d: 'data',
  w: 'write-out',
  A: 'user-agent',
  u: 'user',
  e: 'referer',
};

const SHORT_FLAGS: Record<string, string> = {
  s: 'silent',
  S: 'show-error',
  v: 'verbose',
  i: 'include',
  I: 'head',
  k: 'insecure',
  L: 'location',
  f: 'fail',
  O: 'remote-name',
};

const LONG_WITH_ARG = new Set([
  'output',
  'max-time',
  'header',
  'request',
  'data',
  'data-raw',
  'data-binary',
  'data-ascii',
  'write-out',
  'user-agent',
  'user',
  'referer',
  'connect-timeout',
]);
const LONG_FLAGS = new Set(Object.values(SHORT_FLAGS).concat(['http1.1', 'no-progress-meter', 'compressed']));

function seconds(value: string): number | undefined {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}

function blank(): CurlOptions {
  return {
    urls: [],
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    insecure: false,
    location: false,
    fail: false,
    remoteName: false,
    output: undefined,
    maxTimeMs: undefined,
    connectTimeoutMs: undefined,
    headers: [],
    method: undefined,
    data: undefined,
    writeOut: undefined,
    userAgent: undefined,
  };
}

function applyFlag(options: CurlOptions, name: string): void {
  if (name === 'silent') options.silent = true;
  else if (name === 'show-error') options.showError = true;
  else if (name === 'verbose') options.verbose = true;
  else if (name === 'include') options.include = true;
  else if (name === 'head') options.head = true;
  else if (name === 'insecure') options.insecure = true;
  else if (name === 'location') options.location = true;
  else if (name === 'fail') options.fail = true;
  else if (name === 'remote-name') options.remoteName = true;
  else if (name === 'no-progress-meter') options.silent = options.silent || false;
}

function applyValue(options: CurlOptions, name: string, value: string, shown: string): string | undefined {
  switch (name) {
    case 'output':
      options.output = value;
      return undefined;
    case 'max-time':
    case 'connect-timeout': {
      const ms = seconds(value);
      if (ms === undefined) return `option ${shown}: expected a proper numerical parameter`;
      if (name === 'max-time') options.maxTimeMs = ms;
      else options.connectTimeoutMs = ms;
      return undefined;
    }
    case 'header': {
      const colon = value.indexOf(':');
      if (colon > 0) options.headers.push([value.slice(0, colon), value.slice(colon + 1).trim()]);
      return undefined;
    }
    case 'request':
      options.method = value;
      return undefined;
    case 'data':
    case 'data-raw':
    case 'data-binary':
    case 'data-ascii':
      options.data = options.data === undefined ? value : `${options.data}&${value}`;
      return undefined;
    case 'write-out':
      options.writeOut = value;
      return undefined;
    case 'user-agent':
      options.userAgent = value;
      return undefined;
    default:
      return undefined;
  }
}

const TRY = "try 'curl --help' or 'curl --manual' for more information";

function usage(message: string): CurlParse {
  return { ok: false, message: `curl: ${message}\ncurl: ${TRY}\n` };
}

export function parseCurlArgs(args: readonly string[]): CurlParse {
  const options = blank();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2);
      if (LONG_FLAGS.has(name)) {
        applyFlag(options, name);
        continue;
      }
      if (!LONG_WITH_ARG.has(name) || eq !== -1) return usage(`option ${arg}: is unknown`);
      const value = args[++i];
      if (value === undefined) return usage(`option ${arg}: requires parameter`);
      const error = applyValue(options, name, value, arg);
      if (error) return usage(error);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const flag = SHORT_FLAGS[letter];
        if (flag) {
          applyFlag(options, flag);
          continue;
        }
        const long = SHORT_WITH_ARG[letter];
        if (!long) return usage(`option -${arg.slice(j)}: is unknown`);
        const attached = arg.slice(j + 1);
        const value = attached !== '' ? attached : args[++i];
        if (value === undefined) return usage(`option -${letter}: requires parameter`);
        const error = applyValue(options, long, value, `-${letter}`);
        if (error) return usage(error);
        break;
      }
      continue;
    }
    options.urls.push(arg);
  }
  if (options.urls.length === 0) return { ok: false, message: `curl: ${TRY}\n` };
  return { ok: true, options };
}
