// `kubectl version`: the client (the real kubectl's version, v1.32.5 with
// Kustomize v5.5.0) and the server (what the cluster's /version says).
import { apiServerVersion } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation, KubectlCommand } from '../../cli/invocation';
import { toJson, toYaml } from '../../printers';

const CLIENT = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:21:33Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const KUSTOMIZE = 'v5.5.0';

function runVersion(inv: Invocation): number {
  const output = inv.string('output');
  if (output && output !== 'yaml' && output !== 'json')
    throw new KubectlError("error: --output must be 'yaml' or 'json'");
  const client = inv.bool('client');
  const server = client ? undefined : apiServerVersion(inv.ctx.cluster);
  if (output) {
    const document = {
      clientVersion: CLIENT,
      kustomizeVersion: KUSTOMIZE,
      ...(server ? { serverVersion: server } : {}),
    };
    inv.out(output === 'json' ? toJson(document, { sortKeys: false }) : toYaml(document));
    return 0;
  }
  inv.out(`Client Version: ${CLIENT.gitVersion}\nKustomize Version: ${KUSTOMIZE}\n`);
  if (server) inv.out(`Server Version: ${server.gitVersion ?? ''}\n`);
  return 0;
}

export const versionCommand: KubectlCommand = { path: 'version', run: runVersion };
