// Every `kubectl create <generator> --dry-run=client` case of __fixtures__/cases.txt
// against the real kubectl v1.32's recorded output (__fixtures__/record.sh).
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { KubectlHarness } from '../../testing/kubectl.testing';
import type * as Testing from './testing';

// Only the write commands: the other groups are built elsewhere.
jest.mock('../registry', () => ({
  COMMANDS: jest.requireActual<typeof Testing>('./testing').WRITE_COMMANDS,
}));

interface GoldenCase {
  args: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const FIXTURES = join(__dirname, '__fixtures__');
const cases = JSON.parse(readFileSync(join(FIXTURES, 'golden.json'), 'utf8')) as GoldenCase[];

function loadFiles(harness: KubectlHarness, dir: string, prefix = ''): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) loadFiles(harness, path, `${prefix}${name}/`);
    else harness.files.set(`${prefix}${name}`, readFileSync(path, 'utf8'));
  }
}

describe('create generators match the real kubectl', () => {
  it.each(cases.map((golden) => [golden.args, golden] as const))('kubectl %s', async (_args, golden) => {
    const kubectl = KubectlHarness.create();
    loadFiles(kubectl, join(FIXTURES, 'files'));
    const result = await kubectl.run(golden.args);
    expect(result).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exitCode: golden.exitCode });
  });
});
