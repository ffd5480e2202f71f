import { isRecord, type KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { controllerTest } from './cluster-controllers.testing';
import { RootCaPublisher } from './root-ca-publisher';

function ca(configMap: Readonly<KubeObject> | undefined): string {
  return configMap && isRecord(configMap.data) ? String(configMap.data['ca.crt']) : '';
}

function fromBase64(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/=+$/, '')) {
    buffer = ((buffer << 6) | alphabet.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

describe('RootCaPublisher', () => {
  it('publishes kube-root-ca.crt in every namespace', () => {
    const test = controllerTest([new RootCaPublisher()], { namespaces: ['default', 'kube-system', 'team-a'] });
    const configMap = test.get(RESOURCES.configmaps, 'kube-root-ca.crt', 'team-a');
    expect(configMap?.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
    expect(Object.keys(configMap?.data ?? {})).toEqual(['ca.crt']);
    const pem = ca(configMap);
    expect(pem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    expect(ca(test.get(RESOURCES.configmaps, 'kube-root-ca.crt', 'kube-system'))).toBe(pem);
    expect(ca(test.get(RESOURCES.configmaps, 'kube-root-ca.crt'))).toBe(pem);
  });

  it('writes a DER certificate for CN=kubernetes', () => {
    const test = controllerTest([new RootCaPublisher()]);
    const body = ca(test.get(RESOURCES.configmaps, 'kube-root-ca.crt')).split('\n').slice(1, -2).join('');
    const bytes = fromBase64(body);
    // SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } spanning the whole block.
    expect(bytes[0]).toBe(0x30);
    expect(bytes[1]).toBe(0x82);
    expect(((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0) + 4).toBe(bytes.length);
    expect(body.startsWith('MII')).toBe(true);
    const text = String.fromCharCode(...bytes);
    expect(text.split('kubernetes')).toHaveLength(4);
  });

  it('is the same for the same seed', () => {
    const first = controllerTest([new RootCaPublisher()]);
    const second = controllerTest([new RootCaPublisher()]);
    expect(ca(first.get(RESOURCES.configmaps, 'kube-root-ca.crt'))).toBe(
      ca(second.get(RESOURCES.configmaps, 'kube-root-ca.crt')),
    );
  });

  it('recreates it when deleted and restores it when edited', () => {
    const test = controllerTest([new RootCaPublisher()]);
    const pem = ca(test.get(RESOURCES.configmaps, 'kube-root-ca.crt'));
    test.call('delete', RESOURCES.configmaps, undefined, { name: 'kube-root-ca.crt' });
    expect(ca(test.get(RESOURCES.configmaps, 'kube-root-ca.crt'))).toBe(pem);
    test.call(
      'patch',
      RESOURCES.configmaps,
      { data: { 'ca.crt': 'tampered', extra: 'x' }, metadata: { annotations: null } },
      {
        name: 'kube-root-ca.crt',
        patchType: 'merge',
      },
    );
    const restored = test.get(RESOURCES.configmaps, 'kube-root-ca.crt');
    expect(restored?.data).toEqual({ 'ca.crt': pem });
    expect(restored?.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
  });
});
