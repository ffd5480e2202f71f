// `kubectl get -f FILE`: the objects a manifest names, fetched from the server.
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import type { ResourceSelection } from '../../resources/builder';
import { readManifests, targetOf } from '../../resources/manifests';

export async function readManifestTargets(inv: Invocation, filenames: readonly string[]): Promise<ResourceSelection[]> {
  if (inv.args.length > 0) throw new KubectlError('error: cannot specify both a filename and resource(s)');
  const entries = await readManifests(inv.ctx, { filenames, recursive: inv.bool('recursive') });
  return entries.map((entry) => {
    if (!entry.ok) throw new KubectlError(`error: ${entry.error}`);
    const mapped = targetOf(inv.mapper, entry, { namespace: inv.namespace, enforce: inv.explicitNamespace });
    if (!mapped.ok) throw new KubectlError(`error: ${mapped.error}`);
    const { mapping, namespace, name } = mapped.target;
    return { mapping, names: [name], ...(namespace !== undefined ? { namespace } : {}) };
  });
}
