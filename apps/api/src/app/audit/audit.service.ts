import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { CLOCK, type Clock } from '../../services/clock';
import { PrismaService } from '../../services/prisma/prisma.service';

export interface AuditEntry {
  action: string;
  actorId?: string | undefined;
  target?: { type: string; id: string };
  ip?: string | undefined;
  data?: Prisma.InputJsonObject;
}

/** The security log: who did what to whom, and from where. */
@Injectable()
export class AuditService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.auditEvent.create({
      data: {
        at: this.clock.now(),
        action: entry.action,
        actorId: entry.actorId ?? null,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        ip: entry.ip ?? null,
        data: entry.data ?? {},
      },
    });
  }

  async latest(limit: number, before?: bigint) {
    const events = await this.prisma.auditEvent.findMany({
      where: before === undefined ? {} : { id: { lt: before } },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return events.map((event) => ({ ...event, id: event.id.toString(), at: event.at.toISOString() }));
  }
}
