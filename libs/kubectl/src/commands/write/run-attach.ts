// `kubectl run -i/-t/--attach`: wait (on the cluster's clock) for the pod to
// run, attach the terminal, then with `--rm` delete what run created.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';

interface PodView {
  metadata?: { name?: string; namespace?: string };
  spec?: { restartPolicy?: string; containers?: Array<{ name?: string; command?: string[]; args?: string[] }> };
  status?: {
    phase?: string;
    conditions?: Array<{ type?: string; status?: string }>;
    containerStatuses?: Array<{ state?: { terminated?: { exitCode?: number; reason?: string; message?: string } } }>;
  };
}

const POLL_MS = 1000;

function getPod(inv: Invocation, namespace: string, name: string): PodView | undefined {
  const response = inv.client.send({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
  return response.status === 200 ? (response.body as PodView) : undefined;
}

/** Polls until `done` holds; kubectl's --pod-running-timeout (1m by default) bounds the wait. */
async function waitForPod(
  inv: Invocation,
  namespace: string,
  name: string,
  done: (pod: PodView) => boolean,
): Promise<PodView> {
  const timeoutMs = inv.int('pod-running-timeout') || 60_000;
  const deadline = inv.ctx.clock.now() + timeoutMs;
  for (;;) {
    const pod = getPod(inv, namespace, name);
    if (pod && done(pod)) return pod;
    if (inv.ctx.clock.now() >= deadline) throw new KubectlError('error: timed out waiting for the condition');
    if (!(await inv.ctx.clock.sleep(POLL_MS))) throw new KubectlError('');
  }
}

function runningAndReady(pod: PodView): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return true;
  return phase === 'Running' && (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export async function attachToRunPod(inv: Invocation, created: KubeObject, resources: string[]): Promise<number> {
  const namespace = created.metadata?.namespace ?? inv.namespace;
  const name = created.metadata?.name ?? '';
  let finished = false;
  try {
    const pod = await waitForPod(inv, namespace, name, runningAndReady);
    const container = pod.spec?.containers?.[0];
    const tty = inv.bool('tty');
    if (!inv.bool('quiet')) inv.err("If you don't see a command prompt, try pressing enter.\n");
    const command = [...(container?.command ?? []), ...(container?.args ?? [])];
    const exitCode = await inv.ctx.terminal.execInContainer(
      { namespace, pod: name, container: container?.name ?? name, tty },
      command,
    );
    const restart = pod.spec?.restartPolicy ?? 'Always';
    // The attached shell ended the session; the simulated container, which
    // waits on its standard input, is still running: the session's status stands.
    const shellStillRunning = getPod(inv, namespace, name)?.status?.phase === 'Running' && restart !== 'Always';
    if (shellStillRunning) {
      finished = true;
      return exitCode;
    }
    if (!inv.bool('quiet') && inv.bool('stdin') && tty && restart === 'Always' && !inv.bool('rm')) {
      inv.out(
        `Session ended, resume using 'kubectl attach ${name} -c ${container?.name ?? name} -i -t' command when the pod is running\n`,
      );
    }
    if (inv.bool('leave-stdin-open') || restart === 'Always') return 0;
    const final = await waitForPod(inv, namespace, name, (view) =>
      restart === 'OnFailure'
        ? view.status?.phase === 'Succeeded'
        : ['Succeeded', 'Failed'].includes(view.status?.phase ?? ''),
    );
    if (final.status?.phase === 'Succeeded') return 0;
    const terminated = final.status?.containerStatuses?.[0]?.state?.terminated;
    if (!terminated || !terminated.exitCode)
      throw new KubectlError(`error: pod ${namespace}/${name} failed with unknown exit code`);
    throw new KubectlError(
      `error: pod ${namespace}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`,
      terminated.exitCode,
    );
  } finally {
    if (inv.bool('rm')) removeCreated(inv, namespace, name, resources, finished);
  }
}

/** `pod "x" deleted` for each object run created (kubectl's DeleteResult, not waiting). */
function removeCreated(inv: Invocation, namespace: string, name: string, resources: string[], exited: boolean): void {
  for (const resource of resources) {
    // A container whose process already ended goes at once (no grace period to wait out).
    const query = exited && resource === 'pods' ? { gracePeriodSeconds: 0 } : {};
    const response = inv.client.send({ verb: 'delete', group: '', version: 'v1', resource, namespace, name, query });
    if (response.status < 300) inv.out(`${resource === 'pods' ? 'pod' : 'service'} "${name}" deleted\n`);
  }
}
