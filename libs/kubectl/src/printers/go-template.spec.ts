import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoTemplateExecutionError, printGoTemplate } from './go-template';
import { PrinterError } from './jsonpath/printer';

const fixtures = join(__dirname, '__fixtures__');
const read = (...parts: string[]): string => readFileSync(join(fixtures, ...parts), 'utf8');

/** What kubectl writes: stdout (plus the debugging dump on execution errors), then "error: <message>". */
function run(template: string, object: unknown, flags: string): { stdout: string; stderr: string; rc: number } {
  const allowMissingKeys = !flags.includes('--allow-missing-template-keys=false');
  try {
    return { stdout: printGoTemplate(template, object, { allowMissingKeys }), stderr: '', rc: 0 };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    const text = `error: ${e.message}`;
    const stdout = e instanceof GoTemplateExecutionError ? e.stdout : '';
    return { stdout, stderr: text.endsWith('\n') ? text : `${text}\n`, rc: 1 };
  }
}

const cases = read('gotemplate-cases.txt')
  .split('\n')
  .filter(Boolean)
  .map((line, i) => {
    const [input = '', template = '', flags = ''] = line.split('\t');
    return { id: String(i + 1).padStart(3, '0'), input, template, flags };
  });

describe('-o go-template (recorded with kubectl v1.32)', () => {
  it.each(cases)('$id: $template $flags', ({ id, input, template, flags }) => {
    const object = JSON.parse(read(input));
    object.metadata.labels = { ...object.metadata.labels, foo: 'bar' };
    expect(run(template, object, flags)).toEqual({
      stdout: read('gotemplate', `${id}.stdout`),
      stderr: read('gotemplate', `${id}.stderr`),
      rc: Number(read('gotemplate', `${id}.rc`)),
    });
  });
});
