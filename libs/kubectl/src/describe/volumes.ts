// describe.go's describeVolumes: one block per volume by its source. The
// source lines sit at a fixed depth (LEVEL_2) even inside a pod template,
// where only the volume's name moves by one space, as in Go.
import type { PrefixWriter } from './prefix-writer';

type Source = Record<string, unknown>;
export type VolumeShape = Record<string, unknown> & { name?: string };

/** Go's %v of a scalar; `fallback` when absent (a nil pointer prints `<nil>`). */
function value(field: unknown, fallback: string | number | boolean): string {
  return typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean'
    ? String(field)
    : String(fallback);
}

/** Writes `Type:` then each `label: value` line, as the print*VolumeSource functions do. */
function lines(w: PrefixWriter, type: string, fields: Array<[string, string]>): void {
  w.write(2, `Type:\t${type}\n`);
  for (const [label, text] of fields) w.write(2, `${label}:\t${text}\n`);
}

function projected(w: PrefixWriter, source: Source): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const item of (source['sources'] ?? []) as Array<Record<string, Source | undefined>>) {
    const { secret, downwardAPI, configMap, serviceAccountToken } = item;
    if (secret) {
      w.write(2, `SecretName:\t${value(secret['name'], '')}\n`);
      w.write(2, `SecretOptionalName:\t${value(secret['optional'], '<nil>')}\n`);
    } else if (downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
    else if (configMap) {
      w.write(2, `ConfigMapName:\t${value(configMap['name'], '')}\n`);
      w.write(2, `ConfigMapOptional:\t${value(configMap['optional'], '<nil>')}\n`);
    } else if (serviceAccountToken)
      w.write(2, `TokenExpirationSeconds:\t${value(serviceAccountToken['expirationSeconds'], 3607)}\n`);
  }
}

function downward(w: PrefixWriter, source: Source): void {
  w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n');
  w.write(2, 'Items:\n');
  for (const item of (source['items'] ?? []) as Array<Record<string, Source | undefined>>) {
    const path = value(item['path'], '');
    if (item['fieldRef']) w.write(3, `${value(item['fieldRef']['fieldPath'], '')} -> ${path}\n`);
    if (item['resourceFieldRef']) w.write(3, `${value(item['resourceFieldRef']['resource'], '')} -> ${path}\n`);
  }
}

const PRINTERS: Record<string, (w: PrefixWriter, source: Source) => void> = {
  hostPath: (w, s) =>
    lines(w, 'HostPath (bare host directory volume)', [
      ['Path', value(s['path'], '')],
      ['HostPathType', value(s['type'], '<none>')],
    ]),
  emptyDir: (w, s) =>
    lines(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium', value(s['medium'], '')],
      ['SizeLimit', s['sizeLimit'] && s['sizeLimit'] !== '0' ? value(s['sizeLimit'], '') : '<unset>'],
    ]),
  secret: (w, s) =>
    lines(w, 'Secret (a volume populated by a Secret)', [
      ['SecretName', value(s['secretName'], '')],
      ['Optional', value(s['optional'], false)],
    ]),
  configMap: (w, s) =>
    lines(w, 'ConfigMap (a volume populated by a ConfigMap)', [
      ['Name', value(s['name'], '')],
      ['Optional', value(s['optional'], false)],
    ]),
  nfs: (w, s) =>
    lines(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server', value(s['server'], '')],
      ['Path', value(s['path'], '')],
      ['ReadOnly', value(s['readOnly'], false)],
    ]),
  persistentVolumeClaim: (w, s) =>
    lines(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName', value(s['claimName'], '')],
      ['ReadOnly', value(s['readOnly'], false)],
    ]),
  projected,
  downwardAPI: downward,
  image: (w, s) =>
    lines(w, 'Image (a container image or OCI artifact)', [
      ['Reference', value(s['reference'], '')],
      ['PullPolicy', value(s['pullPolicy'], '')],
    ]),
};

/** describeVolumes; `space` is `"  "` inside a pod template. */
export function writeVolumes(w: PrefixWriter, volumes: readonly VolumeShape[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(1, `${space ? ' ' : ''}${volume.name ?? ''}:\n`);
    const kind = Object.keys(PRINTERS).find((key) => volume[key] && typeof volume[key] === 'object');
    const printer = kind ? PRINTERS[kind] : undefined;
    if (kind && printer) printer(w, volume[kind] as Source);
    else w.write(1, '<unknown>\n');
  }
}
