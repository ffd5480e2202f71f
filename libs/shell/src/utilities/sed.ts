// GNU sed: -n -e -f -i -E/-r -s, addresses (N, $, /re/, ranges, first~step,
// !), blocks and the usual commands, run over the concatenated inputs.
import type { Command, CommandContext } from '../runtime/command';
import { fsErrorLine, strerror } from '../fs/errors';
import { parseOptions } from './support/options';
import { absolute, readFileAt } from './support/io';
import { parseSed, SedError, type Address, type SedCommand } from './sed-script';
import { SED_USAGE } from './sed-usage';

interface SedState {
  lineNumber: number;
  isLast: boolean;
  space: string;
  hold: string;
  /** Range commands currently inside their range, by command index (value: end line for relative ranges). */
  active: Map<number, number | true>;
  appended: string[];
  substituted: boolean;
  quit?: { code: number; print: boolean };
}

/** Expands `&`, `\1`..`\9`, `\n` and GNU's `\U \L \u \l \E` case conversions. */
function expandReplacement(template: string, match: RegExpExecArray): string {
  let out = '';
  let caseMode: 'U' | 'L' | '' = '';
  let oneShot: 'u' | 'l' | '' = '';
  const append = (text: string) => {
    for (const char of text) {
      let value = caseMode === 'U' ? char.toUpperCase() : caseMode === 'L' ? char.toLowerCase() : char;
      if (oneShot) {
        value = oneShot === 'u' ? value.toUpperCase() : value.toLowerCase();
        oneShot = '';
      }
      out += value;
    }
  };
  for (let i = 0; i < template.length; i++) {
    const char = template[i] ?? '';
    if (char === '&') append(match[0]);
    else if (char === '\\' && i + 1 < template.length) {
      const next = template[++i] ?? '';
      if (/[0-9]/.test(next)) append(match[Number(next)] ?? '');
      else if (next === 'n') append('\n');
      else if (next === 't') append('\t');
      else if (next === 'U' || next === 'L') caseMode = next;
      else if (next === 'E') caseMode = '';
      else if (next === 'u' || next === 'l') oneShot = next;
      else append(next);
    } else append(char);
  }
  return out;
}

function substitute(command: SedCommand, state: SedState): boolean {
  const regex = command.regex;
  if (!regex) return false;
  regex.lastIndex = 0;
  const text = state.space;
  let out = '';
  let last = 0;
  let count = 0;
  let replaced = false;
  const wanted = command.occurrence ?? 1;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    count++;
    if (count >= wanted) {
      out += text.slice(last, match.index) + expandReplacement(command.replacement ?? '', match);
      last = match.index + match[0].length;
      replaced = true;
      if (!command.global) break;
    }
    if (match[0] === '') {
      if (regex.lastIndex >= text.length) break;
      regex.lastIndex++;
    }
  }
  if (!replaced) return false;
  state.space = out + text.slice(last);
  return true;
}

function addressMatches(address: Address, state: SedState): boolean {
  switch (address.kind) {
    case 'line':
      return state.lineNumber === address.line;
    case 'last':
      return state.isLast;
    case 'step':
      return address.step <= 0
        ? state.lineNumber === address.first
        : state.lineNumber >= address.first && (state.lineNumber - address.first) % address.step === 0;
    case 'regex':
      address.regex.lastIndex = 0;
      return address.regex.test(state.space);
  }
}

function selects(command: SedCommand, index: number, state: SedState): boolean {
  const { from, to } = command;
  let result: boolean;
  if (!from) result = true;
  else if (!to) result = addressMatches(from, state);
  else {
    const active = state.active.get(index);
    if (active !== undefined) {
      const ends =
        to.kind === 'relative'
          ? state.lineNumber >= (active === true ? 0 : active)
          : to.kind === 'line'
            ? state.lineNumber >= to.line
            : addressMatches(to, state);
      if (ends) state.active.delete(index);
      result = true;
    } else if (addressMatches(from, state)) {
      if (to.kind === 'relative') {
        if (to.count > 0) state.active.set(index, state.lineNumber + to.count);
      } else if (!(to.kind === 'line' && to.line <= state.lineNumber)) state.active.set(index, true);
      result = true;
    } else result = false;
  }
  return result !== command.negate;
}

type Flow = 'next' | 'delete' | 'quit';

/** `q` prints the pattern space, `Q` does not (a function so narrowing does not hide the field runCycle set). */
function quitShouldPrint(state: SedState): boolean {
  return state.quit?.print ?? true;
}

/** Runs the script over one pattern space; returns how the cycle ends. */
function runCycle(
  commands: SedCommand[],
  state: SedState,
  out: (text: string) => void,
  input: { quiet: boolean; next(): string | undefined },
): Flow {
  for (let pc = 0; pc < commands.length; pc++) {
    const command = commands[pc];
    if (!command) break;
    if (command.name === '}' || command.name === ':') continue;
    if (!selects(command, pc, state)) {
      if (command.name === '{') pc = command.blockEnd ?? pc;
      continue;
    }
    switch (command.name) {
      case 's':
        if (substitute(command, state)) {
          state.substituted = true;
          if (command.print) out(`${state.space}\n`);
        }
        break;
      case 'p':
        out(`${state.space}\n`);
        break;
      case 'P':
        out(`${state.space.split('\n')[0] ?? ''}\n`);
        break;
      case 'd':
        return 'delete';
      case 'D': {
        const newline = state.space.indexOf('\n');
        if (newline < 0) return 'delete';
        state.space = state.space.slice(newline + 1);
        pc = -1;
        continue;
      }
      case '=':
        out(`${state.lineNumber}\n`);
        break;
      case 'a':
        state.appended.push(`${command.text ?? ''}\n`);
        break;
      case 'i':
        out(`${command.text ?? ''}\n`);
        break;
      case 'c':
        if (!command.to || !state.active.has(pc)) out(`${command.text ?? ''}\n`);
        return 'delete';
      case 'y':
        state.space = [...state.space].map((char) => command.map?.get(char) ?? char).join('');
        break;
      case 'h':
        state.hold = state.space;
        break;
      case 'H':
        state.hold += `\n${state.space}`;
        break;
      case 'g':
        state.space = state.hold;
        break;
      case 'G':
        state.space += `\n${state.hold}`;
        break;
      case 'x':
        [state.space, state.hold] = [state.hold, state.space];
        break;
      case 'z':
        state.space = '';
        break;
      case 'n':
      case 'N': {
        // Without a next line GNU sed ends here, printing the pattern space.
        if (state.isLast) return 'next';
        if (command.name === 'n' && !input.quiet) out(`${state.space}\n`);
        const line = input.next() ?? '';
        state.space = command.name === 'n' ? line : `${state.space}\n${line}`;
        break;
      }
      case 'q':
        state.quit = { code: command.exitCode ?? 0, print: true };
        return 'quit';
      case 'Q':
        state.quit = { code: command.exitCode ?? 0, print: false };
        return 'quit';
      case 'b':
      case 't':
      case 'T': {
        if (command.name !== 'b') {
          const taken = command.name === 't' ? state.substituted : !state.substituted;
          state.substituted = false;
          if (!taken) break;
        }
        if (!command.label) return 'next';
        const target = commands.findIndex((c) => c.name === ':' && c.label === command.label);
        pc = target;
        break;
      }
    }
  }
  return 'next';
}

export const sed: Command = async (ctx) => {
  const parsed = parseOptions('sed', ctx.args.slice(1), {
    flags: 'nErsuz',
    values: 'ef',
    long: {
      quiet: { key: 'n' },
      silent: { key: 'n' },
      expression: { key: 'e', value: true },
      file: { key: 'f', value: true },
      'in-place': { key: 'i', value: 'optional' },
      'regexp-extended': { key: 'E' },
      separate: { key: 's' },
    },
  });
  // -i takes an optional attached suffix, which getopt cannot express with the others.
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message.replace(/\nTry.*\n$/, '\n') + SED_USAGE);
    return 1;
  }
  const options = parsed.options;
  const operands = [...options.operands];
  const scripts: string[] = [];
  for (const [key, value] of options.list) {
    if (key === 'e') scripts.push(value);
    if (key === 'f') {
      const read = readFileAt(ctx, value);
      if (!read.ok) {
        ctx.stderr.write(`sed: couldn't open file ${value}: ${strerror(read.error.code)}\n`);
        return 1;
      }
      scripts.push(read.value.replace(/\n$/, ''));
    }
  }
  if (scripts.length === 0) {
    const script = operands.shift();
    if (script === undefined) {
      ctx.stderr.write(SED_USAGE);
      return 1;
    }
    scripts.push(script);
  }
  let commands: SedCommand[];
  try {
    const syntax = options.has('E') || options.has('r') ? 'extended' : 'basic';
    commands = parseSed(scripts.join('\n'), syntax, 1);
  } catch (error) {
    ctx.stderr.write(`sed: ${error instanceof SedError ? error.message : String(error)}\n`);
    return 1;
  }
  const inPlace = options.has('i');
  if (inPlace && operands.length === 0) {
    ctx.stderr.write('sed: no input files\n');
    return 1;
  }
  return runSed(ctx, commands, operands, { quiet: options.has('n'), inPlace, separate: inPlace || options.has('s') });
};

async function runSed(
  ctx: CommandContext,
  commands: SedCommand[],
  operands: string[],
  settings: { quiet: boolean; inPlace: boolean; separate: boolean },
): Promise<number> {
  let status = 0;
  const sources: Array<{ name: string; text: string }> = [];
  for (const name of operands.length === 0 ? ['-'] : operands) {
    if (name === '-') {
      sources.push({ name, text: await ctx.stdin.readAll() });
      continue;
    }
    const read = readFileAt(ctx, name);
    if (read.ok) sources.push({ name, text: read.value });
    else {
      const error =
        read.error.code === 'EISDIR'
          ? `sed: couldn't edit ${name}: not a regular file\n`
          : fsErrorLine('sed', 'sed', name, read.error);
      ctx.stderr.write(
        settings.inPlace || read.error.code !== 'EISDIR' ? error : `sed: read error on ${name}: Is a directory\n`,
      );
      status = 2;
    }
  }
  const groups = settings.separate ? sources.map((source) => [source]) : [sources];
  const state: SedState = {
    lineNumber: 0,
    isLast: false,
    space: '',
    hold: '',
    active: new Map(),
    appended: [],
    substituted: false,
  };
  for (const group of groups) {
    const lines: string[] = [];
    let missingNewline = false;
    for (const source of group) {
      const split = source.text.split('\n');
      if (split[split.length - 1] === '') split.pop();
      else missingNewline = source === group[group.length - 1];
      lines.push(...split);
    }
    let output = '';
    const out = (text: string) => (output += text);
    let cursor = 0;
    const input = {
      quiet: settings.quiet,
      next: (): string | undefined => {
        const line = lines[cursor++];
        state.lineNumber++;
        state.isLast = cursor >= lines.length;
        return line;
      },
    };
    while (cursor < lines.length && !state.quit) {
      state.space = lines[cursor++] ?? '';
      state.lineNumber++;
      state.isLast = cursor >= lines.length;
      state.substituted = false;
      const flow = runCycle(commands, state, out, input);
      const quitPrints = quitShouldPrint(state);
      if (flow !== 'delete' && (flow !== 'quit' || quitPrints) && !settings.quiet) {
        out(`${state.space}${state.isLast && missingNewline ? '' : '\n'}`);
      }
      output += state.appended.join('');
      state.appended = [];
    }
    if (settings.inPlace) {
      const name = group[0]?.name ?? '';
      ctx.session.fs.writeFile(absolute(ctx, name), output);
    } else ctx.stdout.write(output);
    if (state.quit) return state.quit.code;
  }
  return status;
}
