import type { SandboxSetup } from '@kubelab/shell';
import type { EncodedState } from './sandbox-state-codec';

/** One entry of a sandbox's transcript. */
export interface CommandRecord {
  seq: number;
  kind: 'command' | 'reset';
  input: string;
  /** What the terminal showed, capped (see `outputTruncated`). */
  output: string;
  outputTruncated: boolean;
  exitCode: number;
  /** Stopped by an interrupt (Ctrl-C) or the command time limit. */
  interrupted: boolean;
  /** Whether the line went into the shell's history. */
  inHistory: boolean;
  startedAt: Date;
  finishedAt: Date;
}

/** What one acknowledged change writes: transcript entries, and the full state when more than history changed. */
export interface SandboxChange {
  records: CommandRecord[];
  lastSeq: number;
  state?: EncodedState & { throughSeq: number };
}

/** A sandbox's stored state, ready to restore. */
export interface StoredState {
  snapshot: Uint8Array;
  throughSeq: number;
  /** Lines that went into the history after the snapshot, in order. */
  laterHistory: string[];
  lastSeq: number;
}

/** What the server keeps about a sandbox besides its state. */
export interface SandboxSummary {
  id: string;
  ownerId: string;
  name: string;
  labAttemptId: string | null;
  status: 'ready' | 'broken';
  statusReason: string | null;
  setup: SandboxSetup;
  sizeBytes: number;
  lastSeq: number;
  createdAt: Date;
  lastUsedAt: Date;
}
