// The programs on a machine's PATH: coreutils, network tools, kubectl, the
// node's iptables/ipvs views and shells; in a container only the image's.
import { kubectlCommand } from './commands/kubectl';
import { nodeTools } from './commands/node-tools';
import { networkTools } from './network-tools';
import type { Command, CommandIO } from './runtime/command';
import { coreUtilities } from './utilities';

export type Subshell = (args: string[], io: CommandIO) => Promise<number>;

/** Every program kubelab implements, by name. */
export function allPrograms(subshell: Subshell): Record<string, Command> {
  const shell: Command = (ctx) => subshell(ctx.args, ctx);
  return { ...coreUtilities, ...networkTools, ...nodeTools, kubectl: kubectlCommand, bash: shell, sh: shell };
}

/**
 * The lookup of a machine: everything on a node; in a container, the
 * image's programs (`fallback` runs those kubelab does not implement, through
 * the container's process model).
 */
export function programsFor(
  allowed: readonly string[] | undefined,
  subshell: Subshell,
  fallback?: (name: string) => Command | undefined,
): (name: string) => Command | undefined {
  const table = allPrograms(subshell);
  if (!allowed) return (name) => (Object.hasOwn(table, name) ? table[name] : undefined);
  const present = new Set(allowed);
  return (name) => {
    if (!present.has(name)) return undefined;
    return Object.hasOwn(table, name) ? table[name] : fallback?.(name);
  };
}
