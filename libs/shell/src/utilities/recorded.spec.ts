// Every case in fixtures/cases.txt against the output the real tools gave
// (fixtures/record.sh): stdout, stderr and exit status, byte for byte.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runUtility, splitWords } from './run-utility.testing';

interface Recorded {
  command: string;
  stdout: string;
  stderr: string;
  code: number;
}

const fixtures = join(__dirname, 'fixtures');
const recorded = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Recorded[];

function inputFiles(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, inputFiles(path, `${prefix}${name}/`));
    else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return files;
}

const files = inputFiles(join(fixtures, 'inputs'));

/** Runs `a | b | c` stage by stage; stderr of every stage, status of the last. */
async function runPipeline(line: string) {
  const stages = line.split(/ \| (?=(?:[^']*'[^']*')*[^']*$)/);
  let stdin = files['pods.txt'] ?? '';
  let stderr = '';
  let code = 0;
  let fs;
  for (const [index, stage] of stages.entries()) {
    const result = await runUtility(splitWords(stage), { stdin, files: fs ? {} : files, fs, piped: index > 0 });
    fs = result.fs;
    stdin = result.stdout;
    stderr += result.stderr;
    code = result.code;
  }
  return { stdout: stdin, stderr, code };
}

describe('utilities against recorded real-tool output', () => {
  it.each(recorded.map((entry) => [entry.command, entry] as const))('%s', async (_command, entry) => {
    const result = await runPipeline(entry.command);
    expect(result).toEqual({ stdout: entry.stdout, stderr: entry.stderr, code: entry.code });
  });
});
