import {
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { Prisma } from '../../generated/prisma/client';
import { CLOCK, type Clock } from '../../services/clock';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { PrismaService } from '../../services/prisma/prisma.service';
import { AuditService } from '../audit/audit.service';
import type { SignIn, SignUp } from './auth.schemas';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password-hasher';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Sign-up, sign-in and sign-out. */
@Injectable()
export class AuthService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.throttle = new SignInThrottle(clock);
  }

  async signUp(request: SignUp, client: ClientInfo): Promise<{ user: User; token: string }> {
    if (!this.configuration.signUpEnabled) throw new ForbiddenException('Sign-up is disabled on this server');
    let user: User;
    try {
      user = await this.prisma.user.create({
        data: { email: request.email, name: request.name, passwordHash: await hashPassword(request.password) },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException('An account with this email already exists');
      }
      throw error;
    }
    await this.audit.record({
      action: 'user.sign-up',
      actorId: user.id,
      target: { type: 'user', id: user.id },
      ip: client.ip,
    });
    return { user, token: await this.sessions.open(user.id, client) };
  }

  async signIn(request: SignIn, client: ClientInfo): Promise<{ user: User; token: string }> {
    const wait = this.throttle.retryAfterSeconds(request.email, client.ip);
    if (wait > 0) {
      await this.audit.record({ action: 'user.sign-in.throttled', ip: client.ip, data: { email: request.email } });
      throw new TooManyAttemptsException(wait);
    }
    const user = await this.prisma.user.findUnique({ where: { email: request.email } });
    const valid = await verifyPassword(request.password, user?.passwordHash ?? UNUSABLE_HASH);
    if (!user || !valid) {
      this.throttle.recordFailure(request.email, client.ip);
      await this.audit.record({
        action: 'user.sign-in.failed',
        ip: client.ip,
        data: { email: request.email },
        ...(user ? { target: { type: 'user', id: user.id } } : {}),
      });
      throw new UnauthorizedException('Wrong email or password');
    }
    this.throttle.recordSuccess(request.email);
    await this.audit.record({
      action: 'user.sign-in',
      actorId: user.id,
      target: { type: 'user', id: user.id },
      ip: client.ip,
    });
    return { user, token: await this.sessions.open(user.id, client) };
  }

  async signOut(token: string, user: User, client: ClientInfo): Promise<void> {
    await this.sessions.close(token);
    await this.audit.record({
      action: 'user.sign-out',
      actorId: user.id,
      target: { type: 'user', id: user.id },
      ip: client.ip,
    });
  }
}
