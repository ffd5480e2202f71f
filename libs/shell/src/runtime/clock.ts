// The two ways time passes for a shell: simulated (scripts and tests: a
// `sleep 30` advances the cluster's clock at once) and real (a terminal:
// waits real time while the cluster runs on its own).
import type { Cluster } from '@kubelab/cluster';
import type { ShellClock } from './command';

// Timers are a global of every JavaScript runtime kubelab runs in.
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

/** Simulated time: sleeping advances the cluster; a stream ends when nothing more will happen. */
export function simulatedClock(cluster: Cluster): ShellClock {
  return {
    now: () => cluster.now(),
    sleep: (ms, options) => {
      if (options?.signal?.aborted) return Promise.resolve(false);
      if (options?.stream && cluster.nextWakeAt() === undefined) return Promise.resolve(false);
      cluster.advance(Math.max(0, ms));
      return Promise.resolve(!options?.signal?.aborted);
    },
  };
}

/** Real time: waits, then lets the cluster catch up; Ctrl-C (the signal) ends the wait early. */
export function realClock(cluster: Cluster): ShellClock {
  return {
    now: () => cluster.now(),
    sleep: (ms, options) =>
      new Promise<boolean>((resolve) => {
        const signal = options?.signal;
        if (signal?.aborted) return resolve(false);
        const onAbort = () => {
          clearTimeout(timer);
          resolve(false);
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            cluster.settle();
            resolve(true);
          },
          Math.max(0, Math.min(ms, 2_147_483_647)),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
