// `-o custom-columns=` / `custom-columns-file=` (kubectl/pkg/cmd/get/customcolumn.go). Produces the
// tab-separated lines kubectl feeds to its tabwriter (minWidth 6, tabWidth 4, padding 3, ' ').
import { JsonPathEvaluator } from './jsonpath/evaluator';
import { goValueText } from './jsonpath/go-values';
import { compileJsonPath, PrinterError } from './jsonpath/printer';
import type { ListNode } from './jsonpath/nodes';
import { relaxedJsonPathExpression } from './relaxed-jsonpath';
import { kubectlTabWriter } from './tabwriter';

export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new PrinterError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

const MISSING_HEADER =
  'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.';
const MISSING_SPEC =
  'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.';

/** NewCustomColumnsPrinterFromTemplate: a header line and a spec line, split on whitespace. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.length === 0) throw new PrinterError(MISSING_HEADER);
  const words = (line: string | undefined): string[] => (line ?? '').split(/\s+/).filter(Boolean);
  const headers = words(lines[0]);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) throw new PrinterError(MISSING_SPEC);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new PrinterError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i] ?? '') }));
}

/** Header (unless noHeaders) and one tab-joined line per object; missing values print `<none>`. */
export function customColumnsLines(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  noHeaders = false,
): string[] {
  const parsers: ListNode[] = columns.map((c) => compileColumn(c.fieldSpec));
  const lines = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  for (const object of objects) {
    const cells = parsers.map((root) => {
      const values = new JsonPathEvaluator(root, true).findResults(object);
      const texts = values.flat().map((v) => escapeTerminal(goValueText(v)));
      const first = values[0];
      return [...(values.length === 0 || !first || first.length === 0 ? ['<none>'] : []), ...texts].join(',');
    });
    lines.push(cells.join('\t'));
  }
  return lines.map((line) => `${line}\n`);
}

/** CustomColumnsPrinter.PrintObj: the lines aligned by kubectl's tabwriter (GetNewTabWriter). */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  noHeaders = false,
): string {
  const writer = kubectlTabWriter();
  for (const line of customColumnsLines(columns, objects, noHeaders)) writer.write(line);
  return writer.flush();
}

function compileColumn(spec: string): ListNode {
  return compileJsonPath(spec === '' ? ' ' : spec);
}

/** printers.EscapeTerminal: control characters other than tab/newline become escaped. */
function escapeTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) ^ 0x40)}`);
}
