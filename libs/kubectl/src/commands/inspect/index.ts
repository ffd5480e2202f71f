// The read-only commands, for the registry.
import type { KubectlCommand } from '../../cli/invocation';
import { getCommand } from './get';

export const inspectCommands: KubectlCommand[] = [getCommand];
