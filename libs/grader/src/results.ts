import type { CheckType } from '@kubelab/labs';

export interface CheckResult {
  id: string;
  type: CheckType;
  passed: boolean;
  /** The check's own pass or fail message. */
  message: string;
  /** On failure, what the grader found nearest to the expectation. */
  diagnosis?: string;
}

export interface TaskResult {
  id: string;
  /** Sequential labs: a task after one not yet passed is locked (graded, but worth nothing yet). */
  status: 'passed' | 'failed' | 'locked';
  points: number;
  /** Points earned: the share of checks passed, less revealed hints. */
  earned: number;
  checks: CheckResult[];
}

export interface LabResult {
  labId: string;
  passed: boolean;
  score: number;
  maxScore: number;
  tasks: TaskResult[];
}
