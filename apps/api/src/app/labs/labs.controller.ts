import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import type { User } from '../../generated/prisma/client';
import { type AuthenticatedRequest, CurrentUser } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { withSandboxErrors } from '../sandboxes/sandbox-http-errors';
import { AttemptsService } from './attempts.service';
import { InvalidLabError, LabCatalog } from './lab-catalog.service';
import { attemptView, catalogEntry, labForLearner } from './lab-views';
import { type LabSource, labSourceSchema } from './labs.schemas';

const isStaff = (user: User) => user.role === 'instructor' || user.role === 'admin';

/** Invalid labs answer 400 with every problem by line and field path. */
function invalid(error: unknown): never {
  if (error instanceof InvalidLabError) {
    throw new BadRequestException({
      message: 'Invalid lab',
      issues: error.problems.map((problem) => ({
        path: problem.path || '(lab)',
        message: problem.line ? `line ${problem.line}, column ${problem.column}: ${problem.message}` : problem.message,
      })),
    });
  }
  throw error;
}

@Controller('api/v1/labs')
export class LabsController {
  constructor(
    private readonly catalog: LabCatalog,
    private readonly attempts: AttemptsService,
  ) {}

  @Get()
  async list() {
    return { items: (await this.catalog.list()).map(catalogEntry) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentUser() user: User) {
    const stored = await this.catalog.find(id);
    if (!stored) throw new NotFoundException('Lab not found');
    return { lab: { ...labForLearner(stored), ...(isStaff(user) ? { source: stored.source } : {}) } };
  }

  @Roles('instructor', 'admin')
  @Get(':id/versions')
  async versions(@Param('id') id: string) {
    if (!(await this.catalog.find(id))) throw new NotFoundException('Lab not found');
    return { items: (await this.catalog.versions(id)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
  }

  @Roles('instructor', 'admin')
  @Post()
  async create(@Body(new ZodBodyPipe(labSourceSchema)) body: LabSource, @CurrentUser() user: User) {
    const published = await this.catalog
      .publish(body.source, { builtIn: false, createdById: user.id, rehearse: true })
      .catch(invalid);
    if (published.outcome !== 'created') {
      throw new ConflictException(`A lab with the id "${published.lab.id}" already exists; update it with PUT`);
    }
    return { lab: { ...labForLearner(published.lab), source: published.lab.source } };
  }

  @Roles('instructor', 'admin')
  @Put(':id')
  async update(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(labSourceSchema)) body: LabSource,
    @CurrentUser() user: User,
  ) {
    const existing = await this.catalog.find(id);
    if (!existing) throw new NotFoundException('Lab not found');
    if (existing.builtIn) throw new ForbiddenException("Built-in labs change with the server's labs/ directory");
    const published = await this.catalog
      .publish(body.source, { builtIn: false, createdById: user.id, expectedId: id, rehearse: true })
      .catch(invalid);
    return { lab: { ...labForLearner(published.lab), source: published.lab.source }, outcome: published.outcome };
  }

  /** Starts (or resumes) the caller's attempt: a sandbox built from the lab's environment. */
  @Post(':id/attempts')
  async start(@Param('id') id: string, @CurrentUser() user: User, @Req() request: AuthenticatedRequest) {
    const { attempt, created } = await withSandboxErrors(() => this.attempts.start({ user, ip: request.ip }, id));
    return { attempt: attemptView(attempt), created };
  }
}
