// jq's regex functions (test, match, capture, scan, split/2, sub, gsub) on
// JavaScript regexes, which agree with Oniguruma for everyday patterns.
import type { JqNode } from './ast';
import { evaluate, type Env } from './evaluate';
import type { Json } from './json';
import { describe, fail, type JsonObject } from './values';

function compile(pattern: Json, flags: Json): { regex: RegExp; global: boolean } {
  if (typeof pattern !== 'string') return fail(`${describe(pattern)} cannot be matched, as it is not a string`);
  const flagText = typeof flags === 'string' ? flags : '';
  let source = pattern;
  if (flagText.includes('x'))
    source = source
      .replace(/\\#/g, '\uffff')
      .replace(/\s+|#.*$/gm, '')
      .replace(/\uffff/g, '\\#');
  let jsFlags = 'g';
  if (flagText.includes('i')) jsFlags += 'i';
  if (flagText.includes('s')) jsFlags += 's';
  try {
    return { regex: new RegExp(source, jsFlags), global: flagText.includes('g') };
  } catch {
    return fail(`${pattern} (at offset 0) is not a valid regex`);
  }
}

function matchObject(match: RegExpExecArray, input: string): JsonObject {
  const offset = (index: number) => [...input.slice(0, index)].length;
  const names = Object.keys(match.groups ?? {});
  const captures: Json[] = match.slice(1).map((text, i) => {
    const start = text === undefined ? -1 : input.indexOf(text, match.index);
    return {
      offset: text === undefined ? -1 : offset(start),
      length: text === undefined ? 0 : [...text].length,
      string: text ?? null,
      name: names[i] ?? null,
    };
  });
  return { offset: offset(match.index), length: [...match[0]].length, string: match[0], captures };
}

function matches(input: string, regex: RegExp, global: boolean): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(input); match; match = regex.exec(input)) {
    found.push(match);
    if (!global) break;
    if (match[0] === '') regex.lastIndex++;
  }
  return found;
}

function captureObject(match: RegExpExecArray): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) out[name] = value ?? null;
  return out;
}

export function* regexBuiltin(
  name: string,
  input: Json,
  [pattern, flags, replacement]: [Json, Json, JqNode?],
  env: Env,
): Generator<Json> {
  if (typeof input !== 'string') fail(`${describe(input)} cannot be matched, as it is not a string`);
  const text = input as string;
  const { regex, global } = compile(pattern, flags);
  switch (name) {
    case 'test':
      yield matches(text, regex, false).length > 0;
      return;
    case 'match':
      for (const match of matches(text, regex, global)) yield matchObject(match, text);
      return;
    case 'capture':
      for (const match of matches(text, regex, global)) yield captureObject(match);
      return;
    case 'scan':
      for (const match of matches(text, regex, true))
        yield match.length > 1 ? match.slice(1).map((part) => part ?? null) : match[0];
      return;
    case 'split': {
      const parts: string[] = [];
      let last = 0;
      for (const match of matches(text, regex, true)) {
        parts.push(text.slice(last, match.index));
        last = match.index + match[0].length;
      }
      parts.push(text.slice(last));
      yield parts;
      return;
    }
    default: {
      const all = matches(text, regex, name === 'gsub' || global);
      let results: string[] = [''];
      let last = 0;
      for (const match of all) {
        const replacements = replacement ? [...evaluate(replacement, captureObject(match), env)] : [''];
        const between = text.slice(last, match.index);
        results = results.flatMap((prefix) =>
          replacements.map((value) =>
            typeof value === 'string'
              ? prefix + between + value
              : fail(`${describe(value)} cannot be added to a string`),
          ),
        );
        last = match.index + match[0].length;
      }
      for (const result of results) yield result + text.slice(last);
    }
  }
}
