// Brace expansion on the unquoted text of a word: {a,b,c} and {1..5},
// {a..e}, {01..10}, {1..10..2}; nested and repeated braces.
import type { Word, WordPart } from './ast';

function sequence(body: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (numeric) {
    const [, fromText = '', toText = '', stepText] = numeric;
    const from = Number(fromText);
    const to = Number(toText);
    const step = Math.abs(Number(stepText ?? 1)) || 1;
    const width = /^-?0\d/.test(fromText) || /^-?0\d/.test(toText) ? Math.max(fromText.length, toText.length) : 0;
    const out: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
      out.push(
        width
          ? String(Math.abs(n))
              .padStart(width - (n < 0 ? 1 : 0), '0')
              .replace(/^/, n < 0 ? '-' : '')
          : String(n),
      );
      if (out.length > 10000) break;
    }
    return out;
  }
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body);
  if (letters) {
    const from = (letters[1] ?? 'a').charCodeAt(0);
    const to = (letters[2] ?? 'a').charCodeAt(0);
    const out: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) out.push(String.fromCharCode(n));
    return out;
  }
  return undefined;
}

/** Splits `a,b{c,d},e` at top-level commas. */
function alternatives(body: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (char === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out.length > 1 ? out : undefined;
}

function expandText(text: string): string[] {
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    for (let close = open; close < text.length; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}' && --depth === 0) {
        const body = text.slice(open + 1, close);
        const items = sequence(body) ?? alternatives(body);
        if (!items) break;
        const prefix = text.slice(0, open);
        const suffix = text.slice(close + 1);
        return items.flatMap((item) => expandText(`${prefix}${item}${suffix}`));
      }
    }
  }
  return [text];
}

/** A word's brace expansions (only single unquoted literal parts are expanded). */
export function expandBraces(word: Word): Word[] {
  const index = word.parts.findIndex((part) => part.type === 'lit' && /\{.*(,|\.\.).*\}/.test(part.text));
  if (index === -1) return [word];
  const part = word.parts[index] as Extract<WordPart, { type: 'lit' }>;
  const texts = expandText(part.text);
  if (texts.length === 1) return [word];
  return texts.flatMap((text) =>
    expandBraces({
      parts: [...word.parts.slice(0, index), { type: 'lit', text }, ...word.parts.slice(index + 1)],
      raw: word.raw,
    }),
  );
}
