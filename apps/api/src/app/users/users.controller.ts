import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { type AuthenticatedRequest, CurrentUser } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { type PublicUser, toPublicUser } from '../auth/public-user';
import { type ResetPassword, resetPasswordSchema, type UpdateUser, updateUserSchema } from './users.schemas';
import { UsersService } from './users.service';

@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<{ items: PublicUser[] }> {
    return { items: (await this.users.list()).map(toPublicUser) };
  }

  @Patch(':id')
  async update(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(updateUserSchema)) body: UpdateUser,
    @CurrentUser() actor: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ user: PublicUser }> {
    return { user: toPublicUser(await this.users.update(id, body, actor, request.ip)) };
  }

  @Post(':id/password')
  @HttpCode(204)
  async resetPassword(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(resetPasswordSchema)) body: ResetPassword,
    @CurrentUser() actor: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password, actor, request.ip);
  }
}
