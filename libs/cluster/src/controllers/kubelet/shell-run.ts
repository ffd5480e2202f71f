// Runs a parsed container script on simulated time: `sleep` moves the clock,
// `echo`/`date`/`printenv` write log lines, `touch`/`rm`/`>` change files
// (which exec probes look at), `exit` ends it, `trap ... TERM` makes it stop
// on SIGTERM. Commands that take no noticeable time run instantly.
import { parseScript, wordText, type Redirect, type ShellNode, type Word } from './shell-syntax';
import { setFile, type RunContext } from './shell-context';
import { runUtility } from './shell-utilities';

/** Loop iterations simulated before a loop is taken to run forever. */
const MAX_ITERATIONS = 200_000;
const SERVERS = [
  'nginx',
  'httpd',
  'httpd-foreground',
  'redis-server',
  'mysqld',
  'postgres',
  'mongod',
  'coredns',
  'whoami',
];

function arithmetic(expression: string, ctx: RunContext): string {
  const substituted = expression.replace(/\$?\b([A-Za-z_][A-Za-z0-9_]*)\b/g, (_, name: string) =>
    String(Number(ctx.env.get(name) ?? 0) || 0),
  );
  if (!/^[\d\s+\-*/%()]*$/.test(substituted)) return '0';
  const tokens = substituted.match(/\d+|[+\-*/%()]/g) ?? [];
  let position = 0;
  const factor = (): number => {
    const token = tokens[position++];
    if (token === '(') {
      const value = sum();
      position++;
      return value;
    }
    if (token === '-') return -factor();
    return Number(token ?? 0);
  };
  const product = (): number => {
    let value = factor();
    while (['*', '/', '%'].includes(tokens[position] ?? '')) {
      const op = tokens[position++];
      const right = factor();
      value = op === '*' ? value * right : right === 0 ? 0 : op === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (['+', '-'].includes(tokens[position] ?? ''))
      value = tokens[position++] === '+' ? value + product() : value - product();
    return value;
  };
  return String(sum());
}

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `$((expr))`, `$(command)` as the shell expands them. */
function expandText(text: string, ctx: RunContext): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== '$' || i + 1 >= text.length) {
      out += char;
      continue;
    }
    const rest = text.slice(i + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/.exec(rest);
    const plain = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])/.exec(rest);
    if (rest.startsWith('((')) {
      const end = rest.indexOf('))');
      out += arithmetic(rest.slice(2, end < 0 ? rest.length : end), ctx);
      i += end < 0 ? rest.length : end + 2;
    } else if (rest.startsWith('(')) {
      const end = rest.lastIndexOf(')');
      out += substitute(rest.slice(1, end < 0 ? rest.length : end), ctx);
      i += end < 0 ? rest.length : end + 1;
    } else if (braced) {
      const value = ctx.env.get(braced[1] ?? '');
      out += value === undefined || value === '' ? (braced[2] ?? value ?? '') : value;
      i += braced[0].length;
    } else if (plain) {
      const name = plain[1] ?? '';
      out += name === '?' ? String(ctx.status) : name === '$' ? '1' : name === '#' ? '0' : (ctx.env.get(name) ?? '');
      i += name.length;
    } else {
      out += char;
    }
  }
  return out;
}

function substitute(script: string, ctx: RunContext): string {
  const nodes = parseScript(script);
  if (!nodes) return '';
  const saved = ctx.capture;
  const captured: string[] = [];
  ctx.capture = captured;
  runList(nodes, ctx);
  ctx.capture = saved;
  if (ctx.stop && ctx.stop !== 'horizon' && ctx.stop.kind === 'exit') ctx.stop = undefined;
  return captured.join('\n');
}

/** A word after expansion; unquoted expansions split on blanks, as field splitting does. */
export function expandWord(word: Word, ctx: RunContext): string[] {
  const splits = word.length === 1 && word[0]?.quote === 'none' && word[0].text.includes('$');
  const text = word
    .map((segment) => (segment.quote === 'single' ? segment.text : expandText(segment.text, ctx)))
    .join('');
  if (!splits) return [text];
  return text.split(/\s+/).filter((part) => part !== '');
}

function runCommand(words: Word[], redirects: Redirect[], ctx: RunContext): void {
  const argv = words.flatMap((word) => expandWord(word, ctx));
  while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0] ?? '')) {
    const assignment = argv.shift() ?? '';
    ctx.env.set(assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1));
  }
  if (argv.length === 0) return;
  const [name = '', ...args] = argv;
  const base = name.slice(name.lastIndexOf('/') + 1);
  let target: string | undefined;
  let append = false;
  let discard = false;
  for (const redirect of redirects) {
    const file = wordText(redirect.target);
    if (redirect.op === '>' || redirect.op === '>>' || redirect.op === '&>') {
      if (file === '/dev/null') discard = true;
      else if (file !== '/dev/stdout' && file !== '/dev/stderr' && file !== '/proc/1/fd/1') target = file;
      append = redirect.op === '>>';
    }
  }
  const lines: string[] = [];
  const saved = ctx.capture;
  if (target !== undefined || discard) ctx.capture = lines;
  runProgram(base, args, ctx);
  ctx.capture = saved;
  if (target !== undefined) {
    const before = append ? (ctx.files.get(target) ?? '') : '';
    setFile(ctx, target, before + lines.map((line) => `${line}\n`).join(''));
  }
}

function runProgram(name: string, args: string[], ctx: RunContext): void {
  if (name === 'exit') {
    ctx.stop = { kind: 'exit', atMs: ctx.t, code: args[0] !== undefined ? Number(args[0]) & 255 : ctx.status };
    return;
  }
  if (name === 'break') {
    ctx.breaking = true;
    return;
  }
  if (name === 'exec') {
    if (args.length) runProgram(args[0]?.slice((args[0] ?? '').lastIndexOf('/') + 1) ?? '', args.slice(1), ctx);
    if (!ctx.stop) ctx.stop = { kind: 'exit', atMs: ctx.t, code: ctx.status };
    return;
  }
  if (name === 'trap') {
    const signals = args.slice(1).map((signal) => signal.toUpperCase());
    if ((args[0] ?? '') !== '' && signals.some((signal) => ['TERM', 'SIGTERM', '15'].includes(signal))) {
      ctx.handlesSigterm = true;
    }
    ctx.status = 0;
    return;
  }
  if (name === 'sh' || name === 'bash' || name === 'ash') {
    const script = args[0]?.startsWith('-') && args[0].includes('c') ? args[1] : undefined;
    const nodes = script !== undefined ? parseScript(script) : [];
    if (!nodes) ctx.stop = { kind: 'forever', atMs: ctx.t };
    else runList(nodes, ctx);
    return;
  }
  if (SERVERS.includes(name) && ctx.tools.binaries.includes(name)) {
    ctx.handlesSigterm = true;
    ctx.stop = { kind: 'forever', atMs: ctx.t };
    return;
  }
  runUtility(name, args, ctx);
}

function conditionHolds(nodes: ShellNode[], ctx: RunContext): boolean {
  runList(nodes, ctx);
  return ctx.status === 0;
}

/** `while true`, `while :`, `until false`: loops only `exit`/`break` can end. */
function alwaysTrue(condition: ShellNode[], until: boolean): boolean {
  const only = condition.length === 1 ? condition[0] : undefined;
  if (only?.kind !== 'command' || only.words.length !== 1) return false;
  const word = wordText(only.words[0] ?? []);
  return until ? word === 'false' : word === 'true' || word === ':';
}

function mentionsExit(nodes: ShellNode[]): boolean {
  return JSON.stringify(nodes).match(/"text":"(exit|break|exec)"/) !== null;
}

function runLoop(node: Extract<ShellNode, { kind: 'while' }>, ctx: RunContext): void {
  const endless = alwaysTrue(node.condition, node.until);
  if (endless && ctx.exitOnly && !mentionsExit(node.body) && !JSON.stringify(node.body).includes('"trap"')) {
    ctx.stop = { kind: 'forever', atMs: ctx.t };
    return;
  }
  for (;;) {
    if (ctx.t > ctx.until) {
      ctx.stop = 'horizon';
      return;
    }
    if (++ctx.iterations > MAX_ITERATIONS) {
      ctx.stop = { kind: 'forever', atMs: ctx.t };
      return;
    }
    const before = ctx.t;
    if (!endless && conditionHolds(node.condition, ctx) === node.until) break;
    if (ctx.stop) return;
    runList(node.body, ctx);
    if (ctx.breaking) {
      ctx.breaking = false;
      break;
    }
    if (ctx.stop) return;
    // A loop that takes no time and cannot end spins forever.
    if (ctx.t === before && endless && !mentionsExit(node.body)) {
      ctx.stop = { kind: 'forever', atMs: ctx.t };
      return;
    }
  }
  ctx.status = 0;
}

export function runNode(node: ShellNode, ctx: RunContext): void {
  if (ctx.stop || ctx.breaking) return;
  if (ctx.t > ctx.until) {
    ctx.stop = 'horizon';
    return;
  }
  switch (node.kind) {
    case 'command':
      runCommand(node.words, node.redirects, ctx);
      return;
    case 'pipeline':
      for (const command of node.commands.slice(0, -1)) {
        const saved = ctx.capture;
        ctx.capture = [];
        runNode(command, ctx);
        ctx.capture = saved;
      }
      runNode(node.commands[node.commands.length - 1] as ShellNode, ctx);
      return;
    case 'andor':
      runNode(node.first, ctx);
      for (const { op, node: next } of node.rest) {
        if ((op === '&&') === (ctx.status === 0)) runNode(next, ctx);
      }
      return;
    case 'background':
      // A background job's output interleaves; its time does not delay the script.
      return runBackground(node.node, ctx);
    case 'while':
      return runLoop(node, ctx);
    case 'for': {
      const items = (node.items ?? []).flatMap((word) => expandWord(word, ctx));
      for (const item of items) {
        ctx.env.set(node.variable, item);
        runList(node.body, ctx);
        if (ctx.breaking) {
          ctx.breaking = false;
          break;
        }
        if (ctx.stop) return;
      }
      return;
    }
    case 'if': {
      for (const branch of node.branches) {
        if (conditionHolds(branch.condition, ctx)) return runList(branch.body, ctx);
        if (ctx.stop) return;
      }
      if (node.otherwise) runList(node.otherwise, ctx);
      return;
    }
    case 'group':
      return runList(node.body, ctx);
  }
}

function runBackground(node: ShellNode, ctx: RunContext): void {
  const started = ctx.t;
  const stop = ctx.stop;
  runNode(node, ctx);
  ctx.t = started;
  ctx.stop = stop;
  ctx.status = 0;
}

export function runList(nodes: ShellNode[], ctx: RunContext): void {
  for (const node of nodes) {
    runNode(node, ctx);
    if (ctx.stop || ctx.breaking) return;
  }
}
