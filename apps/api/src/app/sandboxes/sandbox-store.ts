import { Injectable } from '@nestjs/common';
import type { SandboxSetup } from '@kubelab/shell';
import { Prisma, type Sandbox as SandboxRow } from '../../generated/prisma/client';
import { PrismaService } from '../../services/prisma/prisma.service';
import type { CommandRecord, SandboxChange, SandboxSummary, StoredState } from './sandbox-records';
import type { EncodedState } from './sandbox-state-codec';

export type LeaseOutcome = 'held' | 'elsewhere' | 'missing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL refuses NUL in text and lone surrogates in JSON; the transcript keeps the rest. */
function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

function toSummary(row: SandboxRow): SandboxSummary {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    labAttemptId: row.labAttemptId,
    status: row.status,
    statusReason: row.statusReason,
    setup: row.setup as SandboxSetup,
    sizeBytes: row.sizeBytes,
    lastSeq: row.lastSeq,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}

/**
 * Sandboxes in the database: their rows, their last snapshot, the transcript,
 * and the leases that say which server instance serves each one. Lease
 * times come from the database's clock, which every instance shares.
 */
@Injectable()
export class SandboxStore {
  constructor(private readonly prisma: PrismaService) {}

  async find(id: string): Promise<SandboxSummary | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = await this.prisma.sandbox.findUnique({ where: { id } });
    return row ? toSummary(row) : undefined;
  }

  async findByTokenHash(tokenHash: string): Promise<SandboxSummary | undefined> {
    const row = await this.prisma.sandbox.findUnique({ where: { tokenHash } });
    return row ? toSummary(row) : undefined;
  }

  async list(ownerId: string): Promise<SandboxSummary[]> {
    const rows = await this.prisma.sandbox.findMany({
      where: { ownerId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toSummary);
  }

  /**
   * Creates the sandbox unless its owner already has `maxPerUser`: the row is
   * written, then kept only if it is among the owner's first `maxPerUser`, so
   * concurrent creations never exceed the limit.
   */
  async create(
    input: {
      ownerId: string;
      name: string;
      labAttemptId: string | null;
      setup: SandboxSetup;
      tokenHash: string;
      state: EncodedState;
      at: Date;
    },
    maxPerUser: number,
  ): Promise<SandboxSummary | undefined> {
    const row = await this.prisma.sandbox.create({
      data: {
        ownerId: input.ownerId,
        name: input.name,
        labAttemptId: input.labAttemptId,
        setup: input.setup as Prisma.InputJsonObject,
        tokenHash: input.tokenHash,
        sizeBytes: input.state.bytes.length,
        createdAt: input.at,
        lastUsedAt: input.at,
        state: {
          create: {
            snapshot: input.state.bytes,
            snapshotBytes: input.state.jsonBytes,
            throughSeq: 0,
            savedAt: input.at,
          },
        },
      },
    });
    const firsts = await this.prisma.sandbox.findMany({
      where: { ownerId: input.ownerId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: maxPerUser,
      select: { id: true },
    });
    if (firsts.some((first) => first.id === row.id)) return toSummary(row);
    await this.prisma.sandbox.deleteMany({ where: { id: row.id } });
    return undefined;
  }

  async delete(id: string): Promise<void> {
    await this.prisma.sandbox.deleteMany({ where: { id } });
  }

  async setTokenHash(id: string, tokenHash: string): Promise<void> {
    await this.prisma.sandbox.updateMany({ where: { id }, data: { tokenHash } });
  }

  async markBroken(id: string, reason: string): Promise<void> {
    await this.prisma.sandbox.updateMany({ where: { id }, data: { status: 'broken', statusReason: reason } });
  }

  async loadState(id: string): Promise<StoredState | undefined> {
    const row = await this.prisma.sandbox.findUnique({ where: { id }, include: { state: true } });
    if (!row?.state) return undefined;
    const later = await this.prisma.sandboxCommand.findMany({
      where: { sandboxId: id, seq: { gt: row.state.throughSeq }, inHistory: true },
      orderBy: { seq: 'asc' },
      select: { input: true },
    });
    return {
      snapshot: row.state.snapshot,
      throughSeq: row.state.throughSeq,
      laterHistory: later.map((command) => command.input),
      lastSeq: row.lastSeq,
    };
  }

  async transcript(id: string, afterSeq: number, limit: number): Promise<CommandRecord[]> {
    const rows = await this.prisma.sandboxCommand.findMany({
      where: { sandboxId: id, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
    return rows.map(({ sandboxId: _sandboxId, ...record }) => record);
  }

  /** Takes the lease if it is free, expired, or already this instance's. */
  async acquireLease(id: string, instanceId: string, seconds: number): Promise<LeaseOutcome> {
    try {
      const rows = await this.prisma.$queryRaw<Array<{ instance_id: string }>>(Prisma.sql`
        INSERT INTO "sandbox_leases" ("sandbox_id", "instance_id", "acquired_at", "expires_at")
        VALUES (${id}::uuid, ${instanceId}, now(), now() + make_interval(secs => ${seconds}))
        ON CONFLICT ("sandbox_id") DO UPDATE
          SET "instance_id" = EXCLUDED."instance_id", "acquired_at" = now(), "expires_at" = EXCLUDED."expires_at"
          WHERE "sandbox_leases"."instance_id" = EXCLUDED."instance_id" OR "sandbox_leases"."expires_at" < now()
        RETURNING "instance_id"`);
      return rows.length === 1 ? 'held' : 'elsewhere';
    } catch (error) {
      // The sandbox was deleted meanwhile (the lease's foreign key).
      if (error instanceof Error && /foreign key|23503/.test(error.message)) return 'missing';
      throw error;
    }
  }

  /** Extends this instance's leases; returns the ids it still holds. */
  async renewLeases(ids: string[], instanceId: string, seconds: number): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.$queryRaw<Array<{ sandbox_id: string }>>(Prisma.sql`
      UPDATE "sandbox_leases" SET "expires_at" = now() + make_interval(secs => ${seconds})
      WHERE "instance_id" = ${instanceId} AND "sandbox_id" = ANY(${ids}::uuid[])
      RETURNING "sandbox_id"`);
    return new Set(rows.map((row) => row.sandbox_id));
  }

  async releaseLease(id: string, instanceId: string): Promise<void> {
    await this.prisma.sandboxLease.deleteMany({ where: { sandboxId: id, instanceId } });
  }

  async releaseLeases(instanceId: string): Promise<void> {
    await this.prisma.sandboxLease.deleteMany({ where: { instanceId } });
  }

  /**
   * Writes one acknowledged change in a single statement (atomic, one round
   * trip): the transcript entries, the snapshot if given, the sandbox's
   * counters, all only if this instance still holds the lease (which is
   * renewed). Returns false, writing nothing, when the lease was lost.
   */
  async save(id: string, instanceId: string, leaseSeconds: number, change: SandboxChange, at: Date): Promise<boolean> {
    const records = JSON.stringify(
      change.records.map((record) => ({
        seq: record.seq,
        kind: record.kind,
        input: storableText(record.input),
        output: storableText(record.output),
        output_truncated: record.outputTruncated,
        exit_code: record.exitCode,
        interrupted: record.interrupted,
        in_history: record.inHistory,
        started_at: record.startedAt.toISOString(),
        finished_at: record.finishedAt.toISOString(),
      })),
    );
    const state = change.state;
    const rows = await this.prisma.$queryRaw<Array<{ held: number }>>(Prisma.sql`
      WITH lease AS (
        UPDATE "sandbox_leases" SET "expires_at" = now() + make_interval(secs => ${leaseSeconds})
        WHERE "sandbox_id" = ${id}::uuid AND "instance_id" = ${instanceId}
        RETURNING "sandbox_id"
      ), commands AS (
        INSERT INTO "sandbox_commands" ("sandbox_id", "seq", "kind", "input", "output", "output_truncated",
          "exit_code", "interrupted", "in_history", "started_at", "finished_at")
        SELECT lease."sandbox_id", c.seq, c.kind::"SandboxCommandKind", c.input, c.output, c.output_truncated,
          c.exit_code, c.interrupted, c.in_history, c.started_at, c.finished_at
        FROM lease, jsonb_to_recordset(${records}::jsonb) AS c(seq int, kind text, input text, output text,
          output_truncated boolean, exit_code int, interrupted boolean, in_history boolean,
          started_at timestamptz, finished_at timestamptz)
      ), state AS (
        INSERT INTO "sandbox_states" ("sandbox_id", "snapshot", "snapshot_bytes", "through_seq", "saved_at")
        SELECT lease."sandbox_id", ${state ? Buffer.from(state.bytes) : null}::bytea, ${state?.jsonBytes ?? 0},
          ${state?.throughSeq ?? 0}, ${at}
        FROM lease WHERE ${state !== undefined}
        ON CONFLICT ("sandbox_id") DO UPDATE SET "snapshot" = EXCLUDED."snapshot",
          "snapshot_bytes" = EXCLUDED."snapshot_bytes", "through_seq" = EXCLUDED."through_seq",
          "saved_at" = EXCLUDED."saved_at"
      ), counters AS (
        UPDATE "sandboxes" SET "last_seq" = ${change.lastSeq}, "last_used_at" = ${at}, "updated_at" = ${at},
          "size_bytes" = COALESCE(${state ? state.bytes.length : null}::int, "size_bytes"),
          "status" = CASE WHEN ${state !== undefined} THEN 'ready'::"SandboxStatus" ELSE "status" END,
          "status_reason" = CASE WHEN ${state !== undefined} THEN NULL ELSE "status_reason" END
        WHERE "id" = (SELECT "sandbox_id" FROM lease)
      )
      SELECT count(*)::int AS held FROM lease`);
    return rows[0]?.held === 1;
  }
}
