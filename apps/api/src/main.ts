import 'reflect-metadata';
import { ConfigurationError, loadConfiguration } from './services/configuration/configuration';
import { createLogger } from './services/logger/logger';
import { createServer } from './server';

/** `npm start`: reads the environment, opens the database, serves until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let configuration;
  try {
    configuration = loadConfiguration(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`kubelab: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(configuration.logLevel);
  const server = await createServer({ configuration, logger });
  const url = await server.listen();
  logger.info({ url, database: server.database.embedded ? 'embedded' : 'postgresql' }, `kubelab is serving on ${url}`);

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: configuration.shutdownTimeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, configuration.shutdownTimeoutMs);
    timer.unref();
    server.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kubelab: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
