// One parsed kubectl command line: its command path, positional arguments,
// flags, the namespace it works in, and the client and mapper it uses.
import type { KubectlContext } from '../context';
import { RestMapper } from '../resources/rest-mapper';
import { ApiClient } from './api-client';
import { usageError, type KubectlError } from './errors';
import type { FlagValue, ParsedArgs } from './flags';

export class Invocation {
  private mapperCache: RestMapper | undefined;
  readonly client: ApiClient;

  constructor(
    readonly ctx: KubectlContext,
    /** `create deployment`. */
    readonly path: string,
    private readonly parsed: ParsedArgs,
  ) {
    this.client = new ApiClient(ctx.cluster);
  }

  get args(): string[] {
    return this.parsed.positionals;
  }

  /** Positionals before `--` (cobra's ArgsLenAtDash), -1 without `--`. */
  get argsLenAtDash(): number {
    return this.parsed.argsLenAtDash;
  }

  get mapper(): RestMapper {
    this.mapperCache ??= RestMapper.of(this.ctx.cluster);
    return this.mapperCache;
  }

  private value(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }

  string(name: string): string {
    const value = this.value(name);
    return typeof value === 'string' ? value : '';
  }

  bool(name: string): boolean {
    return this.value(name) === true;
  }

  int(name: string): number {
    const value = this.value(name);
    return typeof value === 'number' ? value : 0;
  }

  strings(name: string): string[] {
    const value = this.value(name);
    return Array.isArray(value) ? value : [];
  }

  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  /** `-n`, else the current context's namespace, else `default`. */
  get namespace(): string {
    const flag = this.string('namespace');
    if (flag) return flag;
    const config = this.ctx.kubeconfig;
    const context = config.contexts.find((candidate) => candidate.name === config.currentContext);
    return context?.namespace || 'default';
  }

  /** Whether the namespace was given with `-n` (kubectl's `enforceNamespace`). */
  get explicitNamespace(): boolean {
    return this.string('namespace') !== '';
  }

  out(text: string): void {
    this.ctx.stdout.write(text);
  }

  err(text: string): void {
    this.ctx.stderr.write(text);
  }

  usageError(message: string): KubectlError {
    return usageError(this.path, message);
  }
}

export interface KubectlCommand {
  /** The command path as kubectl's help names it: `get`, `create service nodeport`. */
  path: string;
  /** Resolves with the exit code (0 when undefined); throws KubectlError to fail. */
  run(invocation: Invocation): Promise<number | void> | number | void;
}
