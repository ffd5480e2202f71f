import { Injectable, NotFoundException } from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { SandboxSummary } from './sandbox-records';
import { SandboxStore } from './sandbox-store';

/** `use` changes or runs things (owner only); `view` reads (owner, or staff helping a learner). */
export type SandboxPurpose = { kind: 'use' } | { kind: 'view'; what: string };

export const SANDBOX_NOT_FOUND = 'Sandbox not found';

const STAFF = new Set<User['role']>(['instructor', 'admin']);

/**
 * Who may reach a sandbox: its owner for everything; instructors and admins
 * to look (audited). Anyone else is told it does not exist, so ids reveal nothing.
 */
@Injectable()
export class SandboxAccess {
  constructor(
    private readonly store: SandboxStore,
    private readonly audit: AuditService,
  ) {}

  async resolve(id: string, actor: User, purpose: SandboxPurpose, ip?: string): Promise<SandboxSummary> {
    const summary = await this.store.find(id);
    if (summary && this.permits(summary, actor, purpose)) {
      if (summary.ownerId !== actor.id) {
        await this.audit.record({
          action: 'sandbox.view',
          actorId: actor.id,
          target: { type: 'sandbox', id },
          ip,
          data: { ownerId: summary.ownerId, what: purpose.kind === 'view' ? purpose.what : 'use' },
        });
      }
      return summary;
    }
    throw new NotFoundException(SANDBOX_NOT_FOUND);
  }

  permits(summary: SandboxSummary, actor: User, purpose: SandboxPurpose): boolean {
    return summary.ownerId === actor.id || (purpose.kind === 'view' && STAFF.has(actor.role));
  }

  isStaff(actor: User): boolean {
    return STAFF.has(actor.role);
  }
}
