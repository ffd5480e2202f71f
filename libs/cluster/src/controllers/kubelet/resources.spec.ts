import type { KubeObject } from '../../api/objects';
import { podSpec } from './pod-spec';
import { parseQuantity, podRequests, qosClass } from './resources';

function spec(containers: Array<Record<string, unknown>>, initContainers: Array<Record<string, unknown>> = []) {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers, initContainers },
  };
  return podSpec(pod);
}

describe('resources', () => {
  it('parses quantities with binary, decimal and exponent suffixes', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('128Mi')).toBe(128 * 1024 * 1024);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('abc')).toBeUndefined();
  });

  it('sums container requests, taking limits for missing requests and the largest init container', () => {
    const requests = podRequests(
      spec(
        [
          { name: 'a', resources: { requests: { cpu: '250m' } } },
          { name: 'b', resources: { limits: { cpu: '500m', memory: '64Mi' } } },
        ],
        [{ name: 'init', resources: { requests: { cpu: '2' } } }],
      ),
    );
    expect(requests.cpu).toBe(2);
    expect(requests.memory).toBe(64 * 1024 * 1024);
  });

  it('classes pods as BestEffort, Burstable or Guaranteed', () => {
    expect(qosClass(spec([{ name: 'a' }]))).toBe('BestEffort');
    expect(qosClass(spec([{ name: 'a', resources: { requests: { cpu: '100m' } } }]))).toBe('Burstable');
    expect(qosClass(spec([{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' } } }]))).toBe('Guaranteed');
    expect(
      qosClass(
        spec([
          { name: 'a', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
        ]),
      ),
    ).toBe('Burstable');
  });
});
