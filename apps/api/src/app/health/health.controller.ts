import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../../common/public.decorator';
import { DATABASE } from '../../services/database/database.token';
import type { Database } from '../../services/database/database';
import { Lifecycle } from '../../services/lifecycle';
import { PrismaService } from '../../services/prisma/prisma.service';

/** Liveness (the process answers) and readiness (it can serve: database up, not stopping). */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly lifecycle: Lifecycle,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; database: 'embedded' | 'postgresql' }> {
    if (this.lifecycle.shuttingDown) throw new ServiceUnavailableException('shutting down');
    try {
      await this.prisma.$queryRaw`SELECT 1`;
    } catch {
      throw new ServiceUnavailableException('database unavailable');
    }
    return { status: 'ready', database: this.database.embedded ? 'embedded' : 'postgresql' };
  }
}
