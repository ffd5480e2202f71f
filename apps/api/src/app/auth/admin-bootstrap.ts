import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { LOGGER } from '../../services/logger/logger.token';
import { PrismaService } from '../../services/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './password-hasher';

export const DEFAULT_ADMIN_EMAIL = 'admin@kubelab.local';

/** Advisory lock key for creating the first admin (any constant unlike Prisma's). */
const ADMIN_BOOTSTRAP_LOCK_KEY = 4_711_001;

/**
 * A server without an admin gets one on start: from ADMIN_EMAIL and
 * ADMIN_PASSWORD if set, otherwise with a generated password printed once
 * to the log (it is never stored in clear anywhere).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email = DEFAULT_ADMIN_EMAIL, password, name } = this.configuration.admin;
    const chosen = password ?? randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(chosen);
    // Servers starting together on one database must not both create the
    // admin (each would log its own password and only one would work).
    const admin = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_BOOTSTRAP_LOCK_KEY})`;
      if ((await tx.user.count({ where: { role: 'admin' } })) > 0) return undefined;
      return tx.user.upsert({
        where: { email },
        create: { email, name, role: 'admin', passwordHash },
        update: { role: 'admin', passwordHash },
      });
    });
    if (!admin) return;
    await this.audit.record({ action: 'user.admin-created', target: { type: 'user', id: admin.id }, data: { email } });
    if (password) {
      this.logger.info({ email }, 'created the admin account from ADMIN_EMAIL and ADMIN_PASSWORD');
    } else {
      this.logger.warn(
        { email, password: chosen },
        'created the admin account with a generated password; it is shown only this once: sign in and keep it safe',
      );
    }
  }
}
