// kubectl apply -f FILENAME (client-side apply): create with the
// last-applied annotation, or send the three-way strategic merge patch.
import type { KubeObject } from '@kubelab/cluster';
import { isStatus, KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import type { ManifestTarget } from '../../resources/manifests';
import { forEachManifest } from './targets';
import { LAST_APPLIED, lastAppliedAnnotated } from './last-applied';
import { dryRunOf, outputFormatOf, printResult, type DryRun } from './output';
import { threeWayMergePatch } from './three-way-patch';
import { ErrorList, sourceStatusMessage } from './write-errors';

type Json = Record<string, unknown>;

function parseLastApplied(live: KubeObject): Json | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function applyOne(inv: Invocation, target: ManifestTarget, dryRun: DryRun, errors: ErrorList): void {
  const { mapping, namespace, name, source } = target;
  const base = {
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    ...(namespace !== undefined ? { namespace } : {}),
  };
  const query = {
    ...(dryRun === 'server' ? { dryRun: 'All' as const } : {}),
    fieldManager: 'kubectl-client-side-apply',
  };
  const modified = lastAppliedAnnotated(target.object);
  const got = inv.client.send({ verb: 'get', ...base, name });
  if (got.status === 404) {
    let created = modified;
    if (dryRun !== 'client') {
      const response = inv.client.send({ verb: 'create', ...base, body: modified, query });
      if (isStatus(response.body) && response.status >= 300)
        return errors.add(sourceStatusMessage(response.body, 'creating', source));
      created = response.body as KubeObject;
    }
    return printResult(inv, created, { operation: 'created', dryRun });
  }
  if (isStatus(got.body) && got.status >= 300)
    return errors.add(sourceStatusMessage(got.body, 'retrieving current configuration of', source));
  const live = got.body as KubeObject;
  if (dryRun === 'client') return printResult(inv, modified, { operation: 'configured', dryRun });
  const original = parseLastApplied(live);
  if (live.metadata?.annotations?.[LAST_APPLIED] === undefined) {
    inv.err(
      `Warning: resource ${mapping.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = threeWayMergePatch(original, modified, live);
  if (Object.keys(patch).length === 0) return printResult(inv, live, { operation: 'unchanged', dryRun });
  const patchType =
    mapping.group === '' || ['apps', 'batch', 'networking.k8s.io', 'policy'].includes(mapping.group)
      ? 'strategic'
      : 'merge';
  const response = inv.client.send({ verb: 'patch', ...base, name, patchType, body: patch, query });
  if (isStatus(response.body) && response.status >= 300)
    return errors.add(sourceStatusMessage(response.body, 'patching', source));
  printResult(inv, response.body as KubeObject, { operation: 'configured', dryRun });
}

export const apply: KubectlCommand = {
  path: 'apply',
  async run(inv) {
    const filenames = inv.strings('filename');
    if (filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k');
    const dryRun = dryRunOf(inv);
    outputFormatOf(inv);
    const errors = new ErrorList();
    await forEachManifest(inv, errors, (target) => applyOne(inv, target, dryRun, errors));
    errors.finish();
  },
};
