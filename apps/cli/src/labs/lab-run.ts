// A lab's sandbox in the command line: built from the lab's environment on
// simulated time, commands run as a learner would type them, then graded once
// the cluster has settled (pods started, endpoints ready).
import { gradeLab, type GradingTarget, type LabResult } from '@kubelab/grader';
import { ENVIRONMENT_SETTLE_MS, labSandboxSetup, type Lab } from '@kubelab/labs';
import { createSandboxFromSetup, type Sandbox, sandboxFacts } from '@kubelab/shell';

export interface LabRun {
  sandbox: Sandbox;
  /** What the terminal showed, command by command. */
  transcript: Array<{ command: string; output: string; exitCode: number }>;
}

export function labSandbox(lab: Lab): Sandbox {
  return createSandboxFromSetup(labSandboxSetup(lab), { time: 'simulated' });
}

export async function runLabCommands(lab: Lab, commands: readonly string[]): Promise<LabRun> {
  const sandbox = labSandbox(lab);
  // The learner arrives once the environment has settled, as in a lab opened in the browser.
  sandbox.cluster.advance(ENVIRONMENT_SETTLE_MS);
  const transcript: LabRun['transcript'] = [];
  for (const command of commands) {
    const result = await sandbox.shell.run(command);
    transcript.push({ command, output: result.stdout + result.stderr, exitCode: result.exitCode });
  }
  sandbox.cluster.advance(ENVIRONMENT_SETTLE_MS);
  return { sandbox, transcript };
}

export function gradingTarget(sandbox: Sandbox): GradingTarget {
  return sandboxFacts(sandbox);
}

export function gradeSandbox(lab: Lab, sandbox: Sandbox): LabResult {
  return gradeLab(lab, gradingTarget(sandbox));
}
