import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../generated/prisma/client';
import { CLOCK, type Clock } from '../../services/clock';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { PrismaService } from '../../services/prisma/prisma.service';

export const SESSION_COOKIE = 'kubelab_session';

/** How often a session's last-seen time is written (not on every request). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const sessionId = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Browser sessions: a random token in a cookie; the database keeps only its hash. */
@Injectable()
export class SessionService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
  ) {}

  get ttlSeconds(): number {
    return this.configuration.sessionTtlHours * 3600;
  }

  async open(userId: string, client: { ip: string; userAgent: string | undefined }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.prisma.session.create({
      data: {
        id: sessionId(token),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
      },
    });
    return token;
  }

  /** The signed-in user for a cookie token, or undefined if unknown or expired. */
  async userFor(token: string): Promise<User | undefined> {
    const session = await this.prisma.session.findUnique({ where: { id: sessionId(token) }, include: { user: true } });
    const now = this.clock.now();
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      await this.prisma.session.deleteMany({ where: { id: session.id } });
      return undefined;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
    }
    return session.user;
  }

  async close(token: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId(token) } });
  }

  async closeAllFor(userId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }
}
