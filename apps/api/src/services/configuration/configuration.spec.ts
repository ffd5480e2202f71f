import { ConfigurationError, loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfiguration({}, '/srv/kubelab');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/kubelab/data',
      logLevel: 'info',
      signUpEnabled: true,
      sessionTtlHours: 168,
      cookieSecure: false,
      bodyLimitBytes: 1048576,
      corsOrigins: [],
      webDir: '/srv/kubelab/dist/apps/web',
    });
    expect(config.admin).toEqual({ email: undefined, password: undefined, name: 'Administrator' });
  });

  it('reads and converts every variable', () => {
    const config = loadConfiguration(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgresql://u:p@db:5432/kubelab',
        DATA_DIR: '/var/lib/kubelab',
        ADMIN_EMAIL: 'Root@Example.com',
        ADMIN_PASSWORD: 'correct horse battery',
        SIGNUP_ENABLED: 'false',
        COOKIE_SECURE: 'yes',
        CORS_ORIGINS: 'https://lms.example.com, https://other.example.com',
      },
      '/srv',
    );
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgresql://u:p@db:5432/kubelab');
    expect(config.dataDir).toBe('/var/lib/kubelab');
    expect(config.admin.email).toBe('root@example.com');
    expect(config.signUpEnabled).toBe(false);
    expect(config.cookieSecure).toBe(true);
    expect(config.corsOrigins).toEqual(['https://lms.example.com', 'https://other.example.com']);
  });

  it('reads the sandbox limits and names the instance after its host and port', () => {
    const config = loadConfiguration(
      { PORT: '8080', SANDBOX_IDLE_SECONDS: '60', SANDBOX_MAX_PER_USER: '3', SANDBOX_MAX_PODS: '20' },
      '/srv',
      'web-1',
    );
    expect(config.instanceId).toBe('web-1:8080');
    expect(config.sandboxes).toEqual({
      idleSeconds: 60,
      maxLoaded: 10_000,
      maxPerUser: 3,
      commandTimeoutSeconds: 600,
      maxQueuedCommands: 32,
      maxObjects: 2000,
      maxPods: 20,
      leaseSeconds: 30,
    });
    expect(loadConfiguration({ INSTANCE_ID: 'blue' }).instanceId).toBe('blue');
    const [first, second] = [loadConfiguration({ PORT: '0' }, '/', 'h'), loadConfiguration({ PORT: '0' }, '/', 'h')];
    expect(first.instanceId).not.toBe(second.instanceId);
    expect(() => loadConfiguration({ SANDBOX_LEASE_SECONDS: '1' })).toThrow(
      'SANDBOX_LEASE_SECONDS: must be at least 5',
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfiguration({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfiguration({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SIGNUP_ENABLED: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: must be a whole number (got "eighty")',
        expect.stringMatching(/^LOG_LEVEL: .* \(got "loud"\)$/),
        'DATABASE_URL: must be a postgresql:// URL (unset it to use the embedded database)',
        'SIGNUP_ENABLED: must be true or false (got "maybe")',
      ]),
    );
    expect((error as Error).message).toContain('Invalid configuration:');
  });

  it('rejects a port out of range and never echoes a password', () => {
    expect(() => loadConfiguration({ PORT: '70000' })).toThrow('PORT: must be at most 65535');
    expect(() => loadConfiguration({ ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' })).toThrow(
      /^Invalid configuration:\n {2}- ADMIN_PASSWORD: must be at least 12 characters$/,
    );
  });

  it('requires the admin email and password together', () => {
    expect(() => loadConfiguration({ ADMIN_EMAIL: 'a@b.co' })).toThrow(
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
  });
});
