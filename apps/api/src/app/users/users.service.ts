import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { PrismaService } from '../../services/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import { SessionService } from '../auth/session.service';
import type { UpdateUser } from './users.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What admins do to accounts. */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<User[]> {
    return this.prisma.user.findMany({ orderBy: { createdAt: 'asc' } });
  }

  async update(id: string, change: UpdateUser, actor: User, ip: string): Promise<User> {
    const user = await this.find(id);
    if (change.role && change.role !== 'admin' && user.role === 'admin') {
      const admins = await this.prisma.user.count({ where: { role: 'admin' } });
      if (admins <= 1) throw new ConflictException('The last admin cannot lose the admin role');
    }
    const updated = await this.prisma.user.update({ where: { id }, data: change });
    await this.audit.record({
      action: 'user.updated',
      actorId: actor.id,
      target: { type: 'user', id },
      ip,
      data: { before: { role: user.role, name: user.name }, after: { role: updated.role, name: updated.name } },
    });
    return updated;
  }

  /** Sets a new password and signs the user out everywhere. */
  async resetPassword(id: string, password: string, actor: User, ip: string): Promise<void> {
    await this.find(id);
    await this.prisma.user.update({ where: { id }, data: { passwordHash: await hashPassword(password) } });
    await this.sessions.closeAllFor(id);
    await this.audit.record({ action: 'user.password-reset', actorId: actor.id, target: { type: 'user', id }, ip });
  }

  private async find(id: string): Promise<User> {
    const user = UUID.test(id) ? await this.prisma.user.findUnique({ where: { id } }) : null;
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }
}
