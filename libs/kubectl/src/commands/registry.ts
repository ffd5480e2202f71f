// Every kubectl command kubelab runs, by its help path (`create service nodeport`).
import type { KubectlCommand } from '../cli/invocation';
import { essentialCommands } from './essentials';
import { inspectCommands } from './inspect';
import { writeCommands } from './write';

export const COMMANDS: Record<string, KubectlCommand> = Object.fromEntries(
  [...inspectCommands, ...writeCommands, ...essentialCommands].map((command) => [command.path, command]),
);
