import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toYaml } from './go-yaml';
import { toJson } from './json';

const fixtures = join(__dirname, '__fixtures__');
const read = (...parts: string[]): string => readFileSync(join(fixtures, ...parts), 'utf8');
const names = (dir: string): string[] => readdirSync(join(fixtures, dir)).map((f) => f.replace(/\.json$/, ''));

describe('toYaml (recorded with kubectl v1.32 -o yaml)', () => {
  it.each(names('inputs'))('prints %s like kubectl', (name) => {
    expect(toYaml(JSON.parse(read('inputs', `${name}.json`)))).toBe(read('yaml', `${name}.yaml`));
  });
  it.each(names('objects'))('prints the generated %s like kubectl', (name) => {
    expect(toYaml(JSON.parse(read('objects', `${name}.json`)))).toBe(read('yaml', `${name}.yaml`));
  });
});

describe('toJson (recorded with kubectl v1.32 -o json)', () => {
  it.each([...names('inputs'), ...names('objects')])('prints %s like kubectl', (name) => {
    const dir = names('inputs').includes(name) ? 'inputs' : 'objects';
    const object = JSON.parse(read(dir, `${name}.json`));
    object.metadata.labels = { ...object.metadata.labels, foo: 'bar' };
    expect(toJson(object)).toBe(read('json', `${name}.json`));
  });
});

describe('toYaml on recorded cluster transcripts', () => {
  const transcripts = (() => {
    try {
      return readFileSync('/work/shared/reference/transcripts.json', 'utf8');
    } catch {
      return '';
    }
  })();
  const outputs: string[] = [];
  for (const match of transcripts.matchAll(/"stdout":\s*("(?:[^"\\]|\\.)*")/g)) {
    const text = JSON.parse(match[1] ?? '""') as string;
    if (text.startsWith('apiVersion: ')) outputs.push(text);
  }
  it.each(outputs.map((o, i) => [i, o]))('re-prints transcript yaml #%s byte for byte', (_i, text) => {
    expect(toYaml(parse(text, { version: '1.1' }))).toBe(text);
  });
});
