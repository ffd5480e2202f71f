import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { type AuthenticatedRequest, CurrentUser } from '../../common/authenticated-request';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { withSandboxErrors } from '../sandboxes/sandbox-http-errors';
import { AttemptsService } from './attempts.service';
import { attemptView, labForLearner } from './lab-views';
import { type RevealHint, revealHintSchema } from './labs.schemas';

@Controller('api/v1/attempts')
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  @Get()
  async list(@Query('lab') lab: string | undefined, @CurrentUser() user: User) {
    return { items: (await this.attempts.list({ user }, lab)).map((attempt) => attemptView(attempt)) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentUser() user: User, @Req() request: AuthenticatedRequest) {
    const { attempt, lab } = await this.attempts.get({ user, ip: request.ip }, id);
    return {
      attempt: attemptView(attempt, await this.attempts.checks(attempt.id)),
      lab: labForLearner(lab, attempt.revealedHints as Record<string, number>),
    };
  }

  /** The Check button. */
  @Post(':id/check')
  @HttpCode(200)
  async check(@Param('id') id: string, @CurrentUser() user: User, @Req() request: AuthenticatedRequest) {
    const { attempt, result } = await withSandboxErrors(() => this.attempts.check({ user, ip: request.ip }, id));
    return { attempt: attemptView(attempt, await this.attempts.checks(attempt.id)), result };
  }

  @Post(':id/hints')
  @HttpCode(200)
  async hint(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(revealHintSchema)) body: RevealHint,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.attempts.revealHint({ user, ip: request.ip }, id, body.taskId);
  }
}
