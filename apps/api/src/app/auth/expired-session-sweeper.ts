import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '../../services/clock';
import { LOGGER } from '../../services/logger/logger.token';
import { PrismaService } from '../../services/prisma/prisma.service';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes expired sessions at start and hourly (a used one is also dropped when seen). */
@Injectable()
export class ExpiredSessionSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS).unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: this.clock.now() } } });
      if (count > 0) this.logger.info({ count }, 'deleted expired sessions');
      return count;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not delete expired sessions');
      return 0;
    }
  }
}
