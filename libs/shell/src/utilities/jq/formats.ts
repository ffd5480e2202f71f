// jq's @formats: @text @json @csv @tsv @sh @uri @html @base64 @base64d.
import { decodeBase64, encodeBase64 } from '../base64';
import { decodeUtf8, encodeUtf8 } from '../support/utf8';
import { formatJson, formatNumber, type Json } from './json';
import { describe, fail, typeOf } from './values';

const scalarText = (value: Json) => (typeof value === 'string' ? value : formatJson(value, 0));

export function formatValue(name: string, value: Json): Json {
  switch (name) {
    case 'text':
      return scalarText(value);
    case 'json':
      return formatJson(value, 0);
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(value)) return fail(`${describe(value)} cannot be ${name}-formatted, only an array can be`);
      return value
        .map((item) => {
          if (typeof item === 'number') return formatNumber(item);
          if (typeof item === 'boolean') return String(item);
          if (item === null) return '';
          if (typeof item === 'string') {
            return name === 'csv'
              ? `"${item.replace(/"/g, '""')}"`
              : item.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
          }
          return fail(`${describe(item)} is not valid in a ${name} row`);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
    case 'sh': {
      const quote = (item: Json) => {
        if (Array.isArray(item) || typeOf(item) === 'object')
          return fail(`${describe(item)} can not be escaped for shell`);
        return typeof item === 'string' ? `'${item.replace(/'/g, "'\\''")}'` : formatJson(item, 0);
      };
      return Array.isArray(value) ? value.map(quote).join(' ') : quote(value);
    }
    case 'uri':
      return [...encodeUtf8(scalarText(value))]
        .map((byte) => {
          const char = String.fromCharCode(byte);
          return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        })
        .join('');
    case 'html':
      return scalarText(value).replace(
        /[<>&'"]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c,
      );
    case 'base64':
      return encodeBase64(encodeUtf8(scalarText(value)));
    case 'base64d':
      return decodeUtf8(decodeBase64(scalarText(value), true).bytes);
    default:
      return fail(`${name} is not a valid format`);
  }
}
