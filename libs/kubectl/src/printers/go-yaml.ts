// `kubectl -o yaml`: sigs.k8s.io/yaml's JSONToYAML, i.e. go-yaml v2's block emitter (2-space indent,
// indentless sequences under keys, line folding at column 80) and its scalar-style rules.
import { formatYamlNumber } from './go-number';
import { analyzeScalar, isBreak, isPrintable, resolvesToPlainString, type ScalarAnalysis } from './go-yaml-scalar';
import { compareGoYamlKeys } from './go-yaml-keys';
import { utf8Encode } from '@kubelab/cluster';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double' | 'literal';
interface NodeContext {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

/** Prints one value as a YAML document, as `kubectl get -o yaml` does for one object. */
export function toYaml(value: unknown): string {
  const emitter = new BlockEmitter();
  emitter.node(value, { root: true, sequence: false, mapping: false, simpleKey: false });
  return emitter.finish();
}

class BlockEmitter {
  private out = '';
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  finish(): string {
    // The document end's indent; yaml.v2's finish() clears open_ended, so no '...' marker follows.
    this.writeIndent();
    return this.out;
  }

  node(value: unknown, ctx: NodeContext): void {
    if (Array.isArray(value)) this.sequence(value, ctx);
    else if (value !== null && typeof value === 'object') this.mapping(value as Record<string, unknown>, ctx);
    else this.scalar(value, ctx);
  }

  private sequence(items: readonly unknown[], ctx: NodeContext): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(map: Record<string, unknown>, _ctx: NodeContext): void {
    const keys = Object.keys(map).sort(compareGoYamlKeys);
    if (keys.length === 0) return this.emptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const text = jsonRoundTrip(key);
      if (isSimpleKey(text)) {
        this.scalar(text, { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(text, { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(map[key], { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(value: unknown, ctx: NodeContext): void {
    const [text, preferred] = scalarText(value);
    const chars = Array.from(text, (c) => c.codePointAt(0) ?? 0);
    const style = selectStyle(preferred, analyzeScalar(chars), ctx.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === 'plain') this.writePlain(chars, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(chars, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(text: string): void {
    this.out += text;
    this.column += 1;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  private writePlain(chars: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== 0x20) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === 0x20) {
        const inside = i > 0 && i < chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && chars[i + 1] !== 0x20) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    chars.forEach((c, i) => {
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        for (const e of doubleQuotedEscape(c)) this.put(e);
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === 0x20) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    const first = chars[0];
    if (first !== undefined && (first === 0x20 || isBreak(first)))
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = literalChomp(chars);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** yaml_emitter_check_simple_key: single-line and at most 128 bytes. */
function isSimpleKey(key: string): boolean {
  return !Array.from(key).some((c) => isBreak(c.codePointAt(0) ?? 0)) && utf8Encode(key).length <= 128;
}

/**
 * JSONToYAML re-reads Go's JSON with the YAML parser; an unescaped NEL in a double-quoted
 * scalar is a line break there and folds into a space.
 */
function jsonRoundTrip(s: string): string {
  return s.includes('\u0085') ? s.replace(/[ \t]*\u0085[ \t]*/g, ' ') : s;
}

function scalarText(input: unknown): [string, Style] {
  const value = typeof input === 'string' ? jsonRoundTrip(input) : input;
  if (typeof value === 'string') {
    if (value.includes('\n')) return [value, 'literal'];
    return [value, resolvesToPlainString(value) ? 'plain' : 'double'];
  }
  if (typeof value === 'number') return [formatYamlNumber(value), 'plain'];
  if (typeof value === 'boolean') return [String(value), 'plain'];
  if (typeof value === 'bigint') return [value.toString(), 'plain'];
  return ['null', 'plain'];
}

/** yaml_emitter_select_scalar_style for block context. */
function selectStyle(preferred: Style, analysis: ScalarAnalysis, simpleKey: boolean): Style {
  let style = preferred;
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain' && !analysis.blockPlainAllowed) style = 'single';
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function literalChomp(chars: readonly number[]): '' | '-' | '+' {
  const last = chars[chars.length - 1];
  if (last === undefined || !isBreak(last)) return '-';
  if (chars.length === 1) return '+';
  const beforeLast = chars[chars.length - 2];
  return beforeLast !== undefined && isBreak(beforeLast) ? '+' : '';
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function doubleQuotedEscape(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return `\\${short}`;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}
