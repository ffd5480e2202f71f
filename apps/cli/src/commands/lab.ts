import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { type CheckResult, gradeLab, validateLab } from '@kubelab/grader';
import { sandboxFacts } from '@kubelab/shell';
import { UsageError, type Command, type CliIO } from '../command';
import { readLabFiles } from '../labs/lab-files';
import { runLabCommands, shellLabRunner } from '../labs/lab-run';
import { starterLab } from '../labs/starter-lab';

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

async function validate(io: CliIO, path: string): Promise<number> {
  let failures = 0;
  for (const entry of await readLabFiles(path)) {
    const problems =
      'problems' in entry
        ? entry.problems
        : (await validateLab(entry.lab, shellLabRunner)).problems.map((p) => `${entry.file}: ${p}`);
    if (problems.length === 0 && 'lab' in entry) {
      io.stdout(
        `${entry.file}: ok (${plural(entry.lab.tasks.length, 'task')}, the solution passes, ` +
          `${plural(entry.lab.wrong.length, 'wrong solution')} ${entry.lab.wrong.length === 1 ? 'fails' : 'fail'} as expected)\n`,
      );
    } else {
      failures++;
      for (const problem of problems) io.stdout(`${problem}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function resultLine(check: CheckResult): string {
  return `  ${check.passed ? 'PASS' : 'FAIL'} ${check.id}: ${check.message}${check.diagnosis ? ` (${check.diagnosis})` : ''}\n`;
}

async function check(io: CliIO, path: string, script: string | undefined, json: boolean): Promise<number> {
  const [entry] = await readLabFiles(path);
  if (!entry) throw new Error(`${path}: no lab file`);
  if ('problems' in entry) {
    for (const problem of entry.problems) io.stderr(`${problem}\n`);
    return 1;
  }
  const commands =
    script === undefined ? [] : (await readFile(script, 'utf8')).split('\n').filter((line) => line.trim());
  const run = await runLabCommands(entry.lab, commands);
  const result = gradeLab(entry.lab, sandboxFacts(run.sandbox));
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const task of result.tasks) {
      io.stdout(`${task.id}: ${task.status} (${task.earned}/${task.points})\n`);
      for (const result of task.checks) io.stdout(resultLine(result));
    }
    io.stdout(`score ${result.score}/${result.maxScore}${result.passed ? ', lab passed' : ''}\n`);
  }
  return result.passed ? 0 : 1;
}

export const labCommand: Command = {
  name: 'lab',
  summary: 'Write and test labs: lab validate FILE|DIR, lab new ID, lab check FILE --script FILE',
  usage: 'kubelab lab validate FILE|DIR | kubelab lab new ID | kubelab lab check FILE [--script FILE] [--json]',
  description:
    'validate: checks each lab file: the format, that the untouched setup fails every check,\n' +
    'that the solution passes them all, and that each wrong solution fails the checks it names.\n' +
    'new: writes ID.yaml, a commented lab to start from.\n' +
    "check: runs the script's commands on the lab's sandbox and prints every check's result.",
  options: {
    script: { type: 'string', valueName: 'FILE', description: 'Commands to run before grading (one per line)' },
    json: { type: 'boolean', description: 'Print the results as JSON' },
  },
  maxPositionals: 2,
  run: async ({ io, values, positionals }) => {
    const [action, argument] = positionals;
    if (argument === undefined)
      throw new UsageError(`"kubelab lab ${action ?? ''}" needs a file, directory or id`, 'lab');
    switch (action) {
      case 'validate':
        return validate(io, argument);
      case 'check':
        return check(io, argument, typeof values.script === 'string' ? values.script : undefined, values.json === true);
      case 'new': {
        if (!ID.test(argument))
          throw new UsageError(`"${argument}" is not a lab id (lower-case words joined by dashes)`, 'lab');
        const file = `${argument}.yaml`;
        if (existsSync(file)) throw new Error(`${file} already exists`);
        await writeFile(file, starterLab(argument));
        io.stdout(`wrote ${file}\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action ?? ''}": use validate, new or check`, 'lab');
    }
  },
};
