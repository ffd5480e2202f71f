// docker.io/library/httpd (Apache 2.4 built from source into /usr/local/apache2,
// run by httpd-foreground): releases 2.4.39 to 2.4.63 as docker-library/httpd
// published them, Debian and Alpine. Older tags are not in the catalogue.

import { httpdStartupLogs } from '../logs';
import { debianOrAlpine, resolveTag, type Release, type TagScheme } from '../tags';
import { DEFAULT_PATH, type ImageDefinition, type RepositoryDefinition } from '../types';
import { alpineShell, debianShell } from './base-systems';

const REPOSITORY = 'docker.io/library/httpd';
const PREFIX = '/usr/local/apache2';

// version, Debian codename, Alpine release, HTTPD_SHA256 (from docker-library/httpd's Dockerfiles).
const RELEASE_LINES = `
2.4.63 bookworm 3.21 88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab
2.4.62 bookworm 3.21 674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec
2.4.61 bookworm 3.20 ea8ba86fd95bd594d15e46d25ac5bbda82ae0c9122ad93998cc539c133eaceb6
2.4.60 bookworm 3.20 7b1ec7ec5635da7cb01550513215a90f8b2f52bb7c90cf3e97ede936d3e55b0f
2.4.59 bookworm 3.20 ec51501ec480284ff52f637258135d333230a7d229c3afa6f6c2f9040e321323
2.4.58 bookworm 3.19 fa16d72a078210a54c47dd5bef2f8b9b8a01d94909a51453956b3ec6442ea4c5
2.4.57 bookworm 3.18 dbccb84aee95e095edfbb81e5eb926ccd24e6ada55dcd83caecb262e5cf94d2a
2.4.56 bullseye 3.17 d8d45f1398ba84edd05bb33ca7593ac2989b17cb9c7a0cafe5442d41afdb2d7c
2.4.55 bullseye 3.17 11d6ba19e36c0b93ca62e47e6ffc2d2f2884942694bce0f23f39c71bdc5f69ac
2.4.54 bullseye 3.17 eb397feeefccaf254f8d45de3768d9d68e8e73851c49afd5b7176d1ecf80c340
2.4.53 bullseye 3.16 d0bbd1121a57b5f2a6ff92d7b96f8050c5a45d3f14db118f64979d525858db63
2.4.52 bullseye 3.15 0127f7dc497e9983e9c51474bed75e45607f2f870a7675a86dc90af6d572f5c9
2.4.51 bullseye 3.15 20e01d81fecf077690a4439e3969a9b22a09a8d43c525356e863407741b838f4
2.4.50 buster 3.14 6a2817c070c606682eb53ed963511407d3c3d7a379cdf855971467b00fb3890f
2.4.49 buster 3.14 65b965d6890ea90d9706595e4b7b9365b5060bec8ea723449480b4769974133b
2.4.48 buster 3.14 1bc826e7b2e88108c7e4bf43c026636f77a41d849cfb667aa7b5c0b86dbf966c
2.4.47 buster 3.13 23d006dbc8e578116a1138fa457eea824048458e89c84087219f0372880c03ca
2.4.46 buster 3.13 740eddf6e1c641992b22359cabc66e6325868c3c5e2e3f98faf349b61ecf41ea
2.4.43 buster 3.12 a497652ab3fc81318cdc2a203090a999150d86461acff97c1065dc910fe10f43
2.4.41 buster 3.11 133d48298fe5315ae9366a0ec66282fa4040efa5d566174481077ade7d18ea40
2.4.39 buster 3.10 b4ca9d05773aa59b54d66cd8f4744b945289f084d3be17d7981d1783a5decfa2
`;

// 2.4.57 shipped with one upstream patch listed in HTTPD_PATCHES.
const PATCHES: Record<string, string> = {
  '2.4.57': 'rewrite-windows-testchar-h.patch 1d5620574fa03b483262dc5b9a66a6906553389952ab5d3070a02f887cc20193',
};

const SHA256 = new Map<string, string>();
const RELEASES: Release[] = RELEASE_LINES.trim()
  .split('\n')
  .map((line) => {
    const [version = '', codename = '', alpine = '', sha = ''] = line.split(' ');
    SHA256.set(version, sha);
    return { version, systems: { debian: codename, alpine } };
  });

const SCHEME: TagScheme = {
  releases: RELEASES,
  defaultFlavour: 'debian',
  channels: { latest: '' },
  systemWord: debianOrAlpine(['buster', 'bullseye', 'bookworm']),
};

export const httpdRepository: RepositoryDefinition = {
  name: REPOSITORY,
  resolve(tag) {
    const resolved = resolveTag(SCHEME, tag);
    if (!resolved) return undefined;
    const version = resolved.release.version;
    const alpine = resolved.flavour === 'alpine';
    const listens = [{ port: 80, protocol: 'TCP' as const, service: 'http' as const }];
    const tools = ['httpd', 'httpd-foreground', 'apachectl', 'htpasswd', 'ab'];
    const image: ImageDefinition = {
      kind: 'httpd',
      repository: REPOSITORY,
      canonicalTag: resolved.canonicalTag,
      version,
      sizeBytes: alpine ? 22_165_478 : 58_082_337,
      entrypoint: [],
      cmd: ['httpd-foreground'],
      workingDir: PREFIX,
      env: [
        ['PATH', `${PREFIX}/bin:${DEFAULT_PATH}`],
        ['HTTPD_PREFIX', PREFIX],
        ['HTTPD_VERSION', version],
        ['HTTPD_SHA256', SHA256.get(version) ?? ''],
        ['HTTPD_PATCHES', PATCHES[version] ?? ''],
      ],
      runsUntilStopped: true,
      exitCode: 0,
      // STOPSIGNAL SIGWINCH: a graceful stop that lets requests in flight finish.
      stopSignal: 'SIGWINCH',
      handlesSigterm: true,
      shell: alpine ? alpineShell(tools) : debianShell(tools),
      httpServer: { kind: 'httpd', version },
      listeningPorts: () => [...listens],
      start: (ctx) => ({ logs: httpdStartupLogs(version, ctx), running: true, exitCode: undefined, listens }),
    };
    return image;
  },
};
