import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { KubernetesEndpoint } from './kubernetes-endpoint';
import { SandboxAccess } from './sandbox-access';
import { SandboxRegistry } from './sandbox-registry';
import { SandboxService } from './sandbox.service';
import { SandboxStore } from './sandbox-store';
import { SandboxesController } from './sandboxes.controller';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [SandboxesController],
  providers: [SandboxStore, SandboxRegistry, SandboxAccess, SandboxService, KubernetesEndpoint],
  exports: [SandboxService, KubernetesEndpoint],
})
export class SandboxesModule {}
