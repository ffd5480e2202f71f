// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:targetPort]
import type { KubectlCommand } from '../../cli/invocation';
import { createGenerated, generatedNamespace, requireName } from './create-generated';
import { serviceObject, type ServiceType } from './generators';

function serviceCommand(subcommand: string, type: ServiceType): KubectlCommand {
  return {
    path: `create service ${subcommand}`,
    run(inv) {
      const name = requireName(inv);
      const object = serviceObject({
        name,
        namespace: generatedNamespace(inv),
        type,
        tcp: inv.strings('tcp'),
        clusterIP: inv.string('clusterip'),
        nodePort: inv.int('node-port'),
        externalName: inv.string('external-name'),
      });
      createGenerated(inv, object, {
        group: '',
        version: 'v1',
        resource: 'services',
        namespaced: true,
        errorPrefix: `failed to create ${type} service: `,
      });
    },
  };
}

export const createServiceCommands: KubectlCommand[] = [
  serviceCommand('clusterip', 'ClusterIP'),
  serviceCommand('nodeport', 'NodePort'),
  serviceCommand('loadbalancer', 'LoadBalancer'),
  serviceCommand('externalname', 'ExternalName'),
];
