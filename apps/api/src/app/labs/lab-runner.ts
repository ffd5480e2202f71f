import type { LabRunner } from '@kubelab/grader';
import { ENVIRONMENT_SETTLE_MS, labSandboxSetup } from '@kubelab/labs';
import { rehearse, sandboxFacts } from '@kubelab/shell';

/** Plays a lab's commands in a throwaway sandbox on simulated time, for validating labs instructors publish. */
export const shellLabRunner: LabRunner = async (lab, commands) => {
  const { sandbox, transcript } = await rehearse(labSandboxSetup(lab), commands, ENVIRONMENT_SETTLE_MS);
  return { target: sandboxFacts(sandbox), transcript };
};
