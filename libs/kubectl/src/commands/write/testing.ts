// Test support: the registry with only the write commands, so these specs do
// not depend on the other command groups being complete.
import type { KubectlCommand } from '../../cli/invocation';
import { writeCommands } from './index';

export const WRITE_COMMANDS: Record<string, KubectlCommand> = Object.fromEntries(
  writeCommands.map((command) => [command.path, command]),
);
