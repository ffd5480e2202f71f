import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  createSandboxFromSetup,
  restoreSandbox,
  type Sandbox,
  type SandboxSetup,
  SandboxSetupError,
  type SandboxSnapshot,
  snapshotSandbox,
} from '@kubelab/shell';
import type { User } from '../../generated/prisma/client';
import { CLOCK, type Clock } from '../../services/clock';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { runCommands } from './command-runner';
import type { LiveSandbox } from './live-sandbox';
import { SandboxAccess, type SandboxPurpose } from './sandbox-access';
import { SandboxEvictedError, SandboxGoneError, UnsavedChangeError } from './sandbox-errors';
import { hashClusterToken, newClusterToken, sandboxKubeconfig } from './sandbox-kubeconfig';
import type { CommandRecord, SandboxSummary } from './sandbox-records';
import { SandboxRegistry } from './sandbox-registry';
import { decodeState, encodeState, stateFingerprint } from './sandbox-state-codec';
import { SandboxStore } from './sandbox-store';

export interface CreateSandbox {
  name?: string | undefined;
  /** The cluster's shape and what is in it at the start (a lab's environment). */
  setup?: SandboxSetup | undefined;
  /** The lab attempt the sandbox serves. */
  labAttemptId?: string | undefined;
  /** Let the setup's cluster run this long first, so the learner finds its pods ready. */
  settleMs?: number | undefined;
}

/** Told after commands on a sandbox were stored (the grader grades lab attempts then). */
export type CommandsListener = (summary: SandboxSummary, commands: CommandRecord[]) => void;

/** How long an instructor's look into a copy of a learner's sandbox may run. */
const INSPECT_TIMEOUT_MS = 30_000;

/** A caller with the address it called from (for the audit log). */
export interface Caller {
  user: User;
  ip?: string | undefined;
}

/**
 * The sandbox use cases: create, open, run, interrupt, reset, delete, read
 * the transcript, hand out a kubeconfig. Every one checks who is asking.
 */
@Injectable()
export class SandboxService {
  private readonly commandsListeners = new Set<CommandsListener>();

  constructor(
    private readonly store: SandboxStore,
    private readonly registry: SandboxRegistry,
    private readonly access: SandboxAccess,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(caller: Caller, request: CreateSandbox): Promise<SandboxSummary> {
    const limits = this.configuration.sandboxes;
    const setup: SandboxSetup = {
      ...request.setup,
      cluster: {
        ...request.setup?.cluster,
        seed: request.setup?.cluster?.seed ?? randomUUID(),
        quotas: { objects: limits.maxObjects, pods: limits.maxPods },
      },
    };
    const sandbox = this.build(setup);
    if (request.settleMs) sandbox.cluster.advance(request.settleMs);
    const snapshot = snapshotSandbox(sandbox);
    const summary = await this.store.create(
      {
        ownerId: caller.user.id,
        name: request.name ?? 'sandbox',
        labAttemptId: request.labAttemptId ?? null,
        setup,
        tokenHash: hashClusterToken(newClusterToken()),
        state: encodeState(snapshot),
        at: this.clock.now(),
      },
      limits.maxPerUser,
    );
    if (!summary) {
      throw new ForbiddenException(
        `You already have ${limits.maxPerUser} sandboxes, the most allowed; delete one to create another.`,
      );
    }
    await this.registry.adopt(summary, sandbox, stateFingerprint(snapshot));
    return summary;
  }

  /** The caller's sandboxes, or (for instructors and admins) another user's. */
  async list(caller: Caller, ownerId?: string): Promise<SandboxSummary[]> {
    if (ownerId !== undefined && ownerId !== caller.user.id && !this.access.isStaff(caller.user)) return [];
    return this.store.list(ownerId ?? caller.user.id);
  }

  get(caller: Caller, id: string): Promise<SandboxSummary> {
    return this.resolve(caller, id, { kind: 'view', what: 'details' });
  }

  /** Runs command lines in the sandbox; resolves once their effect is stored. */
  async run(
    caller: Caller,
    id: string,
    input: string,
    options: { timeoutMs?: number; onOutput?: (chunk: string) => void } = {},
  ): Promise<{ commands: CommandRecord[]; prompt: string }> {
    const summary = await this.resolve(caller, id, { kind: 'use' });
    const result = await this.withLive(summary, async (live) => ({
      commands: await live.run(input, options),
      prompt: live.sandbox.shell.prompt(),
    }));
    for (const listener of this.commandsListeners) listener(summary, result.commands);
    return result;
  }

  /** Calls `listener` after every stored run of commands, on any sandbox. */
  onCommands(listener: CommandsListener): () => void {
    this.commandsListeners.add(listener);
    return () => this.commandsListeners.delete(listener);
  }

  /** Ctrl-C for the command running now; false if none was. */
  async interrupt(caller: Caller, id: string): Promise<boolean> {
    await this.resolve(caller, id, { kind: 'use' });
    return this.registry.peek(id)?.interrupt() ?? false;
  }

  /** Back to the state it was created in; the transcript keeps a `reset` entry. */
  async reset(caller: Caller, id: string): Promise<SandboxSummary> {
    const summary = await this.resolve(caller, id, { kind: 'use' });
    const fresh = this.build(summary.setup);
    const now = this.clock.now();
    const record = {
      kind: 'reset' as const,
      input: '',
      output: '',
      outputTruncated: false,
      exitCode: 0,
      interrupted: false,
      inHistory: false,
      startedAt: now,
      finishedAt: now,
    };
    const live = this.registry.peek(id) ?? (await this.registry.adopt(summary, fresh, ''));
    await this.guard(summary, () => live.replace(fresh, record));
    return (await this.store.find(id)) ?? summary;
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await this.resolve(caller, id, { kind: 'use' });
    await this.registry.drop(id, { release: false });
    await this.store.delete(id);
  }

  async transcript(caller: Caller, id: string, afterSeq: number, limit: number): Promise<CommandRecord[]> {
    await this.resolve(caller, id, { kind: 'view', what: 'transcript' });
    return this.store.transcript(id, afterSeq, limit);
  }

  /**
   * Runs commands in a throwaway copy of the sandbox, for an instructor
   * helping a learner (or the owner trying something): nothing they do
   * reaches the learner's sandbox.
   */
  async inspect(caller: Caller, id: string, input: string): Promise<{ commands: CommandRecord[] }> {
    const summary = await this.resolve(caller, id, { kind: 'view', what: 'inspect' });
    const copy = restoreSandbox(await this.currentSnapshot(summary), { time: 'simulated' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), INSPECT_TIMEOUT_MS);
    try {
      const commands = await runCommands(copy, input, {
        signal: controller.signal,
        now: () => this.clock.now(),
        firstSeq: 1,
      });
      return { commands };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A kubeconfig for a real kubectl; its new token replaces the previous one. */
  async kubeconfig(caller: Caller, id: string, serverUrl: string): Promise<string> {
    await this.resolve(caller, id, { kind: 'use' });
    const token = newClusterToken();
    await this.store.setTokenHash(id, hashClusterToken(token));
    return sandboxKubeconfig({ sandboxId: id, serverUrl, token });
  }

  /** The loaded sandbox for the Kubernetes endpoint (the caller was checked there). */
  async live(summary: SandboxSummary): Promise<LiveSandbox> {
    return this.registry.open(summary);
  }

  /**
   * Calls `operation` on the loaded sandbox, loading it again if it left
   * memory meanwhile. A change that could not be stored drops it from
   * memory, so the next use restores what was acknowledged.
   */
  async withLive<T>(summary: SandboxSummary, operation: (live: LiveSandbox) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const live = await this.registry.open(summary);
      try {
        return await this.guard(summary, () => operation(live));
      } catch (error) {
        if (error instanceof SandboxEvictedError && attempt < 3) continue;
        throw error;
      }
    }
  }

  private async guard<T>(summary: SandboxSummary, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof UnsavedChangeError) {
        await this.registry.drop(summary.id, { release: error.reason === 'database' });
      }
      throw error;
    }
  }

  private resolve(caller: Caller, id: string, purpose: SandboxPurpose): Promise<SandboxSummary> {
    return this.access.resolve(id, caller.user, purpose, caller.ip);
  }

  private build(setup: SandboxSetup): Sandbox {
    try {
      return createSandboxFromSetup(setup, { time: 'real' });
    } catch (error) {
      if (error instanceof SandboxSetupError) throw new BadRequestException(`Invalid sandbox setup: ${error.message}`);
      throw error;
    }
  }

  private async currentSnapshot(summary: SandboxSummary): Promise<SandboxSnapshot> {
    const live = this.registry.peek(summary.id);
    if (live) return snapshotSandbox(live.sandbox);
    const stored = await this.store.loadState(summary.id);
    if (!stored) throw new SandboxGoneError();
    const snapshot = decodeState(stored.snapshot);
    snapshot.shell.history.push(...stored.laterHistory);
    return snapshot;
  }
}
