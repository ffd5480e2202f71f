import { imagePullFailure, imagePullFailureMessage, lookupImage, resolveImage } from './catalogue';
import { type ImageBehaviour } from './types';

function image(ref: string): ImageBehaviour {
  const found = lookupImage(ref);
  if (!found) throw new Error(`${ref} not in the catalogue`);
  return found;
}

describe('lookupImage', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', '1.27.4'],
    ['nginx:1.27', 'docker.io/library/nginx', '1.27.4'],
    ['docker.io/library/nginx:1.25-alpine', 'docker.io/library/nginx', '1.25.5-alpine'],
    ['httpd:alpine', 'docker.io/library/httpd', '2.4.63-alpine'],
    ['redis:7', 'docker.io/library/redis', '7.4.2'],
    ['busybox:1.36', 'docker.io/library/busybox', '1.36.1'],
    ['alpine', 'docker.io/library/alpine', '3.21.3'],
    ['traefik/whoami', 'docker.io/traefik/whoami', 'v1.11.0'],
    ['mysql:8', 'docker.io/library/mysql', '8.4.4'],
    ['postgres:16', 'docker.io/library/postgres', '16.7'],
    ['mongo', 'docker.io/library/mongo', '8.0.4'],
    ['registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/coredns/coredns', 'v1.11.3'],
    ['registry.k8s.io/kube-proxy:v1.32.0', 'registry.k8s.io/kube-proxy', 'v1.32.0'],
    ['kubelab/web', 'docker.io/kubelab/web', '2.0.0'],
  ])('%s is %s:%s', (ref, repository, canonicalTag) => {
    expect(image(ref)).toMatchObject({ repository, canonicalTag });
  });

  it.each([
    ['nginx:latest', '1.27.4'],
    ['nginx:mainline', '1.27.4'],
    ['nginx:1', '1.27.4'],
    ['nginx:stable', '1.26.3'],
    ['nginx:1.26', '1.26.3'],
    ['nginx:1.25', '1.25.5'],
    ['nginx:1.27.3', '1.27.3'],
    ['nginx:alpine', '1.27.4-alpine'],
    ['nginx:1.27-alpine', '1.27.4-alpine'],
    ['nginx:1.27.4-alpine3.21', '1.27.4-alpine'],
    ['nginx:mainline-alpine', '1.27.4-alpine'],
    ['nginx:stable-alpine', '1.26.3-alpine'],
    ['nginx:bookworm', '1.27.4'],
    ['nginx:1.22-bullseye', '1.22.1'],
    ['nginx:perl', '1.27.4-perl'],
    ['nginx:alpine-slim', '1.27.4-alpine-slim'],
    ['nginx:1.14.2', '1.14.2'],
    ['nginx:1.16.1', '1.16.1'],
    ['busybox', '1.37.0'],
    ['busybox:1.28', '1.28.4'],
    ['busybox:stable-musl', '1.36.1-musl'],
    ['alpine:3.19', '3.19.7'],
    ['alpine:edge', '20250108'],
    ['redis:6', '6.2.17'],
    ['redis:7.2-alpine', '7.2.7-alpine'],
    ['mysql:lts', '8.4.4'],
    ['mysql:5.7', '5.7.44'],
    ['mysql:8.0-debian', '8.0.41-debian'],
    ['postgres:16-bullseye', '16.7-bullseye'],
    ['postgres:17-alpine3.20', '17.3-alpine3.20'],
    ['traefik/whoami:v1.10', 'v1.10.4'],
    ['kubelab/web:1.0', '1.0.0'],
  ])('resolves the tag %s to %s', (ref, canonicalTag) => {
    expect(image(ref).canonicalTag).toBe(canonicalTag);
  });

  it('gives every name of one image the same digest and imageID', () => {
    const names = ['nginx', 'nginx:1.27', 'docker.io/library/nginx:1.27.4', 'nginx:mainline-bookworm'];
    const ids = new Set(names.map((ref) => image(ref).imageId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(image('nginx:1.27.3').digest).not.toBe(image('nginx').digest);
  });

  it('accepts a digest reference only for the digest the image has', () => {
    const digest = image('nginx:1.27').digest;
    expect(lookupImage(`nginx:1.27@${digest}`)?.canonicalTag).toBe('1.27.4');
    expect(lookupImage(`nginx@${digest}`)?.canonicalTag).toBe('1.27.4');
    expect(lookupImage(`nginx@sha256:${'0'.repeat(64)}`)).toBeUndefined();
  });

  it('describes the image config: entrypoint + cmd, env, stop signal', () => {
    const nginx = image('nginx:1.27');
    expect(nginx.defaultCommand).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(nginx.env).toEqual([
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['NGINX_VERSION', '1.27.4'],
      ['NJS_VERSION', '0.8.9'],
      ['NJS_RELEASE', '1~bookworm'],
      ['PKG_RELEASE', '1~bookworm'],
      ['DYNPKG_RELEASE', '1~bookworm'],
    ]);
    expect(nginx.stopSignal).toBe('SIGQUIT');
    expect(image('nginx:1.14.2').defaultCommand).toEqual(['nginx', '-g', 'daemon off;']);
    expect(image('nginx:1.14.2').env).toContainEqual(['NGINX_VERSION', '1.14.2-1~stretch']);
    expect(image('httpd').defaultCommand).toEqual(['httpd-foreground']);
    expect(image('httpd').stopSignal).toBe('SIGWINCH');
    expect(image('redis').env).toContainEqual(['REDIS_VERSION', '7.4.2']);
    expect(image('postgres').stopSignal).toBe('SIGINT');
  });

  it('tells servers from programs that exit, and who ignores SIGTERM', () => {
    expect(image('busybox:1.36')).toMatchObject({
      defaultCommand: ['sh'],
      runsUntilStopped: false,
      exitCode: 0,
      handlesSigterm: false,
    });
    expect(image('alpine')).toMatchObject({
      defaultCommand: ['/bin/sh'],
      runsUntilStopped: false,
      handlesSigterm: false,
    });
    expect(image('nginx')).toMatchObject({ runsUntilStopped: true, handlesSigterm: true });
  });

  it('lists the tools a shell finds inside', () => {
    expect(image('busybox').shell.binaries).toEqual(expect.arrayContaining(['sh', 'wget', 'nslookup', 'nc', 'ping']));
    expect(image('alpine').shell.binaries).toEqual(expect.arrayContaining(['sh', 'wget', 'nslookup', 'ping', 'apk']));
    expect(image('alpine').shell.binaries).not.toContain('curl');
    expect(image('nginx').shell).toMatchObject({ shell: '/bin/sh', bash: true });
    expect(image('nginx').shell.binaries).toEqual(expect.arrayContaining(['curl', 'nginx']));
    expect(image('nginx').shell.binaries).not.toEqual(expect.arrayContaining(['ping']));
    expect(image('nginx').shell.binaries).not.toContain('ps');
    expect(image('httpd').shell.binaries).not.toContain('curl');
    expect(image('traefik/whoami').shell.shell).toBeUndefined();
    expect(image('registry.k8s.io/coredns/coredns:v1.11.3').shell.shell).toBeUndefined();
  });
});

describe('pull failures', () => {
  it('a repository Docker Hub does not have: pull access denied (gRPC Unknown, prefix dropped)', () => {
    const failure = imagePullFailure('nginxx');
    expect(failure).toMatchObject({ reason: 'ErrImagePull', grpcCode: 'Unknown' });
    expect(failure?.message).toBe(
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference ' +
        '"docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require ' +
        'authorization: server message: insufficient_scope: authorization failed',
    );
    expect(failure?.eventMessage).toBe(`Failed to pull image "nginxx": ${failure?.message ?? ''}`);
  });

  it('a tag a known repository does not have: not found (gRPC NotFound)', () => {
    expect(imagePullFailureMessage('nginx:1.161')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": ' +
        'failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    for (const ref of [
      'nginx:1.99',
      'nginx:1.27.9',
      'nginx:1.27-ubuntu',
      'redis:7.9',
      'busybox:1.99',
      'kubelab/web:9',
    ]) {
      expect(imagePullFailure(ref)?.grpcCode).toBe('NotFound');
    }
  });

  it('a registry that does not resolve', () => {
    expect(imagePullFailureMessage('registry.example.com/team/app:1.0')).toBe(
      'failed to pull and unpack image "registry.example.com/team/app:1.0": failed to resolve reference ' +
        '"registry.example.com/team/app:1.0": failed to do request: Head ' +
        '"https://registry.example.com/v2/team/app/manifests/1.0": dial tcp: lookup registry.example.com on ' +
        '127.0.0.53:53: no such host',
    );
    expect(imagePullFailure('registry.example.com/app', { nodeResolver: '172.18.0.1:53' })?.message).toContain(
      'lookup registry.example.com on 172.18.0.1:53: no such host',
    );
    expect(imagePullFailure('nginx:1.99', { nodeResolver: '172.18.0.1:53' })?.grpcCode).toBe('NotFound');
  });

  it('nothing for images that exist; InvalidImageName for references that do not parse', () => {
    expect(imagePullFailure('nginx')).toBeUndefined();
    expect(resolveImage('Bad:Image')).toEqual({
      kind: 'invalid',
      reason: 'InvalidImageName',
      message:
        'Failed to apply default image tag "Bad:Image": couldn\'t parse image name "Bad:Image": ' +
        'invalid reference format: repository name (library/Bad) must be lowercase',
    });
  });
});
