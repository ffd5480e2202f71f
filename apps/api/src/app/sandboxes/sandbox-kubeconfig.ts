import { createHash, randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { PATH_TOKEN_SEGMENT } from '../../common/cluster-paths';

/** A new bearer token for a sandbox's Kubernetes endpoint. */
export function newClusterToken(): string {
  return `kubelab_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored hashed: the database alone does not open a cluster. */
export function hashClusterToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A kubeconfig that points a real kubectl at the sandbox's Kubernetes
 * endpoint: a bearer token over HTTPS; over plain HTTP (a server on a laptop)
 * kubectl would not send one (kubernetes/kubectl#744), so the token goes in
 * the server's path instead.
 */
export function sandboxKubeconfig(input: { sandboxId: string; serverUrl: string; token: string }): string {
  const name = `kubelab-${input.sandboxId.slice(0, 8)}`;
  const endpoint = `${input.serverUrl}/clusters/${input.sandboxId}`;
  const secure = input.serverUrl.startsWith('https:');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: secure ? endpoint : `${endpoint}/${PATH_TOKEN_SEGMENT}/${input.token}` } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    users: [{ name, user: secure ? { token: input.token } : {} }],
  });
}
