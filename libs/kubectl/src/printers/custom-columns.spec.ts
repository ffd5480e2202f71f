import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCustomColumnsSpec, printCustomColumns } from './custom-columns';
import { PrinterError } from './jsonpath/printer';

const fixtures = join(__dirname, '__fixtures__');
const read = (...parts: string[]): string => readFileSync(join(fixtures, ...parts), 'utf8');

function run(spec: string, items: unknown[], flags: string): { stdout: string; stderr: string; rc: number } {
  try {
    return {
      stdout: printCustomColumns(parseCustomColumnsSpec(spec), items, flags.includes('--no-headers')),
      stderr: '',
      rc: 0,
    };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    return { stdout: '', stderr: `error: ${e.message}\n`, rc: 1 };
  }
}

const cases = read('customcolumns-cases.txt')
  .split('\n')
  .filter(Boolean)
  .map((line, i) => {
    const [input = '', spec = '', flags = ''] = line.split('\t');
    return { id: String(i + 1).padStart(3, '0'), input, spec, flags };
  });

describe('-o custom-columns (recorded with kubectl v1.32 get against a fake API server)', () => {
  it.each(cases)('$id: $spec $flags', ({ id, input, spec, flags }) => {
    const list = JSON.parse(read(input));
    expect(run(spec, list.items, flags)).toEqual({
      stdout: read('customcolumns', `${id}.stdout`),
      stderr: read('customcolumns', `${id}.stderr`),
      rc: Number(read('customcolumns', `${id}.rc`)),
    });
  });
});
