// ServiceAccount admission (plugin/pkg/admission/serviceaccount, 1.32): a
// pod runs as `default` unless it names an account, the account must
// exist, and every container gets the projected API access volume.
import type { AdmissionPlugin } from '../api/admission/admission';
import type { KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import { child, children, record, records, text, type JsonRecord } from '../registry/pod/json';
import { admissionForbidden, isPodWrite } from './admission-errors';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: an hour and seven seconds. */
const TOKEN_EXPIRATION_SECONDS = 3607;

/** TokenVolumeSource: the token, the cluster CA and the namespace. */
export function tokenVolumeSource(): JsonRecord {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      {
        downwardAPI: {
          items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
        },
      },
    ],
  };
}

function shouldAutomount(account: Readonly<KubeObject>, spec: JsonRecord): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

function mountToken(spec: JsonRecord, volumeName: () => string): void {
  const existing = records(spec.volumes).find((volume) => text(volume.name).startsWith(VOLUME_PREFIX));
  const name = existing ? text(existing.name) : volumeName();
  let needsVolume = false;
  for (const list of ['initContainers', 'containers']) {
    for (const container of children(spec, list)) {
      const mounts = records(container.volumeMounts);
      if (mounts.some((mount) => mount.mountPath === API_TOKEN_MOUNT_PATH)) continue;
      container.volumeMounts = [...mounts, { mountPath: API_TOKEN_MOUNT_PATH, name, readOnly: true }];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...records(spec.volumes), { name, projected: tokenVolumeSource() }];
}

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(attributes, context) {
    if (attributes.operation !== 'CREATE' || !isPodWrite(attributes) || !attributes.object) return;
    const pod = attributes.object;
    const spec = child(pod, 'spec');
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
      if (text(spec.serviceAccountName))
        throw admissionForbidden(attributes, 'a mirror pod may not reference service accounts');
      return;
    }
    if (!text(spec.serviceAccountName)) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
    const accountName = text(spec.serviceAccountName);
    const namespace = attributes.namespace ?? '';
    const account = context.store.get(keyOf(RESOURCES.serviceaccounts), namespace, accountName);
    if (!account) {
      throw admissionForbidden(
        attributes,
        `error looking up service account ${namespace}/${accountName}: serviceaccount "${accountName}" not found`,
      );
    }
    if (shouldAutomount(account, spec)) mountToken(spec, () => `${VOLUME_PREFIX}${context.random.nameSuffix()}`);
    const pullSecrets = records(account.imagePullSecrets);
    if (records(spec.imagePullSecrets).length === 0 && pullSecrets.length > 0) {
      spec.imagePullSecrets = pullSecrets.map((secret) => ({ name: text(record(secret).name) }));
    }
  },
};
