// pkg/controller/certificates/rootcacertpublisher: the ConfigMap
// `kube-root-ca.crt` (key `ca.crt`, the cluster CA) in every namespace,
// recreated when deleted and restored when edited.
import { ApiError } from '../api/errors';
import { isRecord, type KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { isNamespaceTerminating } from './namespace/terminating';
import { caCertificatePem, isCertificatePem } from './root-ca/ca-certificate';

export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
const CA_KEY = 'ca.crt';
/** Where the CA is read back from after a restore: kube-controller-manager reads it from a file. */
const SOURCE_NAMESPACE = 'kube-system';

function phaseOf(namespace: Readonly<KubeObject> | undefined): unknown {
  return namespace && isRecord(namespace.status) ? namespace.status.phase : undefined;
}

function caOf(configMap: Readonly<KubeObject> | undefined): unknown {
  return configMap && isRecord(configMap.data) ? configMap.data[CA_KEY] : undefined;
}

export class RootCaPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  private rootCa: string | undefined;

  keysFor(event: StoreEvent): readonly string[] {
    const { object } = event;
    if (event.resource === keyOf(RESOURCES.namespaces)) {
      if (event.type === 'ADDED') return [object.metadata.name ?? ''];
      return event.type === 'MODIFIED' && phaseOf(object) === 'Active' ? [object.metadata.name ?? ''] : [];
    }
    if (event.resource === keyOf(RESOURCES.configmaps) && event.type !== 'ADDED') {
      return object.metadata.name === ROOT_CA_CONFIG_MAP ? [object.metadata.namespace ?? ''] : [];
    }
    return [];
  }

  sync(namespace: string, context: ControllerContext): void {
    // Creating into a namespace that is gone or going fails for good.
    if (phaseOf(context.client.get(RESOURCES.namespaces, undefined, namespace)) !== 'Active') return;
    const ca = this.ca(context);
    const existing = context.client.get(RESOURCES.configmaps, namespace, ROOT_CA_CONFIG_MAP);
    if (!existing) {
      this.create(namespace, ca, context);
      return;
    }
    const data = isRecord(existing.data) ? existing.data : {};
    const sameData = Object.keys(data).length === 1 && data[CA_KEY] === ca;
    if (sameData && existing.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
    const copy = context.client.copy(existing);
    copy.data = { [CA_KEY]: ca };
    copy.metadata.annotations = { ...copy.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    context.client.update(RESOURCES.configmaps, copy);
  }

  private create(namespace: string, ca: string, context: ControllerContext): void {
    try {
      context.client.create(RESOURCES.configmaps, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: ROOT_CA_CONFIG_MAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
        data: { [CA_KEY]: ca },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status.reason !== 'NotFound' && !isNamespaceTerminating(error)) throw error;
    }
  }

  /** The cluster's CA: made once from the seeded randomness, read back from a published copy after a restore. */
  private ca(context: ControllerContext): string {
    if (this.rootCa) return this.rootCa;
    const published = [
      context.client.get(RESOURCES.configmaps, SOURCE_NAMESPACE, ROOT_CA_CONFIG_MAP),
      ...context.client
        .list(RESOURCES.configmaps)
        .filter((configMap) => configMap.metadata.name === ROOT_CA_CONFIG_MAP),
    ]
      .map(caOf)
      .find(isCertificatePem);
    this.rootCa = published ?? caCertificatePem(context.random, context.now());
    return this.rootCa;
  }
}
