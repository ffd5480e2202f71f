import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import type { Database } from '../database/database';

/**
 * The Prisma client over the server's database (embedded or PostgreSQL).
 * It disconnects only after the HTTP server has closed (Nest runs
 * onModuleDestroy before that), so requests in flight at shutdown finish.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(database: Database) {
    super({ adapter: new PrismaPg({ connectionString: database.url, max: database.poolSize }) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
