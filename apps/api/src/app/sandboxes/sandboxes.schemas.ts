import { z } from 'zod';
import type { CommandRecord, SandboxSummary } from './sandbox-records';

/** Longest command input accepted at once (a pasted manifest in a heredoc fits). */
export const MAX_INPUT_CHARACTERS = 256 * 1024;

export const createSandboxSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(100).optional(),
    nodes: z.number().int().min(1).max(10).optional(),
    kubeProxyMode: z.enum(['iptables', 'ipvs']).optional(),
    /** A simulated cloud load balancer gives LoadBalancer Services an external IP. */
    loadBalancer: z.boolean().optional(),
  })
  .strict();

export const runCommandsSchema = z
  .object({
    input: z.string().max(MAX_INPUT_CHARACTERS),
    /** Interrupt the commands after this long (at most the server's limit). */
    timeoutSeconds: z.number().positive().max(86_400).optional(),
  })
  .strict();

export const inspectSchema = z.object({ input: z.string().max(MAX_INPUT_CHARACTERS) }).strict();

export const transcriptQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export type CreateSandboxBody = z.infer<typeof createSandboxSchema>;
export type RunCommandsBody = z.infer<typeof runCommandsSchema>;
export type InspectBody = z.infer<typeof inspectSchema>;

export interface PublicSandbox {
  id: string;
  name: string;
  ownerId: string;
  labAttemptId: string | null;
  status: 'ready' | 'broken';
  statusReason: string | null;
  /** Bytes of its stored state (compressed). */
  sizeBytes: number;
  /** Transcript entries so far (the last one's sequence number). */
  commandCount: number;
  createdAt: string;
  lastUsedAt: string;
}

export function toPublicSandbox(summary: SandboxSummary): PublicSandbox {
  return {
    id: summary.id,
    name: summary.name,
    ownerId: summary.ownerId,
    labAttemptId: summary.labAttemptId,
    status: summary.status,
    statusReason: summary.statusReason,
    sizeBytes: summary.sizeBytes,
    commandCount: summary.lastSeq,
    createdAt: summary.createdAt.toISOString(),
    lastUsedAt: summary.lastUsedAt.toISOString(),
  };
}

/** A transcript entry as the API shows it (times as ISO strings). */
export type PublicCommand = Omit<CommandRecord, 'inHistory' | 'startedAt' | 'finishedAt'> & {
  startedAt: string;
  finishedAt: string;
};

export function toPublicCommand({
  inHistory: _inHistory,
  startedAt,
  finishedAt,
  ...record
}: CommandRecord): PublicCommand {
  return { ...record, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString() };
}
