import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from './clock';
import { CONFIGURATION } from './configuration/configuration.token';
import type { Configuration } from './configuration/configuration';
import type { Database } from './database/database';
import { DATABASE } from './database/database.token';
import { Lifecycle } from './lifecycle';
import { LOGGER } from './logger/logger.token';
import { PrismaService } from './prisma/prisma.service';

export interface InfrastructureOptions {
  configuration: Configuration;
  database: Database;
  logger: Logger;
  clock: Clock;
}

/** What every feature module may use: settings, clock, logger, database. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CONFIGURATION, useValue: options.configuration },
        { provide: DATABASE, useValue: options.database },
        { provide: LOGGER, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock },
        { provide: PrismaService, useFactory: () => new PrismaService(options.database) },
        Lifecycle,
      ],
      exports: [CONFIGURATION, DATABASE, LOGGER, CLOCK, PrismaService, Lifecycle],
    };
  }
}
