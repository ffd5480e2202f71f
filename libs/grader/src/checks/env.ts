import type { EnvCheck } from '@kubelab/labs';
import { isReady, missingPod, podsMatching } from '../objects';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

export function checkEnv(check: EnvCheck, context: CheckContext): CheckOutcome {
  const cluster = context.target.cluster;
  const pods = podsMatching(cluster, check.pod);
  const pod = pods.find(isReady) ?? pods[0];
  if (!pod) return failed(missingPod(check.pod));
  const containers = (pod['spec'] as { containers?: Array<{ name: string }> } | undefined)?.containers ?? [];
  const container = check.container ?? containers[0]?.name ?? '';
  const environment = cluster.containerEnvironment({
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    container,
  });
  if (!('env' in environment)) return failed(environment.message ?? `cannot read the environment of ${container}`);
  const value = environment.env[check.name];
  const where = `in container ${container} of pod ${pod.metadata.name ?? ''}`;
  if (check.absent) return value === undefined ? PASSED : failed(`${check.name} is set ${where} (${value})`);
  if (value === undefined) return failed(`${check.name} is not set ${where}`);
  if (check.value !== undefined && value !== check.value) {
    return failed(`${check.name} is "${value}" ${where}, expected "${check.value}"`);
  }
  return PASSED;
}
