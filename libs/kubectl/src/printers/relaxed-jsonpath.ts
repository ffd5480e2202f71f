// kubectl's RelaxedJSONPathExpression (custom-columns, --sort-by): `.a.b`, `a.b`, `{a.b}` -> `{.a.b}`.
import { PrinterError } from './jsonpath/printer';

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

export function relaxedJsonPathExpression(path: string): string {
  if (path.length === 0) return path;
  const match = JSON_REGEXP.exec(path);
  if (!match) {
    throw new PrinterError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${match[1] || match[2] || ''}}`;
}
