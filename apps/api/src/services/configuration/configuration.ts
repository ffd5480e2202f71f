import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The server's settings, read once from the environment at startup. */
export interface Configuration {
  port: number;
  host: string;
  /** A postgresql:// URL, or undefined for the embedded database under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  admin: { email: string | undefined; password: string | undefined; name: string };
  signUpEnabled: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Origins allowed by CORS; empty means CORS is off. */
  corsOrigins: string[];
  shutdownTimeoutMs: number;
  /** Where the built web app is; undefined means the API serves no pages. */
  webDir: string | undefined;
  /** The built-in labs (*.yaml), loaded at startup. */
  labsDir: string;
  /** This server among several sharing one database (sandbox leases). */
  instanceId: string;
  sandboxes: SandboxLimits;
}

/** How sandboxes live on this server, and how big they may grow. */
export interface SandboxLimits {
  /** Unused this long, a sandbox leaves memory (it stays in the database). */
  idleSeconds: number;
  /** The most sandboxes held in memory; the least recently used idle ones leave first. */
  maxLoaded: number;
  maxPerUser: number;
  /** A command still running after this long is interrupted, as by Ctrl-C. */
  commandTimeoutSeconds: number;
  /** Commands waiting behind the running one, per sandbox. */
  maxQueuedCommands: number;
  /** Objects of all kinds, and pods, in one sandbox's cluster. */
  maxObjects: number;
  maxPods: number;
  /** How long a lease lasts without renewal (another instance may take the sandbox over after that). */
  leaseSeconds: number;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const integerText = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );

const environmentSchema = z.object({
  PORT: integerText(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgresql:// URL (unset it to use the embedded database)' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
  ADMIN_NAME: z.string().min(1).default('Administrator'),
  SIGNUP_ENABLED: booleanText.default(true),
  SESSION_TTL_HOURS: integerText(1, 24 * 365).default(24 * 7),
  COOKIE_SECURE: booleanText.default(false),
  TRUST_PROXY: booleanText.default(false),
  BODY_LIMIT_BYTES: integerText(1024, 100 * 1024 * 1024).default(1024 * 1024),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins like https://lms.example.com' }))),
  SHUTDOWN_TIMEOUT_MS: integerText(0, 600_000).default(10_000),
  WEB_DIR: z.string().min(1).optional(),
  INSTANCE_ID: z.string().min(1).max(200).optional(),
  LABS_DIR: z.string().min(1).default('labs'),
  SANDBOX_IDLE_SECONDS: integerText(1, 7 * 24 * 3600).default(15 * 60),
  SANDBOX_MAX_LOADED: integerText(1, 1_000_000).default(10_000),
  SANDBOX_MAX_PER_USER: integerText(1, 10_000).default(10),
  SANDBOX_COMMAND_TIMEOUT_SECONDS: integerText(1, 24 * 3600).default(600),
  SANDBOX_MAX_QUEUED_COMMANDS: integerText(1, 10_000).default(32),
  SANDBOX_MAX_OBJECTS: integerText(100, 100_000).default(2000),
  SANDBOX_MAX_PODS: integerText(1, 10_000).default(100),
  SANDBOX_LEASE_SECONDS: integerText(5, 3600).default(30),
});

export type Environment = Record<string, string | undefined>;

/**
 * Validates the environment and returns the typed configuration, or throws a
 * ConfigurationError naming every bad variable. Empty strings count as unset.
 */
export function loadConfiguration(
  environment: Environment,
  workspaceRoot = process.cwd(),
  host = hostname(),
): Configuration {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const value = present[name];
        const shown = name.includes('PASSWORD') || name === 'DATABASE_URL' ? '' : ` (got "${value ?? ''}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const env = parsed.data;
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigurationError(['ADMIN_EMAIL and ADMIN_PASSWORD must be set together']);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(workspaceRoot, env.DATA_DIR),
    logLevel: env.LOG_LEVEL,
    admin: { email: env.ADMIN_EMAIL?.toLowerCase(), password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME },
    signUpEnabled: env.SIGNUP_ENABLED,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    corsOrigins: env.CORS_ORIGINS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    webDir: resolve(workspaceRoot, env.WEB_DIR ?? 'dist/apps/web'),
    labsDir: resolve(workspaceRoot, env.LABS_DIR),
    // The same server restarted keeps its identity, so it takes its own leases back at once.
    // (A random port gives no identity to keep.)
    instanceId: env.INSTANCE_ID ?? `${host}:${env.PORT === 0 ? randomUUID() : env.PORT}`,
    sandboxes: {
      idleSeconds: env.SANDBOX_IDLE_SECONDS,
      maxLoaded: env.SANDBOX_MAX_LOADED,
      maxPerUser: env.SANDBOX_MAX_PER_USER,
      commandTimeoutSeconds: env.SANDBOX_COMMAND_TIMEOUT_SECONDS,
      maxQueuedCommands: env.SANDBOX_MAX_QUEUED_COMMANDS,
      maxObjects: env.SANDBOX_MAX_OBJECTS,
      maxPods: env.SANDBOX_MAX_PODS,
      leaseSeconds: env.SANDBOX_LEASE_SECONDS,
    },
  };
}
