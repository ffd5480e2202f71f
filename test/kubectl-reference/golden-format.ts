// The golden transcript of one scenario: how to rebuild the same cluster
// (seed, options, the time it was created) and, per step, what the real
// kubectl was run with, when (the cluster's clock, equal to the wall clock
// kubectl read), the requests it sent, and what it printed.
import type { ClusterOptions } from '@kubelab/cluster';

export interface GoldenRequest {
  method: string;
  path: string;
  status: number;
  /** Cluster time (ms since the epoch) when the request was served. */
  at: number;
}

export type GoldenStep =
  | {
      /** The command line as a learner types it (`kubectl get svc`). */
      command: string;
      args: string[];
      /** Cluster time when kubectl started: replay with the clock set here. */
      at: number;
      stdout: string;
      stderr: string;
      exitCode: number;
      requests: GoldenRequest[];
    }
  | {
      /** Time passing between commands (the cluster runs its controllers meanwhile). */
      waitMs: number;
      at: number;
    };

export interface GoldenTranscript {
  format: 'kubelab.kubectl-reference/v1';
  scenario: string;
  description: string;
  kubectlVersion: string;
  /** The kubeconfig's server URL kubectl talked to (printed by `cluster-info`). */
  server: string;
  /** Replay: `Cluster.create({ ...options, seed, timeSource: () => createdAt })`, then each step at its `at`. */
  seed: string;
  options: ClusterOptions;
  createdAt: number;
  /** Files in kubectl's working directory (for `-f`). */
  files: Record<string, string>;
  steps: GoldenStep[];
}
