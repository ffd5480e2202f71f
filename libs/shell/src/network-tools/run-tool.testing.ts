// Running one network tool in tests: a real simulated cluster on a manual
// clock (sleeps advance it), string streams, a Map-backed filesystem and a
// listener registry, so expected outputs can be compared byte for byte.
import { Cluster, SimulatedClock, type KubeObject } from '@kubelab/cluster';
import type { LocalListenerHandler } from '@kubelab/kubectl';
import type { FileStat, FsResult, VirtualFileSystem } from '../fs/virtual-fs';
import type { Command, CommandContext, ShellHost, ToolFlavour } from '../runtime/command';
import { StringInput, StringOutput } from '../runtime/streams';

export const LAB_START = Date.parse('2026-11-22T10:00:00Z');

class MapFileSystem implements VirtualFileSystem {
  readonly files = new Map<string, string>();
  stat(path: string): FsResult<FileStat> {
    const text = this.files.get(path);
    if (text === undefined) return { ok: false, error: { code: 'ENOENT', path } };
    return { ok: true, value: { type: 'file', size: text.length, mtime: 0, mode: 0o644 } };
  }
  readFile(path: string): FsResult<string> {
    const text = this.files.get(path);
    return text === undefined ? { ok: false, error: { code: 'ENOENT', path } } : { ok: true, value: text };
  }
  writeFile(path: string, text: string, options?: { append?: boolean }): FsResult<void> {
    this.files.set(path, options?.append ? (this.files.get(path) ?? '') + text : text);
    return { ok: true, value: undefined };
  }
  readDirectory(): FsResult<string[]> {
    return { ok: true, value: [] };
  }
  makeDirectory(): FsResult<void> {
    return { ok: true, value: undefined };
  }
  remove(path: string): FsResult<void> {
    this.files.delete(path);
    return { ok: true, value: undefined };
  }
  rename(from: string, to: string): FsResult<void> {
    const text = this.files.get(from);
    if (text === undefined) return { ok: false, error: { code: 'ENOENT', path: from } };
    this.files.delete(from);
    this.files.set(to, text);
    return { ok: true, value: undefined };
  }
}

export class ToolLab {
  private readonly time = SimulatedClock.manual(LAB_START);
  readonly cluster = Cluster.create({ seed: 'network-tools', timeSource: this.time.source });
  readonly fs = new MapFileSystem();
  readonly listeners = new Map<string, LocalListenerHandler>();
  /** Total simulated milliseconds tools slept. */
  slept = 0;

  wait(seconds: number): this {
    this.time.advance(seconds * 1000);
    this.cluster.settle();
    return this;
  }

  create(manifest: Record<string, unknown>, namespace = 'default'): KubeObject {
    const kind = manifest['kind'];
    const target =
      kind === 'Deployment'
        ? { group: 'apps', resource: 'deployments' }
        : kind === 'Service'
          ? { group: '', resource: 'services' }
          : { group: '', resource: 'pods' };
    const response = this.cluster.request({
      verb: 'create',
      version: 'v1',
      namespace,
      ...target,
      body: manifest,
    });
    if (response.status >= 300) throw new Error(JSON.stringify(response.body));
    return response.body as KubeObject;
  }

  /** A Deployment `name` of `image` and a Service of the same name on port 80 (`type` optional). */
  web(name = 'web', image = 'nginx', replicas = 1, service: Record<string, unknown> = {}): this {
    const labels = { app: name };
    this.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: image.split(':')[0], image }] } },
      },
    });
    this.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: labels, ports: [{ port: 80, targetPort: 80 }], ...service },
    });
    return this.wait(30);
  }

  pod(name: string, image: string, command?: string[]): this {
    this.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { run: name } },
      spec: { containers: [{ name, image, ...(command ? { command } : {}) }] },
    });
    return this.wait(30);
  }

  get(resource: 'services' | 'pods', name: string, namespace = 'default'): KubeObject {
    const response = this.cluster.request({ verb: 'get', group: '', version: 'v1', resource, namespace, name });
    return response.body as KubeObject;
  }

  async run(
    command: Command,
    args: string[],
    options: { host?: ShellHost; flavour?: ToolFlavour; tty?: boolean; stdin?: string; interruptAfterMs?: number } = {},
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new StringOutput(options.tty ?? false);
    const stderr = new StringOutput(options.tty ?? false);
    let aborted = false;
    const sleptBefore = this.slept;
    const ctx: CommandContext = {
      args,
      env: {},
      cwd: '/root',
      host: options.host ?? { kind: 'node', name: 'controlplane' },
      flavour: options.flavour ?? 'gnu',
      stdin: new StringInput(options.stdin ?? '', options.tty ?? false),
      stdout,
      stderr,
      signal: {
        get aborted() {
          return aborted;
        },
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
      session: {
        cluster: this.cluster,
        fs: this.fs,
        kubeconfig: { currentContext: '', contexts: [], clusters: [], users: [] },
        listeners: {
          listen: (address, port, handler) => {
            this.listeners.set(`${address}:${port}`, handler);
            return { ok: true, close: () => this.listeners.delete(`${address}:${port}`) };
          },
          find: (address, port) =>
            this.listeners.get(`${address === 'localhost' ? '127.0.0.1' : address}:${port}`) ??
            this.listeners.get(`0.0.0.0:${port}`),
        },
        clock: {
          now: () => this.cluster.now(),
          sleep: (ms: number) => {
            if (options.interruptAfterMs !== undefined && this.slept - sleptBefore + ms > options.interruptAfterMs) {
              aborted = true;
              return Promise.resolve(false);
            }
            this.slept += ms;
            this.time.advance(ms);
            this.cluster.settle();
            return Promise.resolve(true);
          },
        },
        terminal: { edit: () => Promise.resolve(undefined), columns: 80 },
      },
      run: () => Promise.resolve(127),
      execInContainer: () => Promise.resolve(126),
    };
    const code = await command(ctx);
    return { code, stdout: stdout.text, stderr: stderr.text };
  }
}

/** A pod's first container host for `run(..., { host })`. */
export function inPod(name: string, container = name, namespace = 'default'): ShellHost {
  return { kind: 'pod', namespace, name, container };
}
