import { type DynamicModule, Module } from '@nestjs/common';
import { InfrastructureModule, type InfrastructureOptions } from '../services/infrastructure.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { LabsModule } from './labs/labs.module';
import { SandboxesModule } from './sandboxes/sandboxes.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static register(options: InfrastructureOptions): DynamicModule {
    return {
      module: AppModule,
      // WebModule last: its catch-all route must not shadow the API's routes.
      imports: [
        InfrastructureModule.register(options),
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        SandboxesModule,
        LabsModule,
        WebModule,
      ],
    };
  }
}
