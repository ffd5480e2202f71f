// What the grader looks at: the sandbox's cluster (through its API and its
// network model), the learner's files and history. A sandbox of
// @kubelab/shell fits this shape; the grader needs nothing else of it.
import type { Cluster } from '@kubelab/cluster';

export interface GradingTarget {
  cluster: Cluster;
  /** A file's text, or undefined when it does not exist (`path` absolute). */
  readFile(path: string): string | undefined;
  /** The shell history, oldest first. */
  history: readonly string[];
}
