// Everyday commands beyond reading and writing objects: exec, logs,
// version, cluster-info, api-resources, api-versions.
import type { KubectlCommand } from '../../cli/invocation';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { clusterInfoCommand } from './cluster-info';
import { configCommands } from './config';
import { execCommand } from './exec';
import { logsCommand } from './logs';
import { portForwardCommand, proxyCommand } from './proxy';
import { rolloutCommands } from './rollout';
import { versionCommand } from './version';
import { waitCommand } from './wait';

export const essentialCommands: KubectlCommand[] = [
  execCommand,
  logsCommand,
  versionCommand,
  clusterInfoCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  ...rolloutCommands,
  proxyCommand,
  portForwardCommand,
  ...configCommands,
  waitCommand,
];
