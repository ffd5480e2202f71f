// The two minikube commands course texts use against the sandbox as if it
// were a minikube cluster: `minikube ip` (the first node's InternalIP) and
// `minikube service NAME --url` (one http://<node-ip>:<nodePort> per port).
import type { CommandContext } from '../runtime/command';
import { nodeAddresses } from './tool-host';

interface ServiceShape {
  spec?: { type?: string; ports?: Array<{ nodePort?: number }> };
}

export function minikube(ctx: CommandContext): number {
  const args = ctx.args.slice(1);
  const cluster = ctx.session.cluster;
  const nodeIp = nodeAddresses(cluster)[0]?.ip ?? '';
  if (args[0] === 'ip') {
    ctx.stdout.write(`${nodeIp}\n`);
    return 0;
  }
  if (args[0] === 'service' && args[1] !== undefined && args[1] !== 'list') {
    const name = args[1];
    const nsIndex = args.findIndex((arg) => arg === '-n' || arg === '--namespace');
    const namespace =
      (nsIndex >= 0 ? args[nsIndex + 1] : args.find((arg) => arg.startsWith('--namespace='))?.slice(12)) ?? 'default';
    const response = cluster.request({ verb: 'get', group: '', version: 'v1', resource: 'services', namespace, name });
    if (response.status === 404) {
      ctx.stderr.write(
        `\n❌  Exiting due to SVC_NOT_FOUND: Service '${name}' was not found in '${namespace}' namespace.\n` +
          `You may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'\n\n`,
      );
      return 85;
    }
    const service = response.body as ServiceShape;
    const ports = (service.spec?.ports ?? []).map((port) => port.nodePort).filter((port) => port !== undefined);
    if (ports.length === 0) {
      ctx.stderr.write(`😿  service ${namespace}/${name} has no node port\n`);
      return 0;
    }
    const urls = ports.map((port) => `http://${nodeIp}:${port}`);
    if (args.includes('--url')) ctx.stdout.write(urls.map((url) => `${url}\n`).join(''));
    else ctx.stdout.write(`🎉  Opening service ${namespace}/${name} in default browser...\n`);
    return 0;
  }
  ctx.stderr.write(`Error: unknown command "${args[0] ?? ''}" for "minikube"\nRun 'minikube --help' for usage.\n`);
  return 1;
}
