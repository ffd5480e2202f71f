// Tab completion for kubectl command lines, as kubectl's cobra completion
// offers it: subcommands, flags, resource types, object names, namespaces.
import type { Cluster } from '@kubelab/cluster';
import { flagSpecs, globalFlagSpecs, helpEntry, rootCommandNames } from './help/help';
import { RestMapper } from './resources/rest-mapper';

/** Verbs whose first argument is a resource type and second an object name. */
const RESOURCE_VERBS = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'label',
  'annotate',
  'scale',
  'expose',
  'patch',
  'rollout history',
  'rollout status',
  'rollout undo',
  'rollout restart',
  'rollout pause',
  'rollout resume',
  'set image',
  'set env',
  'set selector',
  'wait',
  'explain',
]);
const POD_VERBS = new Set(['logs', 'exec', 'port-forward', 'attach']);

/** Whether a flag word takes the next word as its value. */
function takesValue(path: string, word: string): boolean {
  if (word.includes('=')) return false;
  const specs = path ? flagSpecs(path) : globalFlagSpecs();
  const spec = word.startsWith('--')
    ? specs.find((candidate) => candidate.name === word.slice(2))
    : specs.find((candidate) => word.length === 2 && candidate.shorthand === word[1]);
  return spec !== undefined && spec.type !== 'bool' && spec.noOptDefault === undefined;
}

function commandPath(words: readonly string[]): { path: string; rest: string[] } {
  let path = '';
  const rest: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (word.startsWith('-')) {
      if (takesValue(path, word)) index++;
      continue;
    }
    const children = path ? (helpEntry(path)?.subcommands ?? []).map((sub) => sub.name) : rootCommandNames();
    if (rest.length === 0 && children.includes(word)) path = path ? `${path} ${word}` : word;
    else rest.push(word);
  }
  return { path, rest };
}

function namesOf(cluster: Cluster, mapper: RestMapper, type: string, namespace: string): string[] {
  const mapping = mapper.find(type);
  if (!mapping) return [];
  const response = cluster.request({
    verb: 'list',
    group: mapping.group,
    version: mapping.version,
    resource: mapping.resource,
    ...(mapping.namespaced ? { namespace } : {}),
  });
  const items = (response.body as { items?: Array<{ metadata?: { name?: string } }> }).items ?? [];
  return items.map((item) => item.metadata?.name ?? '').filter(Boolean);
}

function namespaceOf(words: readonly string[], fallback: string): string {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if ((word === '-n' || word === '--namespace') && words[i + 1]) return words[i + 1] ?? fallback;
    const match = /^(?:-n|--namespace=)(.+)$/.exec(word);
    if (match?.[1]) return match[1];
  }
  return fallback;
}

/**
 * Candidates for the word being typed (`current`) after the words before it
 * (`words`, without the leading `kubectl`), sorted; the caller filters by prefix.
 */
export function completeKubectl(
  cluster: Cluster,
  words: readonly string[],
  current: string,
  namespace = 'default',
): string[] {
  const previous = words[words.length - 1];
  const mapper = RestMapper.of(cluster);
  const ns = namespaceOf(words, namespace);
  if (previous === '-n' || previous === '--namespace') return namesOf(cluster, mapper, 'namespaces', ns).sort();
  const { path, rest } = commandPath(words);
  if (current.startsWith('-')) {
    const specs = path ? flagSpecs(path) : globalFlagSpecs();
    return specs.map((spec) => `--${spec.name}`).sort();
  }
  if (!path) return rootCommandNames().sort();
  const subcommands = helpEntry(path)?.subcommands;
  if (subcommands && rest.length === 0) return subcommands.map((sub) => sub.name).sort();
  if (POD_VERBS.has(path)) return rest.length === 0 ? namesOf(cluster, mapper, 'pods', ns).sort() : [];
  if (!RESOURCE_VERBS.has(path)) return [];
  if (rest.length === 0) {
    if (current.includes('/')) {
      const type = current.slice(0, current.indexOf('/'));
      return namesOf(cluster, mapper, type, ns)
        .map((name) => `${type}/${name}`)
        .sort();
    }
    return [...new Set(mapper.all().map((mapping) => mapping.resource))].sort();
  }
  return namesOf(cluster, mapper, rest[0] ?? '', ns).sort();
}
