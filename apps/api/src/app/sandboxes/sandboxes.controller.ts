import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { type AuthenticatedRequest, CurrentUser } from '../../common/authenticated-request';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { withSandboxErrors } from './sandbox-http-errors';
import { type Caller, SandboxService } from './sandbox.service';
import {
  type CreateSandboxBody,
  createSandboxSchema,
  type InspectBody,
  inspectSchema,
  type PublicCommand,
  type PublicSandbox,
  type RunCommandsBody,
  runCommandsSchema,
  toPublicCommand,
  toPublicSandbox,
  transcriptQuerySchema,
} from './sandboxes.schemas';

/** REST for sandboxes; the terminal and the Kubernetes endpoint reach the same service. */
@Controller('api/v1/sandboxes')
export class SandboxesController {
  constructor(private readonly sandboxes: SandboxService) {}

  @Post()
  async create(
    @Body(new ZodBodyPipe(createSandboxSchema)) body: CreateSandboxBody,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ sandbox: PublicSandbox }> {
    const cluster = {
      ...(body.nodes !== undefined ? { nodes: body.nodes } : {}),
      ...(body.kubeProxyMode ? { kubeProxyMode: body.kubeProxyMode } : {}),
      ...(body.loadBalancer !== undefined ? { loadBalancer: { enabled: body.loadBalancer } } : {}),
    };
    const summary = await withSandboxErrors(() =>
      this.sandboxes.create(caller(user, request), { name: body.name, setup: { cluster } }),
    );
    return { sandbox: toPublicSandbox(summary) };
  }

  @Get()
  async list(
    @Query('owner') owner: string | undefined,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ items: PublicSandbox[] }> {
    return { items: (await this.sandboxes.list(caller(user, request), owner)).map(toPublicSandbox) };
  }

  @Get(':id')
  async get(
    @Param('id') id: string,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ sandbox: PublicSandbox }> {
    return { sandbox: toPublicSandbox(await this.sandboxes.get(caller(user, request), id)) };
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string, @CurrentUser() user: User, @Req() request: AuthenticatedRequest) {
    await withSandboxErrors(() => this.sandboxes.delete(caller(user, request), id));
  }

  @Post(':id/reset')
  @HttpCode(200)
  async reset(
    @Param('id') id: string,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ sandbox: PublicSandbox }> {
    const summary = await withSandboxErrors(() => this.sandboxes.reset(caller(user, request), id));
    return { sandbox: toPublicSandbox(summary) };
  }

  /** Runs command lines; answers once they finished and their effect is stored. */
  @Post(':id/commands')
  @HttpCode(200)
  async run(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(runCommandsSchema)) body: RunCommandsBody,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ commands: PublicCommand[]; prompt: string }> {
    const options = body.timeoutSeconds === undefined ? {} : { timeoutMs: body.timeoutSeconds * 1000 };
    const result = await withSandboxErrors(() => this.sandboxes.run(caller(user, request), id, body.input, options));
    return { commands: result.commands.map(toPublicCommand), prompt: result.prompt };
  }

  @Post(':id/interrupt')
  @HttpCode(200)
  async interrupt(
    @Param('id') id: string,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ interrupted: boolean }> {
    return { interrupted: await this.sandboxes.interrupt(caller(user, request), id) };
  }

  @Get(':id/transcript')
  async transcript(
    @Param('id') id: string,
    @Query() query: Record<string, string>,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ items: PublicCommand[] }> {
    const { after, limit } = new ZodBodyPipe(transcriptQuerySchema).transform(query);
    const records = await this.sandboxes.transcript(caller(user, request), id, after, limit);
    return { items: records.map(toPublicCommand) };
  }

  /** Runs commands in a throwaway copy (instructors helping a learner). */
  @Post(':id/inspect')
  @HttpCode(200)
  async inspect(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(inspectSchema)) body: InspectBody,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ commands: PublicCommand[] }> {
    const result = await withSandboxErrors(() => this.sandboxes.inspect(caller(user, request), id, body.input));
    return { commands: result.commands.map(toPublicCommand) };
  }

  /** A kubeconfig for a real kubectl (a new token each time; the previous one stops working). */
  @Post(':id/kubeconfig')
  @HttpCode(200)
  @Header('content-type', 'application/yaml; charset=utf-8')
  async kubeconfig(
    @Param('id') id: string,
    @CurrentUser() user: User,
    @Req() request: AuthenticatedRequest,
  ): Promise<string> {
    const server = `${request.protocol}://${request.host}`;
    return this.sandboxes.kubeconfig(caller(user, request), id, server);
  }
}

function caller(user: User, request: AuthenticatedRequest): Caller {
  return { user, ip: request.ip };
}
