// Benchmarks of the grader (libs/grader): grading a solved sandbox of each
// catalogue lab, and a 10-check lab without connections.
// Run: npm run bench:grader   (figures go to docs/benchmarks.md)
import { join } from 'node:path';
import { gradeLab } from '@kubelab/grader';
import type { Lab } from '@kubelab/labs';
import { readLabFiles } from '../apps/cli/src/labs/lab-files';
import { sandboxFacts } from '@kubelab/shell';
import { runLabCommands } from '../apps/cli/src/labs/lab-run';
import { report, timeEach } from './measure';

async function main(): Promise<void> {
  const entries = await readLabFiles(join(__dirname, '..', 'labs'));
  for (const entry of entries) {
    if (!('lab' in entry)) continue;
    const lab: Lab = entry.lab;
    const { sandbox } = await runLabCommands(lab, lab.solution);
    const target = sandboxFacts(sandbox);
    const checks = lab.tasks.reduce((sum, task) => sum + task.checks.length, 0);
    const network = lab.tasks.some((task) =>
      task.checks.some((check) => ['reachable', 'unreachable', 'dns'].includes(check.type)),
    );
    report(
      `${lab.metadata.id} (${checks} checks${network ? ', network' : ''})`,
      timeEach(200, () => gradeLab(lab, target)),
    );
  }

  // Ten checks of the kinds that read objects (no connections): resources, expressions, endpoints, commands.
  const base = entries.find((entry) => 'lab' in entry && entry.lab.metadata.id === 'nginxsvc-replicas');
  if (!base || !('lab' in base)) return;
  const task = base.lab.tasks.flatMap((t) => t.checks);
  const checks = Array.from({ length: 10 }, (_, index) => ({ ...task[index % task.length], id: `c${index}` }));
  const tenChecks = { ...base.lab, tasks: [{ ...base.lab.tasks[0], checks }] } as Lab;
  const { sandbox } = await runLabCommands(base.lab, base.lab.solution);
  report(
    '10 checks without connections',
    timeEach(500, () => gradeLab(tenChecks, sandboxFacts(sandbox))),
  );
}

void main();
