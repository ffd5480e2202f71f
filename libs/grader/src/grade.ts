// Grades a sandbox against a lab: every check of every task, with the
// check's message and, on failure, a diagnosis of the nearest miss. A pure
// function of the lab and the sandbox's current state: connections and DNS
// questions go to a copy of the cluster, so grading leaves no trace.
import { Cluster } from '@kubelab/cluster';
import type { Check, Lab } from '@kubelab/labs';
import { checkCommand } from './checks/command';
import { checkConnection } from './checks/connection';
import type { CheckContext, CheckOutcome } from './checks/context';
import { checkDns } from './checks/dns';
import { checkEndpoints } from './checks/endpoints';
import { checkEnv } from './checks/env';
import { checkExpression } from './checks/expression';
import { checkFile } from './checks/file';
import { checkResource } from './checks/resource';
import type { CheckResult, LabResult, TaskResult } from './results';
import type { GradingTarget } from './target';

export interface GradeOptions {
  /** Hints revealed so far, per task id (their cost comes off the task's points). */
  revealedHints?: Record<string, number>;
}

function runCheck(check: Check, context: CheckContext): CheckOutcome {
  switch (check.type) {
    case 'resource':
      return checkResource(check, context);
    case 'expression':
      return checkExpression(check, context);
    case 'endpoints':
      return checkEndpoints(check, context);
    case 'reachable':
    case 'unreachable':
      return checkConnection(check, context);
    case 'dns':
      return checkDns(check, context);
    case 'env':
      return checkEnv(check, context);
    case 'command':
      return checkCommand(check, context);
    case 'file':
      return checkFile(check, context);
  }
}

/** A copy of the cluster at the same moment, made once per grading and only when needed. */
function lazyCopy(cluster: Cluster): () => Cluster {
  let copy: Cluster | undefined;
  return () => {
    if (!copy) {
      const snapshot = cluster.snapshot();
      copy = Cluster.restore(snapshot, { timeSource: () => snapshot.takenAt - snapshot.clockOffsetMs });
    }
    return copy;
  };
}

export function gradeLab(lab: Lab, target: GradingTarget, options: GradeOptions = {}): LabResult {
  const context: CheckContext = { target, network: lazyCopy(target.cluster) };
  let blocked = false;
  const tasks = lab.tasks.map((task): TaskResult => {
    const checks = task.checks.map((check): CheckResult => {
      let outcome: CheckOutcome;
      try {
        outcome = runCheck(check, context);
      } catch (error) {
        outcome = {
          passed: false,
          diagnosis: `the check could not run: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      return {
        id: check.id,
        type: check.type,
        passed: outcome.passed,
        message: outcome.passed ? check.pass : check.fail,
        ...(outcome.passed || outcome.diagnosis === undefined ? {} : { diagnosis: outcome.diagnosis }),
      };
    });
    const passedChecks = checks.filter((check) => check.passed).length;
    const passed = passedChecks === checks.length;
    const locked = lab.order === 'sequential' && blocked;
    if (!passed) blocked = true;
    const hintCost = task.hints
      .slice(0, options.revealedHints?.[task.id] ?? 0)
      .reduce((sum, hint) => sum + hint.cost, 0);
    const share = Math.round((task.points * passedChecks) / checks.length);
    return {
      id: task.id,
      status: locked ? 'locked' : passed ? 'passed' : 'failed',
      points: task.points,
      earned: locked ? 0 : Math.max(0, share - hintCost),
      checks,
    };
  });
  const score = tasks.reduce((sum, task) => sum + task.earned, 0);
  const maxScore = lab.tasks.reduce((sum, task) => sum + task.points, 0);
  return { labId: lab.metadata.id, passed: tasks.every((task) => task.status === 'passed'), score, maxScore, tasks };
}
