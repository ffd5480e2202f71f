// Parsing a sed script into commands, with GNU sed's error messages
// (`sed: -e expression #1, char 5: unterminated `s' command`).
import { compilePosix, RegexError, type RegexSyntax } from './support/posix-regex';

export type Address =
  | { kind: 'line'; line: number }
  | { kind: 'last' }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'step'; first: number; step: number };

export interface SedCommand {
  from?: Address;
  to?: Address | { kind: 'relative'; count: number };
  negate: boolean;
  name: string;
  /** s: pattern, replacement and flags; y: source/target; a/i/c: text; b/t: label. */
  regex?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  map?: Map<string, string>;
  /** `{`: the index of the matching `}`. */
  blockEnd?: number;
  label?: string;
  exitCode?: number;
}

export class SedError extends Error {}

export function parseSed(script: string, syntax: RegexSyntax, expressionNumber: number): SedCommand[] {
  const commands: SedCommand[] = [];
  const openBlocks: number[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new SedError(`-e expression #${expressionNumber}, char ${i}: ${message}`);
  };
  const skipSpace = () => {
    while (i < script.length && /[ \t]/.test(script[i] ?? '')) i++;
  };
  const readDelimited = (delimiter: string, what: string): string => {
    let out = '';
    while (i < script.length && script[i] !== delimiter) {
      if (script[i] === '\\' && i + 1 < script.length) {
        const next = script[i + 1] ?? '';
        out += next === delimiter ? delimiter : next === 'n' ? '\n' : `\\${next}`;
        i += 2;
      } else if (script[i] === '\n' && what !== 'y') {
        i++;
        fail(`unterminated \`${what}' command`);
      } else out += script[i++] ?? '';
    }
    if (i >= script.length) fail(`unterminated \`${what}' command`);
    i++;
    return out;
  };
  const compile = (pattern: string, flags: string): RegExp => {
    try {
      return compilePosix(pattern, syntax, flags);
    } catch (error) {
      return fail(error instanceof RegexError ? error.message : 'Invalid regular expression');
    }
  };
  const readAddress = (): Address | undefined => {
    const rest = script.slice(i);
    const step = /^(\d+)~(\d+)/.exec(rest);
    if (step) {
      i += step[0].length;
      return { kind: 'step', first: Number(step[1]), step: Number(step[2]) };
    }
    const line = /^\d+/.exec(rest);
    if (line) {
      i += line[0].length;
      if (Number(line[0]) === 0) fail('invalid usage of line address 0');
      return { kind: 'line', line: Number(line[0]) };
    }
    if (rest.startsWith('$')) {
      i++;
      return { kind: 'last' };
    }
    if (rest.startsWith('/') || rest.startsWith('\\')) {
      const delimiter = rest.startsWith('\\') ? (rest[1] ?? '/') : '/';
      i += rest.startsWith('\\') ? 2 : 1;
      const pattern = readDelimited(delimiter, 'address regex');
      let flags = '';
      while (script[i] === 'I' || script[i] === 'M') flags += script[i++] === 'I' ? 'i' : 'm';
      return { kind: 'regex', regex: compile(pattern, flags) };
    }
    return undefined;
  };
  const readText = (): string => {
    skipSpace();
    if (script[i] === '\\') {
      i++;
      if (script[i] === '\n') i++;
    }
    let text = '';
    while (i < script.length && script[i] !== '\n') {
      if (script[i] === '\\' && i + 1 < script.length) {
        text += script[i + 1] === 'n' ? '\n' : (script[i + 1] ?? '');
        i += 2;
      } else text += script[i++] ?? '';
    }
    return text;
  };
  const readLabel = (): string => {
    skipSpace();
    const start = i;
    while (i < script.length && !/[;\n}]/.test(script[i] ?? '')) i++;
    return script.slice(start, i).trim();
  };
  while (i < script.length) {
    while (i < script.length && /[ \t\n;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const command: SedCommand = { negate: false, name: '' };
    command.from = readAddress();
    if (command.from && script[i] === ',') {
      i++;
      const relative = /^\+(\d+)/.exec(script.slice(i));
      if (relative) {
        i += relative[0].length;
        command.to = { kind: 'relative', count: Number(relative[1]) };
      } else command.to = readAddress() ?? fail("unexpected `,'");
    }
    skipSpace();
    while (script[i] === '!') {
      command.negate = true;
      i++;
      skipSpace();
    }
    const name = script[i++];
    if (name === undefined) fail('missing command');
    command.name = name ?? '';
    switch (name) {
      case '{':
        openBlocks.push(commands.length);
        break;
      case '}': {
        const open = openBlocks.pop();
        if (open === undefined) fail("unexpected `}'");
        const block = commands[open ?? 0];
        if (block) block.blockEnd = commands.length;
        break;
      }
      case 's': {
        const delimiter = script[i++] ?? '';
        const pattern = readDelimited(delimiter, 's');
        const replacement = readDelimited(delimiter, 's');
        let flags = '';
        while (i < script.length && /[gpiIme0-9]/.test(script[i] ?? '')) {
          const flag = script[i++] ?? '';
          if (flag === 'g') command.global = true;
          else if (flag === 'p') command.print = true;
          else if (flag === 'i' || flag === 'I') flags += 'i';
          else if (flag === 'm' || flag === 'M') flags += 'm';
          else if (/\d/.test(flag)) command.occurrence = Number(`${command.occurrence ?? ''}${flag}`);
        }
        command.regex = compile(pattern, `${flags}g`);
        command.replacement = replacement;
        skipSpace();
        if (i < script.length && !/[;\n}#]/.test(script[i] ?? '')) {
          i++;
          fail("unknown option to `s'");
        }
        break;
      }
      case 'y': {
        const delimiter = script[i++] ?? '';
        const source = readDelimited(delimiter, 'y');
        const target = readDelimited(delimiter, 'y');
        if ([...source].length !== [...target].length) fail("strings for `y' command are different lengths");
        const targetChars = [...target];
        command.map = new Map([...source].map((char, index) => [char, targetChars[index] ?? char]));
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        command.text = readText();
        break;
      case 'b':
      case 't':
      case 'T':
        command.label = readLabel();
        break;
      case ':':
        command.label = readLabel();
        if (command.label === '') fail('":" lacks a label');
        break;
      case 'q':
      case 'Q': {
        skipSpace();
        const code = /^\d+/.exec(script.slice(i));
        if (code) i += code[0].length;
        command.exitCode = code ? Number(code[0]) : 0;
        break;
      }
      case '#':
        while (i < script.length && script[i] !== '\n') i++;
        continue;
      case 'p':
      case 'P':
      case 'd':
      case 'D':
      case 'n':
      case 'N':
      case '=':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
      case 'l':
      case 'z':
        break;
      default:
        fail(`unknown command: \`${name ?? ''}'`);
    }
    commands.push(command);
    skipSpace();
    if (i < script.length && !/[;\n}]/.test(script[i] ?? '') && !'aic:bt'.includes(command.name)) {
      if (command.name !== '{') fail(`extra characters after command`);
    }
  }
  if (openBlocks.length > 0) {
    i = 0;
    fail("unmatched `{'");
  }
  return commands;
}
