// @kubelab/shell: the learner's bash-like shell on a sandbox: parser and
// interpreter, virtual filesystem, coreutils, network tools, kubectl.
export { Shell, type RunResult, type ShellOptions } from './shell';
export { createSandbox, sandboxFacts, type Sandbox, type SandboxFacts, type SandboxOptions } from './sandbox';
export type { ShellState } from './bash/state';
export { LineInput } from './line-input';
export { MemoryFileSystem, type FsSnapshot } from './fs/memory-fs';
export type { VirtualFileSystem } from './fs/virtual-fs';
export { realClock, simulatedClock } from './runtime/clock';
export { LocalListeners } from './runtime/local-listeners';
export { Pipe, StringInput, StringOutput, type InputStream, type OutputStream } from './runtime/streams';
export type {
  Command,
  CommandContext,
  CommandIO,
  ShellClock,
  ShellHost,
  ShellSession,
  ShellTerminal,
} from './runtime/command';
export { completeCommandLine } from './completion';
export {
  restoreSandbox,
  snapshotSandbox,
  SnapshotFormatError,
  type RestoreOptions,
  type SandboxSnapshot,
} from './sandbox-snapshot';
export {
  createSandboxFromSetup,
  rehearse,
  SandboxSetupError,
  type Rehearsal,
  type SandboxSetup,
} from './sandbox-setup';
