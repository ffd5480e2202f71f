// The read-only commands, for the registry.
import type { KubectlCommand } from '../../cli/invocation';
import { describeCommand } from './describe';
import { getCommand } from './get';

export const inspectCommands: KubectlCommand[] = [getCommand, describeCommand];
