import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrinterError, printJsonPath } from './printer';

const fixtures = join(__dirname, '..', '__fixtures__');
const read = (...parts: string[]): string => readFileSync(join(fixtures, ...parts), 'utf8');

/** What kubectl writes: stdout, or "error: <message>" plus a newline unless the message ends in one. */
function run(template: string, object: unknown): { stdout: string; stderr: string; rc: number } {
  try {
    return { stdout: printJsonPath(template, object), stderr: '', rc: 0 };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    const text = `error: ${e.message}`;
    return { stdout: '', stderr: text.endsWith('\n') ? text : `${text}\n`, rc: 1 };
  }
}

const cases = read('jsonpath-cases.txt')
  .split('\n')
  .filter(Boolean)
  .map((line, i) => {
    const [input = '', template = ''] = line.split('\t');
    return { id: String(i + 1).padStart(3, '0'), input, template };
  });

describe('-o jsonpath (recorded with kubectl v1.32)', () => {
  it.each(cases)('$id: $template', ({ id, input, template }) => {
    const object = JSON.parse(read(input));
    object.metadata.labels = { ...object.metadata.labels, foo: 'bar' };
    expect(run(template, object)).toEqual({
      stdout: read('jsonpath', `${id}.stdout`),
      stderr: read('jsonpath', `${id}.stderr`),
      rc: Number(read('jsonpath', `${id}.rc`)),
    });
  });
});
