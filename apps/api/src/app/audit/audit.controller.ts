import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { Roles } from '../../common/roles.decorator';
import { AuditService } from './audit.service';

@Roles('admin')
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; `before` is the id of the last event of the previous page. */
  @Get()
  async list(@Query('limit') limit = '50', @Query('before') before?: string) {
    const take = Number(limit);
    if (!Number.isInteger(take) || take < 1 || take > 500) {
      throw new BadRequestException('limit must be a whole number from 1 to 500');
    }
    if (before !== undefined && !/^\d+$/.test(before)) throw new BadRequestException('before must be an event id');
    return { items: await this.audit.latest(take, before === undefined ? undefined : BigInt(before)) };
  }
}
