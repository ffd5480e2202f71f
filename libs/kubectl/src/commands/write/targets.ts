// The objects a write command works on, as kubectl's resource builder finds
// them: `TYPE NAME...`, `TYPE/NAME`, `-f` manifests, `TYPE -l selector`, `TYPE --all`.
import type { ApiRequest, KubeObject, PatchType, RequestQuery } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import { selectResources } from '../../resources/builder';
import { readManifests, targetOf, type ManifestTarget } from '../../resources/manifests';
import type { ErrorList } from './write-errors';
import type { ResourceMapping } from '../../resources/rest-mapper';

export interface Target {
  mapping: ResourceMapping;
  namespace: string | undefined;
  name: string;
  /** The manifest's object for `-f` targets. */
  object?: KubeObject;
}

export const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface TargetOptions {
  /** `-l` or `--all` may select every object of a type. */
  selector?: string;
  all?: boolean;
  /** Positional arguments to use instead of all of them (label/annotate strip their key=value pairs). */
  args?: string[];
  allowTypeOnly?: boolean;
}

export async function readTargets(inv: Invocation, options: TargetOptions = {}): Promise<Target[]> {
  const filenames = inv.strings('filename');
  const args = options.args ?? inv.args;
  if (filenames.length > 0) {
    if (args.length > 0) throw new KubectlError('error: cannot specify both a filename and resource(s)');
    const entries = await readManifests(inv.ctx, { filenames, recursive: inv.bool('recursive') });
    return entries.map((entry) => {
      if (!entry.ok) throw new KubectlError(`error: ${entry.error}`);
      const mapped = targetOf(inv.mapper, entry, { namespace: inv.namespace, enforce: inv.explicitNamespace });
      if (!mapped.ok) throw new KubectlError(`error: ${mapped.error}`);
      const { mapping, namespace, name, object } = mapped.target;
      return { mapping, namespace, name, object };
    });
  }
  if (args.length === 0) throw new KubectlError(NO_RESOURCES);
  const targets: Target[] = [];
  for (const selection of selectResources(inv.mapper, args)) {
    const namespace = selection.mapping.namespaced ? inv.namespace : undefined;
    if (selection.names) {
      for (const name of selection.names) targets.push({ mapping: selection.mapping, namespace, name });
      continue;
    }
    if (!options.selector && !options.all && !options.allowTypeOnly) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
    const list = inv.client.list(
      selection.mapping,
      namespace,
      options.selector ? { labelSelector: options.selector } : {},
    );
    for (const item of list.items) {
      targets.push({ mapping: selection.mapping, namespace, name: item.metadata?.name ?? '' });
    }
  }
  return targets;
}

/**
 * The `-f` objects of create, apply and replace, one at a time: files that do
 * not decode or map to a resource are recorded in `errors` and the others go on.
 */
export async function forEachManifest(
  inv: Invocation,
  errors: ErrorList,
  visit: (target: ManifestTarget) => void | Promise<void>,
): Promise<void> {
  const entries = await readManifests(inv.ctx, {
    filenames: inv.strings('filename'),
    recursive: inv.bool('recursive'),
  });
  for (const entry of entries) {
    if (!entry.ok) {
      errors.add(`error: ${entry.error}`);
      continue;
    }
    const mapped = targetOf(inv.mapper, entry, { namespace: inv.namespace, enforce: inv.explicitNamespace });
    if (mapped.ok) await visit(mapped.target);
    else errors.add(`error: ${mapped.error}`);
  }
}

/** The PATCH request for one target. */
export function patchRequest(target: Target, patchType: PatchType, body: unknown, query: RequestQuery): ApiRequest {
  return {
    verb: 'patch',
    group: target.mapping.group,
    version: target.mapping.version,
    resource: target.mapping.resource,
    ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
    name: target.name,
    patchType,
    body,
    query,
  };
}
