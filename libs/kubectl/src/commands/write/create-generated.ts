// The common end of `kubectl create <kind>`: send the generated object
// (unless `--dry-run=client`), wrap failures as each generator does, print.
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import { dryRunOf, outputFormatOf, printResult } from './output';

export interface GeneratedTarget {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
  /** `failed to create deployment: `: how the generator wraps a server error; plain CheckErr when absent. */
  errorPrefix?: string;
}

/** The NAME argument of a generator: `exactly one NAME is required, got 2`. */
export function requireName(inv: Invocation): string {
  const [name] = inv.args;
  if (inv.args.length !== 1 || name === undefined) {
    throw inv.usageError(`exactly one NAME is required, got ${inv.args.length}`);
  }
  return name;
}

/** The namespace to put in a generated object: only when given with `-n` (kubectl's EnforceNamespace). */
export function generatedNamespace(inv: Invocation): string | undefined {
  return inv.explicitNamespace ? inv.namespace : undefined;
}

export function createGenerated(inv: Invocation, object: KubeObject, target: GeneratedTarget): void {
  const dryRun = dryRunOf(inv);
  outputFormatOf(inv);
  let result = object;
  if (dryRun !== 'client') {
    const response = inv.client.send({
      verb: 'create',
      group: target.group,
      version: target.version,
      resource: target.resource,
      ...(target.namespaced ? { namespace: inv.namespace } : {}),
      body: object,
      query: { ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}), fieldManager: 'kubectl-create' },
    });
    if (isStatus(response.body) && response.status >= 300) {
      throw new KubectlError(
        target.errorPrefix
          ? `error: ${target.errorPrefix}${response.body.message ?? ''}`
          : statusMessage(response.body),
      );
    }
    result = response.body as KubeObject;
  }
  printResult(inv, result, { operation: 'created', dryRun, typed: true });
}
