import { evaluateJsonPath, JsonPathError, parseJsonPath } from './json-path';

const service = {
  metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
  spec: {
    ports: [
      { name: 'http', port: 80, targetPort: 8080 },
      { name: 'https', port: 443, targetPort: 8443 },
    ],
  },
};

const at = (path: string) => evaluateJsonPath(parseJsonPath(path), service);

describe('JSONPath', () => {
  it('follows fields, indexes, wildcards, quoted keys, filters and recursive descent', () => {
    expect(at('{.spec.ports[0].port}')).toEqual([80]);
    expect(at('.spec.ports[*].name')).toEqual(['http', 'https']);
    expect(at("{.metadata.labels['app.kubernetes.io/name']}")).toEqual(['web']);
    expect(at('{.spec.ports[?(@.name=="https")].targetPort}')).toEqual([8443]);
    expect(at('{..targetPort}')).toEqual([8080, 8443]);
    expect(at('{.spec.clusterIP}')).toEqual([]);
  });

  it('refuses what it does not support', () => {
    expect(() => parseJsonPath('{.spec.ports[0:1]}')).toThrow(new JsonPathError('unsupported JSONPath at "[0:1]"'));
  });
});
