// `--from-literal`, `--from-file` and `--from-env-file` for `create configmap`
// and `create secret generic`, with kubectl's validation messages.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { KubectlContext } from '../../context';
import { objectMeta } from './generators';
import { utf8Encode } from '@kubelab/cluster';

export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const KEY_HINT =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

type AddKey = (key: string, value: string) => void;

/** Reads every source into `add`, in kubectl's order: literals, files, then env files. */
export function readDataSources(ctx: KubectlContext, sources: DataSources, add: AddKey): void {
  if (sources.envFiles.length && (sources.files.length || sources.literals.length)) {
    throw new KubectlError('error: from-env-file cannot be combined with from-file or from-literal');
  }
  for (const literal of sources.literals) {
    const equals = literal.indexOf('=');
    if (equals <= 0) throw new KubectlError(`error: invalid literal source ${literal}, expected key=value`);
    add(literal.slice(0, equals), literal.slice(equals + 1));
  }
  for (const file of sources.files) addFileSource(ctx, file, add);
  for (const envFile of sources.envFiles) addEnvFile(ctx, envFile, add);
}

function addFileSource(ctx: KubectlContext, source: string, add: AddKey): void {
  const equals = source.indexOf('=');
  const key = equals === -1 ? undefined : source.slice(0, equals);
  const path = equals === -1 ? source : source.slice(equals + 1);
  if (key === '') throw new KubectlError(`error: key names or file paths cannot be empty`);
  const entries = ctx.files.list(path);
  if (entries !== undefined) {
    if (key !== undefined) throw new KubectlError(`error: cannot give a key name for a directory path`);
    for (const name of [...entries].sort()) {
      const child = `${path.replace(/\/$/, '')}/${name}`;
      if (ctx.files.list(child) !== undefined) continue;
      const read = ctx.files.read(child);
      if (read.ok) add(name, read.text);
    }
    return;
  }
  const read = ctx.files.read(path);
  if (!read.ok) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
  add(key ?? path.split('/').pop() ?? path, read.text);
}

function addEnvFile(ctx: KubectlContext, path: string, add: AddKey): void {
  const read = ctx.files.read(path);
  if (!read.ok) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
  read.text.split('\n').forEach((raw, index) => {
    const line = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals === -1 ? line : line.slice(0, equals);
    if (!ENV_NAME.test(key)) {
      throw new KubectlError(
        `error: ${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
      );
    }
    if (equals !== -1) add(key, line.slice(equals + 1));
  });
}

function keyAdder(
  kind: 'ConfigMap' | 'Secret',
  name: string,
  data: Record<string, string>,
  encode: (text: string) => string,
): AddKey {
  return (key, value) => {
    if (!CONFIG_KEY.test(key))
      throw new KubectlError(`error: ${JSON.stringify(key)} is not a valid key name for a ${kind}: ${KEY_HINT}`);
    if (key in data) {
      throw new KubectlError(
        kind === 'ConfigMap'
          ? `error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`
          : `error: cannot add key ${key}, another key by that name already exists`,
      );
    }
    data[key] = encode(value);
  };
}

export function configMapObject(
  ctx: KubectlContext,
  name: string,
  namespace: string | undefined,
  sources: DataSources,
): KubeObject {
  const data: Record<string, string> = {};
  readDataSources(
    ctx,
    sources,
    keyAdder('ConfigMap', name, data, (text) => text),
  );
  return {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: objectMeta(name, namespace),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

export function secretObject(
  ctx: KubectlContext,
  name: string,
  namespace: string | undefined,
  type: string,
  sources: DataSources,
): KubeObject {
  const data: Record<string, string> = {};
  readDataSources(ctx, sources, keyAdder('Secret', name, data, base64));
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: objectMeta(name, namespace),
    ...(Object.keys(data).length ? { data } : {}),
    ...(type ? { type } : {}),
  };
}

/** Standard base64 of the UTF-8 bytes. */
export function base64(text: string): string {
  const bytes = utf8Encode(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const chunk = (a << 16) | (b << 8) | c;
    out += alphabet[(chunk >> 18) & 63] ?? '';
    out += alphabet[(chunk >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (alphabet[(chunk >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (alphabet[chunk & 63] ?? '') : '=';
  }
  return out;
}
