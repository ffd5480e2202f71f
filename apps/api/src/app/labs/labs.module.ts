import { Module } from '@nestjs/common';
import { SandboxesModule } from '../sandboxes/sandboxes.module';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { LabCatalog } from './lab-catalog.service';
import { LabsController } from './labs.controller';

@Module({
  imports: [SandboxesModule],
  controllers: [LabsController, AttemptsController],
  providers: [LabCatalog, AttemptsService],
  exports: [LabCatalog, AttemptsService],
})
export class LabsModule {}
