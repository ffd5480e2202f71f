// `kubelab lab validate`: a lab is sound when its untouched setup leaves
// every task undone, its solution passes every check, and each named wrong
// solution fails the checks it names (so a check cannot pass by accident).
import type { LabResult } from '@kubelab/grader';
import type { Lab } from '@kubelab/labs';
import { gradeSandbox, runLabCommands } from './lab-run';

export interface LabValidation {
  problems: string[];
  checks: number;
}

function checksOf(result: LabResult) {
  return result.tasks.flatMap((task) => task.checks);
}

export async function validateLab(lab: Lab): Promise<LabValidation> {
  const problems: string[] = [];
  let untouched: LabResult;
  try {
    untouched = gradeSandbox(lab, (await runLabCommands(lab, [])).sandbox);
  } catch (error) {
    return { problems: [`the environment cannot be built: ${(error as Error).message}`], checks: 0 };
  }
  // A check may hold from the start (a guard: the pods still serve), but no task may be done already.
  for (const task of untouched.tasks) {
    if (task.checks.every((check) => check.passed)) {
      problems.push(`task ${task.id} passes before the learner does anything (all its checks pass)`);
    }
  }

  const solution = await runLabCommands(lab, lab.solution);
  for (const step of solution.transcript) {
    if (step.exitCode !== 0) {
      problems.push(`solution command \`${step.command}\` exits with ${step.exitCode}: ${step.output.trim()}`);
    }
  }
  for (const check of checksOf(gradeSandbox(lab, solution.sandbox))) {
    if (!check.passed) problems.push(`the solution fails check ${check.id}: ${check.diagnosis ?? check.message}`);
  }

  for (const wrong of lab.wrong) {
    const attempt = await runLabCommands(lab, wrong.commands);
    const results = checksOf(gradeSandbox(lab, attempt.sandbox));
    for (const id of wrong.fails) {
      if (results.find((check) => check.id === id)?.passed) {
        problems.push(`wrong solution "${wrong.name}" passes check ${id}, which it must fail`);
      }
    }
  }
  return { problems, checks: checksOf(untouched).length };
}
