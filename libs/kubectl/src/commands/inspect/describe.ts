// `kubectl describe`: objects by type and name (or name prefix), by
// selector, or every object of a type, each through its kind's describer.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError, statusMessage } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { describeObject, type DescribeReader } from '../../describe';
import { selectResources } from '../../resources/builder';
import type { ResourceMapping } from '../../resources/rest-mapper';
import { readManifestTargets } from './get-files';

const NO_TYPE =
  'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

/** The describers' view of the cluster: reads through the request API only. */
export function describeReader(inv: Invocation): DescribeReader {
  const find = (resource: string) => inv.mapper.find(resource);
  return {
    get(resource, namespace, name) {
      const mapping = find(resource);
      return mapping ? inv.client.tryGet(mapping, namespace, name) : undefined;
    },
    list(resource, namespace, options = {}) {
      const mapping = find(resource);
      if (!mapping) return [];
      const response = inv.client.send({
        verb: 'list',
        group: mapping.group,
        version: mapping.version,
        resource: mapping.resource,
        ...(mapping.namespaced && namespace !== undefined ? { namespace } : {}),
        query: { ...options },
      });
      return response.status < 300 ? ((response.body as { items?: KubeObject[] }).items ?? []) : [];
    },
    now: () => inv.ctx.clock.now(),
  };
}

interface Described {
  mapping: ResourceMapping;
  object: KubeObject;
}

function listObjects(inv: Invocation, mapping: ResourceMapping): KubeObject[] {
  const namespace = mapping.namespaced && !inv.bool('all-namespaces') ? inv.namespace : undefined;
  const labelSelector = inv.string('selector');
  // List items come without kind and apiVersion; the describers (their events lookup) need them.
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  return inv.client
    .list(mapping, namespace, labelSelector ? { labelSelector } : {})
    .items.map((item) => ({ ...item, apiVersion, kind: mapping.kind }));
}

/** kubectl describe TYPE NAME: the object, or else every object whose name starts with NAME. */
function byName(
  inv: Invocation,
  mapping: ResourceMapping,
  name: string,
  namespace: string | undefined,
  errors: string[],
): Described[] {
  const response = inv.client.send({
    verb: 'get',
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    ...(mapping.namespaced && namespace !== undefined ? { namespace } : {}),
    name,
  });
  if (response.status < 300) return [{ mapping, object: response.body as KubeObject }];
  const prefixed =
    response.status === 404
      ? listObjects(inv, mapping).filter((object) => object.metadata?.name?.startsWith(name))
      : [];
  if (prefixed.length === 0) errors.push(statusMessage(response.body as Parameters<typeof statusMessage>[0]));
  return prefixed.map((object) => ({ mapping, object }));
}

async function runDescribe(inv: Invocation): Promise<number> {
  const filenames = inv.strings('filename');
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_TYPE);
  const selections = filenames.length
    ? await readManifestTargets(inv, filenames)
    : selectResources(inv.mapper, inv.args);
  const errors: string[] = [];
  const described: Described[] = [];
  for (const selection of selections) {
    const { mapping } = selection;
    if (!selection.names) {
      described.push(...listObjects(inv, mapping).map((object) => ({ mapping, object })));
      continue;
    }
    const namespace = mapping.namespaced ? (selection.namespace ?? inv.namespace) : undefined;
    for (const name of selection.names) described.push(...byName(inv, mapping, name, namespace, errors));
  }
  const reader = describeReader(inv);
  const showEvents = inv.changed('show-events') ? inv.bool('show-events') : true;
  const texts = described.map(({ mapping, object }) => describeObject(mapping.kind, object, reader, { showEvents }));
  inv.out(texts.join('\n\n'));
  if (described.length === 0 && errors.length === 0) {
    const namespaced = selections.some((selection) => selection.mapping.namespaced);
    inv.err(
      namespaced && !inv.bool('all-namespaces')
        ? `No resources found in ${inv.namespace} namespace.\n`
        : 'No resources found\n',
    );
  }
  for (const error of errors) inv.err(`${error}\n`);
  return errors.length ? 1 : 0;
}

export const describeCommand: KubectlCommand = { path: 'describe', run: runDescribe };
