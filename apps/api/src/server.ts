import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app/app.module';
import { KubernetesEndpoint } from './app/sandboxes/kubernetes-endpoint';
import { HttpErrorFilter } from './common/http-error.filter';
import { type Clock, systemClock } from './services/clock';
import type { Configuration } from './services/configuration/configuration';
import { type Database, openDatabase } from './services/database/database';
import { Lifecycle } from './services/lifecycle';
import { NestPinoLogger } from './services/logger/logger';

export interface ServerOptions {
  configuration: Configuration;
  logger: Logger;
  /** Where prisma/migrations is (the workspace root in development, /app in the image). */
  migrationsDir?: string;
  clock?: Clock;
  /** A fresh embedded database to start from instead of running initdb (tests). */
  embeddedTemplate?: Blob;
}

export interface Server {
  app: NestFastifyApplication;
  database: Database;
  listen(): Promise<string>;
  /** Stops taking requests, finishes the ones in flight, then closes the database. */
  close(): Promise<void>;
}

/** Builds the whole server (database, migrations, Nest app) without listening yet. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const { configuration, logger } = options;
  const database = await openDatabase({
    databaseUrl: configuration.databaseUrl,
    dataDir: configuration.dataDir,
    migrationsDir: options.migrationsDir ?? join(process.cwd(), 'prisma/migrations'),
    log: { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
    ...(options.embeddedTemplate ? { embeddedTemplate: options.embeddedTemplate } : {}),
  });
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({ configuration, database, logger, clock: options.clock ?? systemClock }),
      new FastifyAdapter({
        loggerInstance: logger,
        bodyLimit: configuration.bodyLimitBytes,
        trustProxy: configuration.trustProxy,
        return503OnClosing: true,
      }),
      { logger: new NestPinoLogger(logger), abortOnError: false },
    );
    await configureHttp(app, configuration, logger);
    await app.init();
  } catch (error) {
    await database.close();
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    app,
    database,
    listen: async () => {
      await app.listen({ port: configuration.port, host: configuration.host });
      return app.getUrl();
    },
    close: () =>
      (closed ??= (async () => {
        app.get(Lifecycle).beginShutdown();
        try {
          await app.close();
        } finally {
          await database.close();
        }
      })()),
  };
}

async function configureHttp(app: NestFastifyApplication, configuration: Configuration, logger: Logger): Promise<void> {
  await app.register(fastifyHelmet, {
    hsts: configuration.cookieSecure,
    contentSecurityPolicy: {
      directives: {
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'img-src': ["'self'", 'data:'],
        // Only behind HTTPS: on plain HTTP (a LAN address) it would break every asset.
        'upgrade-insecure-requests': configuration.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  if (configuration.corsOrigins.length > 0) {
    app.enableCors({ origin: configuration.corsOrigins, credentials: true });
  }
  if (configuration.webDir && existsSync(configuration.webDir)) {
    await app.register(fastifyStatic, {
      root: configuration.webDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (response, path) => {
        void response.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    logger.warn(
      { webDir: configuration.webDir },
      'the web app is not built; only the API is served (run `npm run build`)',
    );
  }
  app.get(KubernetesEndpoint).register(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  // While stopping, answers close their connection: a kept-alive one would
  // otherwise hold the shutdown open until the client hangs up.
  const lifecycle = app.get(Lifecycle);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (lifecycle.shuttingDown) void reply.header('connection', 'close');
      done(null, payload);
    });
}
