// The workloads commands, for the registry.
import type { KubectlCommand } from '../../cli/invocation';

export const workloadsCommands: KubectlCommand[] = [];
