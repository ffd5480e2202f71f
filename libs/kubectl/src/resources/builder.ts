// kubectl's resource builder for command-line arguments: `TYPE`,
// `TYPE1,TYPE2`, `TYPE NAME...`, `TYPE/NAME...`, and categories like `all`.
import { KubectlError } from '../cli/errors';
import type { ResourceMapping, RestMapper } from './rest-mapper';

export interface ResourceSelection {
  mapping: ResourceMapping;
  /** Named objects; undefined selects all of the type (a list). */
  names?: string[];
  /** The namespace of objects named by a manifest (`-f`), instead of the command's. */
  namespace?: string;
}

const TYPE_NAME_MIX =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** Types named by one comma-separated argument, with categories (`all`) expanded in discovery order. */
export function expandTypes(mapper: RestMapper, typed: string): ResourceMapping[] {
  const mappings: ResourceMapping[] = [];
  for (const part of typed.split(',')) {
    if (part === '') continue;
    const exact = mapper.find(part);
    const inCategory = exact ? [] : categoryMembers(mapper, part);
    if (exact) mappings.push(exact);
    else if (inCategory.length) mappings.push(...inCategory);
    else throw new KubectlError(`error: the server doesn't have a resource type "${part}"`);
  }
  return mappings;
}

/** The `all` category in the order kubectl's categories expander lists it. */
const ALL_ORDER = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
];

function categoryMembers(mapper: RestMapper, category: string): ResourceMapping[] {
  const members = mapper.all().filter((mapping) => mapping.categories.includes(category));
  if (category !== 'all') return members;
  return ALL_ORDER.flatMap((resource) => members.filter((mapping) => mapping.resource === resource));
}

/** Parses resource arguments; `requireNames` rejects bare types (`scale deployment`). */
export function selectResources(mapper: RestMapper, args: readonly string[]): ResourceSelection[] {
  if (args.length === 0) return [];
  const slashed = args.filter((arg) => arg.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) throw new KubectlError(`error: ${TYPE_NAME_MIX}`);
    return args.map((arg) => {
      const slash = arg.indexOf('/');
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (!type || !name)
        throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      return { mapping: mapper.require(type), names: [name] };
    });
  }
  const [types = '', ...names] = args;
  const mappings = expandTypes(mapper, types);
  return mappings.map((mapping) => (names.length ? { mapping, names } : { mapping }));
}
