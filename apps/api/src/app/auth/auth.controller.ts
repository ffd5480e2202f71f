import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { User } from '../../generated/prisma/client';
import { type AuthenticatedRequest, CurrentUser } from '../../common/authenticated-request';
import { Public } from '../../common/public.decorator';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { type SignIn, signInSchema, type SignUp, signUpSchema } from './auth.schemas';
import { AuthService, type ClientInfo, TooManyAttemptsException } from './auth.service';
import { type PublicUser, toPublicUser } from './public-user';
import { SESSION_COOKIE, SessionService } from './session.service';

const clientOf = (request: AuthenticatedRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
  ) {}

  @Public()
  @Get('options')
  options(): { signUpEnabled: boolean } {
    return { signUpEnabled: this.configuration.signUpEnabled };
  }

  @Public()
  @Post('sign-up')
  @HttpCode(201)
  async signUp(
    @Body(new ZodBodyPipe(signUpSchema)) body: SignUp,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: PublicUser }> {
    const { user, token } = await this.auth.signUp(body, clientOf(request));
    this.setSessionCookie(reply, token);
    return { user: toPublicUser(user) };
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body(new ZodBodyPipe(signInSchema)) body: SignIn,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: PublicUser }> {
    try {
      const { user, token } = await this.auth.signIn(body, clientOf(request));
      this.setSessionCookie(reply, token);
      return { user: toPublicUser(user) };
    } catch (error) {
      if (error instanceof TooManyAttemptsException) void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (request.sessionToken) await this.auth.signOut(request.sessionToken, user, clientOf(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentUser() user: User): { user: PublicUser } {
    return { user: toPublicUser(user) };
  }

  private setSessionCookie(reply: FastifyReply, token: string): void {
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.configuration.cookieSecure,
      maxAge: this.sessions.ttlSeconds,
    });
  }
}
