// Runs kubectl command lines against a cluster in tests, with in-memory files
// and simulated time: `await kubectl.run('get svc -o wide')`.
import { Cluster, type ClusterCreateOptions } from '@kubelab/cluster';
import type { CancelSignal, KubectlContext, LocalListenerHandler } from '../context';
import { defaultKubeconfig } from '../kubeconfig';
import { runKubectl } from '../run-kubectl';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Splits a command line into words the way a shell would for simple quoting ('...', "...", \x). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && /["\\$`]/.test(line[i + 1] ?? '')) word = (word ?? '') + line[++i];
      else word = (word ?? '') + char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\') word = (word ?? '') + (line[++i] ?? '');
    else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

export class KubectlHarness {
  readonly files = new Map<string, string>();
  readonly listeners = new Map<string, LocalListenerHandler>();
  stdin = '';
  /** What `kubectl edit` saves: a function of the text it opened. */
  editor: (text: string) => string | undefined = (text) => text;
  readonly kubeconfig = defaultKubeconfig('https://192.168.1.2:6443');

  constructor(readonly cluster: Cluster) {}

  static create(options: ClusterCreateOptions = {}): KubectlHarness {
    const now = Date.parse('2026-11-22T10:00:00Z');
    const cluster = Cluster.create({ timeSource: () => now, ...options });
    return new KubectlHarness(cluster);
  }

  /** Runs `kubectl <line>` (the leading `kubectl` is optional). */
  async run(line: string, options: { signal?: CancelSignal; argv?: string[] } = {}): Promise<KubectlResult> {
    const words = options.argv ? [...options.argv] : splitWords(line);
    if (words[0] === 'kubectl') words.shift();
    let stdout = '';
    let stderr = '';
    const stdin = this.stdin;
    this.stdin = '';
    const ctx: KubectlContext = {
      cluster: this.cluster,
      stdin: { readAll: () => Promise.resolve(stdin), isTTY: false },
      stdout: { write: (text) => (stdout += text) },
      stderr: { write: (text) => (stderr += text) },
      files: {
        read: (path) => {
          const text = this.files.get(path);
          return text === undefined
            ? { ok: false, error: `open ${path}: no such file or directory` }
            : { ok: true, text };
        },
        list: (path) => {
          const prefix = path.endsWith('/') ? path : `${path}/`;
          const names = [...this.files.keys()]
            .filter((file) => file.startsWith(prefix))
            .map((file) => file.slice(prefix.length));
          return names.length ? names.filter((name) => !name.includes('/')).sort() : undefined;
        },
        write: (path, text) => {
          this.files.set(path, text);
          return { ok: true };
        },
        resolve: (path) => path,
      },
      kubeconfig: this.kubeconfig,
      clock: {
        now: () => this.cluster.now(),
        sleep: (ms, sleepOptions) => {
          if (options.signal?.aborted || sleepOptions?.signal?.aborted) return Promise.resolve(false);
          if (sleepOptions?.stream && this.cluster.nextWakeAt() === undefined) return Promise.resolve(false);
          this.cluster.advance(ms);
          return Promise.resolve(true);
        },
      },
      signal: options.signal ?? new AbortController().signal,
      listeners: {
        listen: (address, port, handler) => {
          const key = `${address}:${port}`;
          if (this.listeners.has(key)) return { ok: false, error: `listen tcp ${key}: bind: address already in use` };
          this.listeners.set(key, handler);
          return { ok: true, close: () => this.listeners.delete(key) };
        },
      },
      terminal: {
        execInContainer: () => Promise.resolve(0),
        edit: (_name, text) => Promise.resolve(this.editor(text)),
      },
      env: {},
    };
    const exitCode = await runKubectl(words, ctx);
    return { stdout, stderr, exitCode };
  }
}
