// Whether a lab is sound: its untouched setup leaves every task undone, its
// solution passes every check, and each named wrong solution fails the checks
// it names (so a check cannot pass by accident). The sessions are played by
// the caller's runner (a shell on a sandbox built from the lab).
import type { Lab } from '@kubelab/labs';
import { gradeLab } from './grade';
import type { LabResult } from './results';
import type { GradingTarget } from './target';

export interface LabSession {
  target: GradingTarget;
  transcript: Array<{ command: string; output: string; exitCode: number }>;
}

/** Plays `commands` on a fresh sandbox of the lab and returns what the grader needs. */
export type LabRunner = (lab: Lab, commands: readonly string[]) => Promise<LabSession>;

export interface LabValidation {
  problems: string[];
  checks: number;
}

function checksOf(result: LabResult) {
  return result.tasks.flatMap((task) => task.checks);
}

export async function validateLab(lab: Lab, run: LabRunner): Promise<LabValidation> {
  const problems: string[] = [];
  let untouched: LabResult;
  try {
    untouched = gradeLab(lab, (await run(lab, [])).target);
  } catch (error) {
    return { problems: [`the environment cannot be built: ${(error as Error).message}`], checks: 0 };
  }
  // A check may hold from the start (a guard: the pods still serve), but no task may be done already.
  for (const task of untouched.tasks) {
    if (task.checks.every((check) => check.passed)) {
      problems.push(`task ${task.id} passes before the learner does anything (all its checks pass)`);
    }
  }

  const solution = await run(lab, lab.solution);
  for (const step of solution.transcript) {
    if (step.exitCode !== 0) {
      problems.push(`solution command \`${step.command}\` exits with ${step.exitCode}: ${step.output.trim()}`);
    }
  }
  for (const check of checksOf(gradeLab(lab, solution.target))) {
    if (!check.passed) problems.push(`the solution fails check ${check.id}: ${check.diagnosis ?? check.message}`);
  }

  for (const wrong of lab.wrong) {
    const results = checksOf(gradeLab(lab, (await run(lab, wrong.commands)).target));
    for (const id of wrong.fails) {
      if (results.find((check) => check.id === id)?.passed) {
        problems.push(`wrong solution "${wrong.name}" passes check ${id}, which it must fail`);
      }
    }
  }
  return { problems, checks: checksOf(untouched).length };
}
