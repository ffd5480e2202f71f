import type { Cluster } from '@kubelab/cluster';
import type { GradingTarget } from '../target';

export interface CheckContext {
  target: GradingTarget;
  /** A copy of the cluster for connections and DNS, so grading leaves no trace (logs, load-balancing turns). */
  network(): Cluster;
}

export interface CheckOutcome {
  passed: boolean;
  diagnosis?: string;
}

export const PASSED: CheckOutcome = { passed: true };

export function failed(diagnosis: string): CheckOutcome {
  return { passed: false, diagnosis };
}
