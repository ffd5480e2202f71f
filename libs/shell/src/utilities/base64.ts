// base64 [-d] [-w COLS] [FILE]: GNU wraps encoded output at 76 columns.
import type { Command } from '../runtime/command';
import { parseOptions } from './support/options';
import { readInputs } from './support/io';
import { decodeUtf8, encodeUtf8 } from './support/utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const remaining = bytes.length - i;
    out += ALPHABET[(n >> 18) & 63] ?? '';
    out += ALPHABET[(n >> 12) & 63] ?? '';
    out += remaining > 1 ? (ALPHABET[(n >> 6) & 63] ?? '') : '=';
    out += remaining > 2 ? (ALPHABET[n & 63] ?? '') : '=';
  }
  return out;
}

/** Decoded bytes, and whether the input was valid (GNU stops at the first bad character). */
export function decodeBase64(text: string, ignoreGarbage: boolean): { bytes: number[]; valid: boolean } {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  let padding = false;
  let length = 0;
  for (const char of text) {
    if (char === '\n') continue;
    length++;
    if (char === '=') {
      padding = true;
      continue;
    }
    const index = ALPHABET.indexOf(char);
    if (index < 0 || padding) {
      if (ignoreGarbage && index < 0) continue;
      return { bytes, valid: false };
    }
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  // GNU decodes whole 4-character groups; a short final group is an error.
  return { bytes, valid: length % 4 === 0 };
}

export const base64: Command = async (ctx) => {
  const parsed = parseOptions('base64', ctx.args.slice(1), {
    flags: 'di',
    values: 'w',
    long: { decode: { key: 'd' }, 'ignore-garbage': { key: 'i' }, wrap: { key: 'w', value: true } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const options = parsed.options;
  if (options.operands.length > 1) {
    ctx.stderr.write(
      `base64: extra operand \u2018${options.operands[1] ?? ''}\u2019\nTry 'base64 --help' for more information.\n`,
    );
    return 1;
  }
  const wrapText = options.value('w') ?? '76';
  if (!/^\d+$/.test(wrapText)) {
    ctx.stderr.write(`base64: invalid wrap size: \u2018${wrapText}\u2019\n`);
    return 1;
  }
  const [input] = await readInputs(ctx, options.operands, 'base64');
  if (!input) return 1;
  if (options.has('d')) {
    const decoded = decodeBase64(input.text, options.has('i'));
    ctx.stdout.write(decodeUtf8(decoded.bytes));
    if (!decoded.valid) {
      ctx.stderr.write('base64: invalid input\n');
      return 1;
    }
    return 0;
  }
  const encoded = encodeBase64(encodeUtf8(input.text));
  const wrap = Number(wrapText);
  if (wrap === 0) ctx.stdout.write(encoded);
  else {
    const lines: string[] = [];
    for (let i = 0; i < encoded.length; i += wrap) lines.push(encoded.slice(i, i + wrap));
    ctx.stdout.write(lines.map((line) => `${line}\n`).join(''));
  }
  return 0;
};
