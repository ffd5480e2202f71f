// kubectl's `-f` sources: files, directories (their .json/.yaml/.yml files in
// name order, `-R` for subdirectories) and `-` for standard input, decoded
// into objects with kubectl's errors, then mapped to resources and namespaces.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../cli/errors';
import type { KubectlContext } from '../context';
import type { ResourceMapping, RestMapper } from './rest-mapper';
import { decodeYamlDocument, goJsonCompact, looksLikeJson, splitYamlDocuments } from './manifests-yaml';

/** One object read from a source, or why it could not be decoded. */
export type ManifestEntry =
  { ok: true; source: string; object: KubeObject } | { ok: false; source: string; error: string };

export interface ManifestOptions {
  filenames: readonly string[];
  recursive?: boolean;
}

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** The objects of every `-f` source in order; a path that does not exist fails before any is read. */
export async function readManifests(ctx: KubectlContext, options: ManifestOptions): Promise<ManifestEntry[]> {
  const sources: Array<{ source: string; text: string }> = [];
  for (const filename of options.filenames) {
    if (filename === '-') {
      sources.push({ source: 'STDIN', text: await ctx.stdin.readAll() });
      continue;
    }
    for (const file of expandPath(ctx, filename, options.recursive ?? false, true)) {
      const read = ctx.files.read(file);
      if (!read.ok) throw new KubectlError(`error: ${read.error}`);
      sources.push({ source: file, text: read.text });
    }
  }
  return sources.flatMap(({ source, text }) => decodeSource(source, text));
}

function expandPath(ctx: KubectlContext, path: string, recursive: boolean, top: boolean): string[] {
  const entries = ctx.files.list(path);
  if (entries === undefined) {
    if (top && !ctx.files.read(path).ok) throw new KubectlError(`error: the path "${path}" does not exist`);
    return [path];
  }
  const files: string[] = [];
  for (const name of [...entries].sort()) {
    const child = path.endsWith('/') ? `${path}${name}` : `${path}/${name}`;
    if (ctx.files.list(child) !== undefined) {
      if (recursive) files.push(...expandPath(ctx, child, recursive, false));
    } else if (MANIFEST_EXTENSIONS.some((extension) => name.endsWith(extension))) files.push(child);
  }
  return files;
}

function decodeSource(source: string, text: string): ManifestEntry[] {
  const documents = looksLikeJson(text) ? [text] : splitYamlDocuments(text);
  return documents.flatMap((document) => {
    const decoded = decodeYamlDocument(document);
    if (!decoded.ok) {
      return [
        {
          ok: false as const,
          source,
          error: `error parsing ${source}: error converting YAML to JSON: ${decoded.error}`,
        },
      ];
    }
    return toObjects(source, decoded.value);
  });
}

function toObjects(source: string, value: unknown): ManifestEntry[] {
  if (value === null || value === undefined) return [];
  const data = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const json = goJsonCompact(value);
  if (!data)
    return [
      {
        ok: false,
        source,
        error: `error parsing ${source}: json: cannot unmarshal ${goType(value)} into Go value of type map[string]interface {}`,
      },
    ];
  if (typeof data['kind'] !== 'string' || data['kind'] === '') {
    return [{ ok: false, source, error: `unable to decode "${source}": Object 'Kind' is missing in '${json}'` }];
  }
  if (typeof data['apiVersion'] !== 'string' || data['apiVersion'] === '') {
    return [{ ok: false, source, error: `unable to decode "${source}": Object 'apiVersion' is missing in '${json}'` }];
  }
  if (data['kind'].endsWith('List') && Array.isArray(data['items'])) {
    return data['items'].flatMap((item) => toObjects(source, item));
  }
  return [{ ok: true, source, object: data as unknown as KubeObject }];
}

function goType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return typeof value === 'boolean' ? 'bool' : 'object';
}

/** An object ready to send: its resource, the namespace it goes to, and its name. */
export interface ManifestTarget {
  source: string;
  object: KubeObject;
  mapping: ResourceMapping;
  /** Undefined for cluster-scoped resources. */
  namespace: string | undefined;
  name: string;
}

export interface NamespaceOptions {
  namespace: string;
  /** `-n` given: an object in another namespace is an error (kubectl's enforceNamespace). */
  enforce: boolean;
}

/** Maps a decoded object to its resource and namespace as kubectl's builder does; the object gets the namespace. */
export function targetOf(
  mapper: RestMapper,
  manifest: { source: string; object: KubeObject },
  options: NamespaceOptions,
): { ok: true; target: ManifestTarget } | { ok: false; error: string } {
  const { object, source } = manifest;
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  const mapping = mapper.forKind(object.apiVersion ?? '', object.kind ?? '');
  if (!mapping) {
    const [group, version] = (object.apiVersion ?? '').includes('/')
      ? (object.apiVersion ?? '').split('/')
      : ['', object.apiVersion];
    const inVersion = group ? `${group}/${version ?? ''}` : (version ?? '');
    return {
      ok: false,
      error: `resource mapping not found for name: "${metadata.name ?? ''}" namespace: "${metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind ?? ''}" in version "${inVersion}"\nensure CRDs are installed first`,
    };
  }
  let namespace: string | undefined;
  if (mapping.namespaced) {
    const own = metadata.namespace ?? '';
    if (options.enforce && own !== '' && own !== options.namespace) {
      return {
        ok: false,
        error: `the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      };
    }
    namespace = own || options.namespace;
    object.metadata = { ...(object.metadata ?? {}), namespace };
  }
  return { ok: true, target: { source, object, mapping, namespace, name: metadata.name ?? '' } };
}
