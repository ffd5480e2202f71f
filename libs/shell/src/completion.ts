// Tab completion for the terminal: command names first, then kubectl's own
// completion (verbs, kinds, object names, flags) or file names.
import { completeKubectl } from '@kubelab/kubectl';
import { BUILTINS } from './bash/builtins';
import { resolvePath } from './runtime/command';
import { allPrograms } from './programs';
import type { Shell } from './shell';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  candidates: string[];
}

function fileCandidates(shell: Shell, word: string): string[] {
  const { interpreter } = shell;
  const slash = word.lastIndexOf('/');
  const directoryPart = slash === -1 ? '' : word.slice(0, slash + 1);
  const directory = resolvePath(interpreter.cwd, directoryPart || '.', interpreter.vars.get('HOME') ?? '/root');
  const listing = interpreter.options.session.fs.readDirectory(directory);
  if (!listing.ok) return [];
  return listing.value
    .filter((name) => !name.startsWith('.') || word.slice(slash + 1).startsWith('.'))
    .map((name) => {
      const isDirectory = interpreter.options.session.fs.stat(`${directory === '/' ? '' : directory}/${name}`);
      return `${directoryPart}${name}${isDirectory.ok && isDirectory.value.type === 'directory' ? '/' : ''}`;
    });
}

/** Completions for the word before `cursor` in `line`, filtered by what is typed. */
export function completeCommandLine(shell: Shell, line: string, cursor = line.length): Completion {
  const before = line.slice(0, cursor);
  const segment = before.slice(Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1);
  const words = segment.trimStart().split(/\s+/);
  const current = words.pop() ?? '';
  const from = cursor - current.length;
  let candidates: string[];
  if (words.length === 0) {
    const { interpreter } = shell;
    candidates = [
      ...Object.keys(BUILTINS),
      ...Object.keys(allPrograms(() => Promise.resolve(0))).filter((name) => interpreter.options.programs(name)),
      ...interpreter.aliases.keys(),
      ...interpreter.functions.keys(),
    ];
  } else {
    const [command = ''] = words;
    const isKubectl = command === 'kubectl' || shell.interpreter.aliases.get(command) === 'kubectl';
    candidates = isKubectl
      ? completeKubectl(shell.interpreter.options.session.cluster, words.slice(1), current, namespaceOf(shell))
      : fileCandidates(shell, current);
  }
  return { from, candidates: [...new Set(candidates)].filter((candidate) => candidate.startsWith(current)).sort() };
}

function namespaceOf(shell: Shell): string {
  const config = shell.interpreter.options.session.kubeconfig;
  return config.contexts.find((context) => context.name === config.currentContext)?.namespace ?? 'default';
}
