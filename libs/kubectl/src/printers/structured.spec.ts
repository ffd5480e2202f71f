import { customColumnsLines, parseCustomColumnsSpec } from './custom-columns';
import { nameWithOperation } from './name';
import { OBJECT_OUTPUT_FORMATS, parseOutputFormat } from './output-format';
import { sortByJsonPath } from './sort-by';

const pod = (name: string, cpu: string): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ resources: { requests: { cpu } } }] },
});

describe('structured printers', () => {
  it('names objects like -o name (transcript: get deploy,rs,svc -o name)', () => {
    const out = [
      nameWithOperation({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }),
      nameWithOperation({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes' } }, 'created'),
    ].join('');
    expect(out).toBe('deployment.apps/web\nservice/kubernetes created\n');
  });

  it('rejects an unknown -o value with the recorded message', () => {
    expect(() => parseOutputFormat('xyz', OBJECT_OUTPUT_FORMATS)).toThrow(
      'unable to match a printer suitable for the output format "xyz", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
  });

  it('prints custom columns with <none> for missing values', () => {
    const columns = parseCustomColumnsSpec(
      'NAME:.metadata.name,IP:.status.podIP,CPU:spec.containers[*].resources.requests.cpu',
    );
    expect(customColumnsLines(columns, [pod('a', '100m')]).join('')).toBe('NAME\tIP\tCPU\na\t<none>\t100m\n');
    expect(() => parseCustomColumnsSpec('NAME')).toThrow(
      'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    );
  });

  it('sorts by quantities and strings', () => {
    const sorted = sortByJsonPath(
      [pod('b', '1'), pod('a', '500m'), pod('c', '2')],
      '.spec.containers[0].resources.requests.cpu',
    );
    expect(sorted.map((p) => (p as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b', 'c']);
    expect(() => sortByJsonPath([pod('a', '1')], '.x')).toThrow(
      'couldn\'t find any field with path "{.x}" in the list of objects',
    );
  });
});
