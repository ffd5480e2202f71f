// A lab's sessions in the command line: a sandbox built from the lab's
// environment, commands played as a learner would type them on simulated
// time, graded once the cluster has settled.
import type { LabRunner } from '@kubelab/grader';
import { ENVIRONMENT_SETTLE_MS, labSandboxSetup, type Lab } from '@kubelab/labs';
import { type Rehearsal, rehearse, sandboxFacts } from '@kubelab/shell';

export function runLabCommands(lab: Lab, commands: readonly string[]): Promise<Rehearsal> {
  return rehearse(labSandboxSetup(lab), commands, ENVIRONMENT_SETTLE_MS);
}

export const shellLabRunner: LabRunner = async (lab, commands) => {
  const { sandbox, transcript } = await runLabCommands(lab, commands);
  return { target: sandboxFacts(sandbox), transcript };
};
