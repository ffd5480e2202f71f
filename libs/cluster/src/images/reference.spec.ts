import { fakeDigest, invalidImageNameMessage, parseImageReference, type ImageReference } from './reference';
import { sha256Hex } from '../runtime/sha256';

function parsed(ref: string): ImageReference {
  const result = parseImageReference(ref);
  if (!result.ok) throw new Error(result.error);
  return result.reference;
}

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
    [
      'docker.io/library/nginx:1.25-alpine',
      'docker.io',
      'library/nginx',
      '1.25-alpine',
      'docker.io/library/nginx:1.25-alpine',
      'docker.io/library/nginx:1.25-alpine',
    ],
    [
      'index.docker.io/library/redis:7',
      'docker.io',
      'library/redis',
      '7',
      'docker.io/library/redis:7',
      'index.docker.io/library/redis:7',
    ],
    [
      'traefik/whoami',
      'docker.io',
      'traefik/whoami',
      'latest',
      'docker.io/traefik/whoami:latest',
      'traefik/whoami:latest',
    ],
    ['kubelab/web:v2', 'docker.io', 'kubelab/web', 'v2', 'docker.io/kubelab/web:v2', 'kubelab/web:v2'],
    [
      'registry.k8s.io/coredns/coredns:v1.11.3',
      'registry.k8s.io',
      'coredns/coredns',
      'v1.11.3',
      'registry.k8s.io/coredns/coredns:v1.11.3',
      'registry.k8s.io/coredns/coredns:v1.11.3',
    ],
    [
      'localhost:5000/team/app',
      'localhost:5000',
      'team/app',
      'latest',
      'localhost:5000/team/app:latest',
      'localhost:5000/team/app:latest',
    ],
    ['localhost/app:1', 'localhost', 'app', '1', 'localhost/app:1', 'localhost/app:1'],
  ])('%s', (ref, registry, repository, tag, normalized, withDefaultTag) => {
    const reference = parsed(ref);
    expect(reference).toMatchObject({ registry, repository, tag, normalized, withDefaultTag, digest: undefined });
    expect(reference.name).toBe(`${registry}/${repository}`);
  });

  it('keeps a digest and lets it win over a tag in the normalized form', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parsed(`nginx@${digest}`)).toMatchObject({
      tag: undefined,
      digest,
      normalized: `docker.io/library/nginx@${digest}`,
      withDefaultTag: `nginx@${digest}`,
    });
    expect(parsed(`nginx:1.27@${digest}`)).toMatchObject({
      tag: '1.27',
      normalized: `docker.io/library/nginx@${digest}`,
    });
  });

  it.each([
    ['Bad:Image', 'invalid reference format: repository name (library/Bad) must be lowercase'],
    ['nginx/Web', 'invalid reference format: repository name (nginx/Web) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx:1.27 ', 'invalid reference format'],
    ['ngi nx', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    [`nginx@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`${'x'.repeat(256)}`, 'repository name must not be more than 255 characters'],
  ])('rejects %s', (ref, error) => {
    expect(parseImageReference(ref)).toEqual({ ok: false, error });
  });
});

it('reads an upper-case first component as a registry host, as distribution/reference does', () => {
  expect(parsed('Library/nginx')).toMatchObject({
    registry: 'Library',
    repository: 'nginx',
    normalized: 'Library/nginx:latest',
  });
});

describe('invalidImageNameMessage', () => {
  it('words the failure as the kubelet does', () => {
    expect(invalidImageNameMessage('Bad:Image')).toBe(
      'Failed to apply default image tag "Bad:Image": couldn\'t parse image name "Bad:Image": ' +
        'invalid reference format: repository name (library/Bad) must be lowercase',
    );
    expect(invalidImageNameMessage('nginx')).toBeUndefined();
  });
});

describe('digests', () => {
  it('hashes with SHA-256 (FIPS 180-4 test vectors)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('derives a stable 64-hex fake digest from a name', () => {
    expect(fakeDigest('docker.io/library/nginx:1.27.4')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fakeDigest('docker.io/library/nginx:1.27.4')).toBe(fakeDigest('docker.io/library/nginx:1.27.4'));
    expect(fakeDigest('docker.io/library/nginx:1.27.4')).not.toBe(fakeDigest('docker.io/library/nginx:1.27.3'));
  });
});
