import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../generated/prisma/client';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { IS_PUBLIC } from '../../common/public.decorator';
import { ROLES } from '../../common/roles.decorator';
import { SESSION_COOKIE, SessionService } from './session.service';

/**
 * Every route needs a signed-in user unless marked @Public(); @Roles() narrows
 * it further. Public routes still learn who is signed in, if anyone.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const user = await this.sessions.userFor(token);
      if (user) {
        request.user = user;
        request.sessionToken = token;
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!request.user) throw new UnauthorizedException('Sign in first');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(`Requires the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
