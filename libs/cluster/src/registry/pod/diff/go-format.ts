// go-cmp's FormatValue and FormatType (report_reflect.go) over GoValues:
// values printed as Go literals with elided zero fields, types shown only
// where go-cmp shows them, and verbosity limits that end lists with `...`.
import { goQuote } from '../../../api/field-errors';
import { isZero, type GoValue } from './go-value';
import { appendEllipsis, line, list, TEXT_NIL, wrap, type DiffMode, type TextNode, type TextRecord } from './go-text';

export type TypeMode = 'emit' | 'elide' | 'auto';

export interface Options {
  mode: DiffMode;
  typeMode: TypeMode;
  verbosity: number;
  limit: boolean;
}

export const level = (options: Options): number => Math.min(Math.max(options.verbosity, 0), 16);
const isComposite = (value: GoValue): boolean =>
  value.kind === 'struct' || value.kind === 'slice' || value.kind === 'map' || value.kind === 'quantity';

function typeNameOf(value: GoValue): string {
  return value.kind === 'quantity' ? 'resource.Quantity' : value.type;
}

export function formatType(value: GoValue, out: TextNode, options: Options): TextNode {
  if (options.typeMode === 'elide') return out;
  if (options.typeMode === 'auto') {
    if (!isComposite(value) || (out.kind === 'line' && out.text === 'nil') || options.mode === ' ') return out;
  }
  const braced = out.kind === 'wrap' && out.prefix.startsWith('{') && out.suffix.endsWith('}');
  return wrap(typeNameOf(value), braced ? out : wrap('(', out, ')'));
}

/** go-cmp's formatString: double quotes, or backticks when that avoids escapes. */
function goString(text: string): string {
  const quoted = goQuote(text);
  if (quoted.length === text.length + 2) return quoted;
  const rawInvalid = [...text].some((char) => {
    const code = char.charCodeAt(0);
    return char === '`' || char === '\n' || (code < 0x20 && char !== '\t') || code === 0x7f;
  });
  return rawInvalid ? quoted : `\`${text}\``;
}

function formatString(prefix: string, text: string, options: Options): TextNode {
  const maxLen = options.limit ? (1 << level(options)) << 5 : text.length;
  if (text.length > maxLen + 3) return line(`${prefix}${goString(text.slice(0, maxLen))}...`);
  return line(prefix + goString(text));
}

/** resource.Quantity as Go holds it: int64Amount{value, scale}, the cached string, the format. */
function quantityStruct(value: Extract<GoValue, { kind: 'quantity' }>): GoValue {
  const quantity = value.quantity;
  const amount: GoValue = {
    kind: 'struct',
    type: 'resource.int64Amount',
    fields: [
      ['value', { kind: 'int', type: 'int64', value: quantity ? Number(quantity.mantissa) : 0 }],
      ['scale', { kind: 'int', type: 'resource.Scale', value: quantity ? quantity.exponent : 0 }],
    ],
  };
  return {
    kind: 'struct',
    type: 'resource.Quantity',
    fields: [
      ['i', amount],
      ['d', { kind: 'struct', type: 'resource.infDecAmount', fields: [] }],
      ['s', { kind: 'string', type: 'string', value: quantity?.cached ?? '' }],
      ['Format', { kind: 'string', type: 'resource.Format', value: quantity?.format ?? '' }],
    ],
  };
}

export function formatValue(value: GoValue | undefined, options: Options): TextNode | null {
  if (!value) return null;
  let skipType = false;
  const nested = (limitDown: boolean): Options =>
    options.limit && limitDown ? { ...options, verbosity: options.verbosity - 1 } : options;
  const maxLen = (count: number): number => (options.limit ? ((1 << level(options)) >> 1) << 2 : count);
  let out: TextNode;
  switch (value.kind) {
    case 'string':
      out = formatString('', value.value, options);
      break;
    case 'int':
      out = line(String(value.value));
      break;
    case 'bool':
      out = line(String(value.value));
      break;
    case 'quantity':
      return formatType(
        value,
        formatValue(quantityStruct(value), { ...options, typeMode: 'elide' }) ?? TEXT_NIL,
        options,
      );
    case 'ptr': {
      if (value.elem === null) return formatType(value, TEXT_NIL, options);
      skipType = true;
      out = wrap('&', formatValue(value.elem, options) ?? TEXT_NIL);
      break;
    }
    case 'slice': {
      if (value.items === null) {
        out = TEXT_NIL;
        break;
      }
      const limit = maxLen(value.items.length);
      const inner = nested(true);
      const records: TextRecord[] = [];
      for (const item of value.items) {
        if (records.length === limit) {
          appendEllipsis(records);
          break;
        }
        records.push({ diff: '', key: '', value: formatValue(item, { ...inner, typeMode: 'elide' }) ?? TEXT_NIL });
      }
      out = wrap('{', list(records), '}');
      break;
    }
    case 'map': {
      if (value.entries === null) {
        out = TEXT_NIL;
        break;
      }
      const limit = maxLen(value.entries.length);
      const inner = nested(true);
      const records: TextRecord[] = [];
      for (const [key, item] of value.entries) {
        if (records.length === limit) {
          appendEllipsis(records);
          break;
        }
        records.push({
          diff: '',
          key: mapKey(key, value.keyStringer),
          value: formatValue(item, { ...inner, typeMode: 'elide' }) ?? TEXT_NIL,
        });
      }
      out = wrap('{', list(records), '}');
      break;
    }
    case 'struct': {
      const limit = maxLen(value.fields.length);
      const inner = nested(true);
      const records: TextRecord[] = [];
      for (const [name, field] of value.fields) {
        if (isZero(field)) continue;
        if (records.length === limit) {
          appendEllipsis(records);
          break;
        }
        records.push({ diff: '', key: name, value: formatValue(field, { ...inner, typeMode: 'auto' }) ?? TEXT_NIL });
      }
      out = wrap('{', list(records), '}');
      break;
    }
  }
  return skipType ? out : formatType(value, out, options);
}

export function mapKey(key: string, stringer: boolean): string {
  return (stringer ? 's' : '') + goString(key);
}
