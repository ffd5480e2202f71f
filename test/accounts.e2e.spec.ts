import { ExpiredSessionSweeper } from '../apps/api/src/app/auth/expired-session-sweeper';
import { PrismaService } from '../apps/api/src/services/prisma/prisma.service';
import { HttpClient, startTestServer, type TestServer } from './support/test-server';

const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

describe('accounts on the embedded database', () => {
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    url = server.url;
  });
  afterAll(() => server.dispose());

  it('signs up, knows who is signed in, and signs out', async () => {
    const ann = new HttpClient(url);
    const signUp = await ann.post('/api/v1/auth/sign-up', {
      email: 'Ann@Example.com',
      name: 'Ann',
      password: 'ann-password-1',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.json.user).toMatchObject({ email: 'ann@example.com', name: 'Ann', role: 'learner' });
    expect(signUp.json.user).not.toHaveProperty('passwordHash');
    expect(signUp.headers.get('set-cookie')).toMatch(
      /^kubelab_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/,
    );

    expect((await ann.get('/api/v1/auth/me')).json.user.email).toBe('ann@example.com');
    expect((await ann.post('/api/v1/auth/sign-out')).status).toBe(204);
    const after = await ann.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.json).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in first' });
  });

  it('rejects a second account with the same email, whatever its case', async () => {
    await new HttpClient(url).post('/api/v1/auth/sign-up', {
      email: 'bo@example.com',
      name: 'Bo',
      password: 'bo-password-12',
    });
    const again = await new HttpClient(url).post('/api/v1/auth/sign-up', {
      email: 'BO@example.com',
      name: 'Bo',
      password: 'bo-password-12',
    });
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('An account with this email already exists');
  });

  it('explains invalid input field by field', async () => {
    const response = await new HttpClient(url).post('/api/v1/auth/sign-up', {
      email: 'not-an-email',
      name: '',
      password: 'short',
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request body',
      issues: [
        { path: 'email', message: 'must be an email address' },
        { path: 'name', message: 'is required' },
        { path: 'password', message: 'must be at least 10 characters' },
      ],
    });
  });

  it('answers malformed and oversized bodies with a clear error and no internals', async () => {
    const client = new HttpClient(url);
    const malformed = await client.request('POST', '/api/v1/auth/sign-in', '{"email": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(malformed.text).not.toMatch(/at .*\.js|stack/i);

    const huge = await client.post('/api/v1/auth/sign-in', {
      email: 'x@example.com',
      password: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('locks an account out after repeated wrong passwords, even for the right one', async () => {
    const eve = new HttpClient(url);
    await eve.post('/api/v1/auth/sign-up', { email: 'eve@example.com', name: 'Eve', password: 'eve-password-1' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await eve.post('/api/v1/auth/sign-in', { email: 'eve@example.com', password: 'guess-' + attempt });
      expect(wrong.status).toBe(401);
      expect(wrong.json.message).toBe('Wrong email or password');
    }
    const locked = await eve.post('/api/v1/auth/sign-in', { email: 'eve@example.com', password: 'eve-password-1' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(locked.json.message).toMatch(/^Too many failed sign-in attempts; try again in \d+ seconds$/);
  });

  it('gives an unknown email the same answer as a wrong password', async () => {
    const response = await new HttpClient(url).post('/api/v1/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'whatever-123',
    });
    expect(response.status).toBe(401);
    expect(response.json.message).toBe('Wrong email or password');
  });

  it('lets the admin from the environment manage roles and reset passwords, and audits it', async () => {
    const admin = new HttpClient(url);
    const signIn = await admin.post('/api/v1/auth/sign-in', ADMIN);
    expect(signIn.status).toBe(200);
    expect(signIn.json.user.role).toBe('admin');

    const learner = new HttpClient(url);
    const created = await learner.post('/api/v1/auth/sign-up', {
      email: 'lee@example.com',
      name: 'Lee',
      password: 'lee-password-1',
    });
    const leeId: string = created.json.user.id;
    expect((await learner.get('/api/v1/users')).status).toBe(403);
    expect((await learner.get('/api/v1/users')).json.message).toBe('Requires the admin role');

    const list = await admin.get('/api/v1/users');
    expect(list.json.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([ADMIN.email, 'lee@example.com']),
    );

    const promoted = await admin.patch(`/api/v1/users/${leeId}`, { role: 'instructor' });
    expect(promoted.json.user.role).toBe('instructor');
    expect((await admin.patch(`/api/v1/users/${leeId}`, { role: 'root' })).status).toBe(400);
    expect((await admin.patch('/api/v1/users/not-a-uuid', { role: 'learner' })).status).toBe(404);

    expect((await admin.post(`/api/v1/users/${leeId}/password`, { password: 'new-password-99' })).status).toBe(204);
    expect((await learner.get('/api/v1/auth/me')).status).toBe(401); // signed out everywhere
    expect(
      (await learner.post('/api/v1/auth/sign-in', { email: 'lee@example.com', password: 'lee-password-1' })).status,
    ).toBe(401);
    expect(
      (await learner.post('/api/v1/auth/sign-in', { email: 'lee@example.com', password: 'new-password-99' })).status,
    ).toBe(200);

    const me = (await admin.get('/api/v1/auth/me')).json.user.id as string;
    const demote = await admin.patch(`/api/v1/users/${me}`, { role: 'learner' });
    expect(demote.status).toBe(409);
    expect(demote.json.message).toBe('The last admin cannot lose the admin role');

    const audit = await admin.get('/api/v1/audit-events?limit=100');
    const actions = audit.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.admin-created',
        'user.sign-in',
        'user.updated',
        'user.password-reset',
        'user.sign-in.failed',
      ]),
    );
    expect((await admin.get('/api/v1/audit-events?limit=0')).status).toBe(400);
  });
});

describe('the HTTP surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SIGNUP_ENABLED: 'false' });
  });
  afterAll(() => server.dispose());

  it('reports health and readiness', async () => {
    const client = new HttpClient(server.url);
    expect((await client.get('/health')).json).toEqual({ status: 'ok' });
    expect((await client.get('/ready')).json).toEqual({ status: 'ready', database: 'embedded' });
  });

  it('sends security headers and no CORS headers by default', async () => {
    const response = await new HttpClient(server.url).request('GET', '/health', undefined, {
      origin: 'https://evil.example',
    });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses sign-up when it is disabled', async () => {
    const client = new HttpClient(server.url);
    expect((await client.get('/api/v1/auth/options')).json).toEqual({ signUpEnabled: false });
    const response = await client.post('/api/v1/auth/sign-up', {
      email: 'x@example.com',
      name: 'X',
      password: 'x-password-12',
    });
    expect(response.status).toBe(403);
    expect(response.json.message).toBe('Sign-up is disabled on this server');
  });

  it('serves the built web app: the page, then its hashed assets for a year', async () => {
    const client = new HttpClient(server.url);
    const page = await client.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
    for (const path of assets) {
      const asset = await client.get(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(path.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers unknown API paths with JSON 404 and other paths with the web app', async () => {
    const client = new HttpClient(server.url);
    const api = await client.get('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.json).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/v1/no-such-thing' });
    const page = await client.get('/labs/services-101');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<div id="root">');
    expect((await client.get('/missing.js')).status).toBe(404);
  });
});

describe('sessions', () => {
  let now = Date.parse('2026-11-22T08:00:00Z');
  const clock = { now: () => new Date(now) };
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SESSION_TTL_HOURS: '1' }, undefined, clock);
  });
  afterAll(() => server.dispose());

  it('end after SESSION_TTL_HOURS, and expired ones are swept from the database', async () => {
    const ida = new HttpClient(server.url);
    const signUp = await ida.post('/api/v1/auth/sign-up', {
      email: 'ida@example.com',
      name: 'Ida',
      password: 'ida-password-1',
    });
    expect(signUp.headers.get('set-cookie')).toContain('Max-Age=3600;');
    const ivo = new HttpClient(server.url);
    await ivo.post('/api/v1/auth/sign-up', { email: 'ivo@example.com', name: 'Ivo', password: 'ivo-password-1' });

    now += 59 * 60 * 1000;
    expect((await ida.get('/api/v1/auth/me')).status).toBe(200);
    now += 2 * 60 * 1000;
    expect((await ida.get('/api/v1/auth/me')).status).toBe(401);

    const sessions = server.server.app.get(PrismaService).session;
    expect(await sessions.count()).toBe(1); // Ida's went when it was seen expired; Ivo's is still stored
    expect(await server.server.app.get(ExpiredSessionSweeper).sweep()).toBe(1);
    expect(await sessions.count()).toBe(0);
  });
});

describe('persistence', () => {
  it('keeps accounts across a restart on the same data directory', async () => {
    const first = await startTestServer();
    await new HttpClient(first.url).post('/api/v1/auth/sign-up', {
      email: 'kim@example.com',
      name: 'Kim',
      password: 'kim-password-1',
    });
    await first.close();

    const second = await startTestServer({}, first.dataDir);
    try {
      const kim = await new HttpClient(second.url).post('/api/v1/auth/sign-in', {
        email: 'kim@example.com',
        password: 'kim-password-1',
      });
      expect(kim.status).toBe(200);
      expect(kim.json.user.name).toBe('Kim');
    } finally {
      await second.close();
      await first.dispose();
    }
  });

  it('refuses to open a data directory another server is using', async () => {
    const first = await startTestServer();
    try {
      await expect(startTestServer({}, first.dataDir)).rejects.toThrow(/already open in this process/);
    } finally {
      await first.dispose();
    }
  });
});
