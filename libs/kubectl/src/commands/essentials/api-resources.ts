// `kubectl api-resources` and `api-versions`: what the server's discovery
// serves, as kubectl tabulates it (grouped core first, then by group).
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { kubectlTabWriter } from '../../printers/tabwriter';
import type { ResourceMapping } from '../../resources/rest-mapper';

function groupVersion(mapping: ResourceMapping): string {
  return mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
}

function selected(inv: Invocation): ResourceMapping[] {
  const namespaced = inv.changed('namespaced') ? inv.bool('namespaced') : undefined;
  const group = inv.changed('api-group') ? inv.string('api-group') : undefined;
  const verbs = inv.strings('verbs');
  const categories = inv.strings('categories');
  return inv.mapper
    .all()
    .filter((mapping) => namespaced === undefined || mapping.namespaced === namespaced)
    .filter((mapping) => group === undefined || mapping.group === group)
    .filter((mapping) => verbs.every((verb) => mapping.verbs.includes(verb)))
    .filter((mapping) => categories.every((category) => mapping.categories.includes(category)))
    .sort((a, b) =>
      a.group === b.group
        ? a.resource.localeCompare(b.resource)
        : a.group === ''
          ? -1
          : b.group === ''
            ? 1
            : a.group.localeCompare(b.group),
    );
}

function runApiResources(inv: Invocation): number {
  const output = inv.string('output');
  if (output && output !== 'wide' && output !== 'name') {
    throw new KubectlError(`error: --output ${output} is not available`);
  }
  const mappings = selected(inv);
  const sortBy = inv.string('sort-by');
  if (sortBy === 'name') mappings.sort((a, b) => a.resource.localeCompare(b.resource));
  else if (sortBy === 'kind') mappings.sort((a, b) => a.kind.localeCompare(b.kind));
  if (output === 'name') {
    inv.out(mappings.map((mapping) => `${mapping.resource}${mapping.group ? `.${mapping.group}` : ''}\n`).join(''));
    return 0;
  }
  const writer = kubectlTabWriter();
  const wide = output === 'wide';
  if (!inv.bool('no-headers')) {
    writer.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
  }
  for (const mapping of mappings) {
    const cells = [
      mapping.resource,
      mapping.shortNames.join(','),
      groupVersion(mapping),
      String(mapping.namespaced),
      mapping.kind,
    ];
    if (wide) cells.push(`[${mapping.verbs.join(' ')}]`, mapping.categories.join(','));
    writer.write(`${cells.join('\t')}\n`);
  }
  inv.out(writer.flush());
  return 0;
}

function runApiVersions(inv: Invocation): number {
  const versions = new Set(inv.mapper.all().map(groupVersion));
  inv.out(
    [...versions]
      .sort()
      .map((version) => `${version}\n`)
      .join(''),
  );
  return 0;
}

export const apiResourcesCommand: KubectlCommand = { path: 'api-resources', run: runApiResources };
export const apiVersionsCommand: KubectlCommand = { path: 'api-versions', run: runApiVersions };
