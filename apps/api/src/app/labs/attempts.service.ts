import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { gradeLab, type LabResult } from '@kubelab/grader';
import { ENVIRONMENT_SETTLE_MS, labSandboxSetup, type Lab } from '@kubelab/labs';
import { sandboxFacts } from '@kubelab/shell';
import type { Logger } from 'pino';
import type { LabAttempt, Prisma } from '../../generated/prisma/client';
import { CLOCK, type Clock } from '../../services/clock';
import { LOGGER } from '../../services/logger/logger.token';
import { PrismaService } from '../../services/prisma/prisma.service';
import type { SandboxSummary } from '../sandboxes/sandbox-records';
import { type Caller, SandboxService } from '../sandboxes/sandbox.service';
import { LabCatalog, type StoredLab } from './lab-catalog.service';

export const ATTEMPT_NOT_FOUND = 'Attempt not found';

/** The longest wait before grading again as the cluster settles. */
const MAX_REGRADE_DELAY_MS = 60_000;

export interface GradedAttempt {
  attempt: LabAttempt;
  result: LabResult;
}

/**
 * A learner's attempts at labs: each runs in its own sandbox built from the
 * lab version it started with, is graded on Check, after every command and
 * again as the cluster settles (pods becoming ready), and keeps when each
 * check first passed and the best score reached.
 */
@Injectable()
export class AttemptsService implements OnModuleInit, OnModuleDestroy {
  /** Attempts waiting to be graded again once their cluster has moved on (containers starting). */
  private readonly regrades = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly catalog: LabCatalog,
    private readonly sandboxes: SandboxService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.sandboxes.onCommands((summary) => {
      if (!summary.labAttemptId) return;
      this.gradeAfterCommands(summary).catch((error: unknown) =>
        this.logger.warn({ err: error, sandbox: summary.id }, 'automatic grading failed'),
      );
    });
  }

  /** The learner's attempt in progress at the lab, or a new one in a new sandbox. */
  async start(caller: Caller, labId: string): Promise<{ attempt: LabAttempt; created: boolean }> {
    const stored = await this.catalog.find(labId);
    if (!stored) throw new NotFoundException('Lab not found');
    const current = await this.prisma.labAttempt.findFirst({
      where: { userId: caller.user.id, labId, status: 'in_progress', sandboxId: { not: null } },
      orderBy: { startedAt: 'desc' },
    });
    if (current) return { attempt: current, created: false };
    const maxScore = stored.lab.tasks.reduce((sum, task) => sum + task.points, 0);
    const attempt = await this.prisma.labAttempt.create({
      data: { userId: caller.user.id, labId, labVersion: stored.version, maxScore, startedAt: this.clock.now() },
    });
    try {
      const sandbox = await this.sandboxes.create(caller, {
        name: stored.lab.metadata.title,
        setup: labSandboxSetup(stored.lab),
        labAttemptId: attempt.id,
        settleMs: ENVIRONMENT_SETTLE_MS,
      });
      return {
        attempt: await this.prisma.labAttempt.update({ where: { id: attempt.id }, data: { sandboxId: sandbox.id } }),
        created: true,
      };
    } catch (error) {
      await this.prisma.labAttempt.delete({ where: { id: attempt.id } });
      throw error;
    }
  }

  async list(caller: Caller, labId?: string): Promise<LabAttempt[]> {
    return this.prisma.labAttempt.findMany({
      where: { userId: caller.user.id, ...(labId ? { labId } : {}) },
      orderBy: { startedAt: 'desc' },
    });
  }

  /** The caller's attempt (instructors and admins may read anyone's). */
  async get(caller: Caller, id: string): Promise<{ attempt: LabAttempt; lab: StoredLab }> {
    const attempt = /^[0-9a-f-]{36}$/i.test(id) ? await this.prisma.labAttempt.findUnique({ where: { id } }) : null;
    const staff = caller.user.role === 'instructor' || caller.user.role === 'admin';
    if (!attempt || (attempt.userId !== caller.user.id && !staff)) throw new NotFoundException(ATTEMPT_NOT_FOUND);
    const lab = await this.catalog.find(attempt.labId, attempt.labVersion);
    if (!lab) throw new NotFoundException(ATTEMPT_NOT_FOUND);
    return { attempt, lab };
  }

  async checks(attemptId: string) {
    return this.prisma.attemptCheck.findMany({ where: { attemptId } });
  }

  /** The Check button: grades the sandbox now. */
  async check(caller: Caller, id: string): Promise<GradedAttempt> {
    const { attempt, lab } = await this.get(caller, id);
    if (attempt.userId !== caller.user.id) throw new NotFoundException(ATTEMPT_NOT_FOUND);
    if (!attempt.sandboxId) throw new BadRequestException('This attempt has no sandbox any more; start the lab again.');
    const summary = await this.sandboxes.get(caller, attempt.sandboxId);
    return this.grade(attempt, lab.lab, summary);
  }

  /** Reveals the task's next hint; its cost comes off the task's points. */
  async revealHint(
    caller: Caller,
    id: string,
    taskId: string,
  ): Promise<{ hint: string; cost: number; revealed: number }> {
    const { attempt, lab } = await this.get(caller, id);
    if (attempt.userId !== caller.user.id) throw new NotFoundException(ATTEMPT_NOT_FOUND);
    const task = lab.lab.tasks.find((candidate) => candidate.id === taskId);
    if (!task) throw new BadRequestException(`The lab has no task "${taskId}"`);
    const revealed = { ...(attempt.revealedHints as Record<string, number>) };
    const count = revealed[taskId] ?? 0;
    const hint = task.hints[count];
    if (!hint) throw new BadRequestException('No more hints for this task');
    revealed[taskId] = count + 1;
    await this.prisma.labAttempt.update({ where: { id }, data: { revealedHints: revealed } });
    return { hint: hint.text, cost: hint.cost, revealed: count + 1 };
  }

  private regradeLater(summary: SandboxSummary, delayMs: number): void {
    const id = summary.labAttemptId ?? '';
    clearTimeout(this.regrades.get(id));
    const timer = setTimeout(
      () => {
        this.regrades.delete(id);
        this.gradeAfterCommands(summary).catch((error: unknown) =>
          this.logger.debug({ err: error, sandbox: summary.id }, 'grading as the cluster settles failed'),
        );
      },
      Math.min(Math.max(delayMs, 100), MAX_REGRADE_DELAY_MS),
    ).unref();
    this.regrades.set(id, timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.regrades.values()) clearTimeout(timer);
    this.regrades.clear();
  }

  private async gradeAfterCommands(summary: SandboxSummary): Promise<void> {
    const attempt = await this.prisma.labAttempt.findUnique({ where: { id: summary.labAttemptId ?? '' } });
    if (!attempt) return;
    const lab = await this.catalog.find(attempt.labId, attempt.labVersion);
    if (lab) await this.grade(attempt, lab.lab, summary);
  }

  private async grade(attempt: LabAttempt, lab: Lab, summary: SandboxSummary): Promise<GradedAttempt> {
    const { result, settlesIn } = await this.sandboxes.withLive(summary, (live) => {
      const cluster = live.sandbox.cluster;
      const wakeAt = cluster.nextWakeAt();
      return Promise.resolve({
        result: gradeLab(lab, sandboxFacts(live.sandbox), {
          revealedHints: attempt.revealedHints as Record<string, number>,
        }),
        settlesIn: wakeAt === undefined ? undefined : wakeAt - cluster.now(),
      });
    });
    // Pods still starting: grade again when the cluster next changes on its own.
    if (!result.passed && settlesIn !== undefined) this.regradeLater(summary, settlesIn);
    const now = this.clock.now();
    const previous = new Map((await this.checks(attempt.id)).map((row) => [row.checkId, row]));
    const rows: Prisma.AttemptCheckCreateManyInput[] = result.tasks.flatMap((task) =>
      task.checks.map((check) => ({
        attemptId: attempt.id,
        checkId: check.id,
        taskId: task.id,
        passed: check.passed,
        message: check.message,
        diagnosis: check.diagnosis ?? null,
        firstPassedAt: previous.get(check.id)?.firstPassedAt ?? (check.passed ? now : null),
        updatedAt: now,
      })),
    );
    const passedNow = result.passed && attempt.status !== 'passed';
    const [, , updated] = await this.prisma.$transaction([
      this.prisma.attemptCheck.deleteMany({ where: { attemptId: attempt.id } }),
      this.prisma.attemptCheck.createMany({ data: rows }),
      this.prisma.labAttempt.update({
        where: { id: attempt.id },
        data: {
          score: result.score,
          bestScore: Math.max(attempt.bestScore, result.score),
          gradedAt: now,
          ...(passedNow ? { status: 'passed', passedAt: now } : {}),
        },
      }),
    ]);
    return { attempt: updated, result };
  }
}
