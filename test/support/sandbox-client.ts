// Helpers for tests that use sandboxes over the REST API: users signed up and
// signed in, sandboxes created, commands run.
import { HttpClient } from './test-server';

let counter = 0;

/** A new learner account, signed in. */
export async function signUp(url: string, name = 'learner'): Promise<HttpClient & { email: string }> {
  const client = new HttpClient(url);
  const email = `${name}-${process.pid}-${++counter}@example.com`;
  const response = await client.post('/api/v1/auth/sign-up', { email, name, password: 'a-long-password-1' });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
  return Object.assign(client, { email });
}

export async function signIn(url: string, email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(url);
  const response = await client.post('/api/v1/auth/sign-in', { email, password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return client;
}

export async function createSandbox(client: HttpClient, body: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/v1/sandboxes', body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.json.sandbox.id as string;
}

export interface RanCommand {
  seq: number;
  input: string;
  output: string;
  exitCode: number;
  interrupted: boolean;
}

/** Runs input; returns the commands (throws on an HTTP error). */
export async function run(client: HttpClient, id: string, input: string): Promise<RanCommand[]> {
  const response = await client.post(`/api/v1/sandboxes/${id}/commands`, { input });
  if (response.status !== 200) throw new Error(`run failed: ${response.status} ${response.text}`);
  return response.json.commands as RanCommand[];
}

/** The output of one command line. */
export async function output(client: HttpClient, id: string, line: string): Promise<string> {
  const [command] = await run(client, id, line);
  return command?.output ?? '';
}
