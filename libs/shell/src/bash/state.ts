// What a shell remembers between commands: variables (and which are
// exported), functions, aliases, history, the working directory, `$?`.
// `ShellState` is plain JSON so a sandbox can be persisted and restored.
import type { Command } from './ast';

export interface ShellState {
  variables: Record<string, { value: string; exported: boolean }>;
  /** Function bodies as source text (re-parsed on restore). */
  functions: Record<string, string>;
  aliases: Record<string, string>;
  history: string[];
  cwd: string;
  lastStatus: number;
}

export class Variables {
  private readonly scopes: Array<Map<string, { value: string; exported: boolean } | undefined>> = [
    new Map<string, { value: string; exported: boolean } | undefined>(),
  ];

  constructor(initial: ShellState['variables'] = {}) {
    for (const [name, entry] of Object.entries(initial)) this.global.set(name, { ...entry });
  }

  private get global(): Map<string, { value: string; exported: boolean } | undefined> {
    return this.scopes[0] ?? new Map();
  }

  private lookup(name: string): Map<string, { value: string; exported: boolean } | undefined> {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope?.has(name)) return scope;
    }
    return this.global;
  }

  get(name: string): string | undefined {
    return this.lookup(name).get(name)?.value;
  }

  set(name: string, value: string, options: { export?: boolean } = {}): void {
    const scope = this.lookup(name);
    const previous = scope.get(name);
    scope.set(name, { value, exported: options.export ?? previous?.exported ?? false });
  }

  export(name: string): void {
    const scope = this.lookup(name);
    const previous = scope.get(name);
    scope.set(name, { value: previous?.value ?? '', exported: true });
  }

  isExported(name: string): boolean {
    return this.lookup(name).get(name)?.exported ?? false;
  }

  has(name: string): boolean {
    return this.lookup(name).get(name) !== undefined;
  }

  unset(name: string): void {
    const scope = this.lookup(name);
    if (scope === this.global) scope.delete(name);
    else scope.set(name, undefined);
  }

  /** `local NAME`: a variable of the running function. */
  declareLocal(name: string, value: string | undefined): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope || this.scopes.length === 1) return;
    scope.set(name, value === undefined ? undefined : { value, exported: false });
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    if (this.scopes.length > 1) this.scopes.pop();
  }

  /** Exported variables: the environment of the programs the shell starts. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const scope of this.scopes) {
      for (const [name, entry] of scope) {
        if (entry?.exported) env[name] = entry.value;
        else if (entry === undefined) delete env[name];
      }
    }
    return env;
  }

  /** All variables, as `set` lists them. */
  all(): Record<string, string> {
    const all: Record<string, string> = {};
    for (const scope of this.scopes) {
      for (const [name, entry] of scope) {
        if (entry) all[name] = entry.value;
        else delete all[name];
      }
    }
    return all;
  }

  snapshot(): ShellState['variables'] {
    const copy: ShellState['variables'] = {};
    for (const [name, entry] of this.global) if (entry) copy[name] = { ...entry };
    return copy;
  }
}

export interface FunctionDefinition {
  body: Command;
  source: string;
}

export interface Job {
  id: number;
  pid: number;
  command: string;
  status: 'Running' | 'Done' | 'Exit' | 'Terminated';
  exitCode?: number;
  abort(): void;
  done: Promise<number>;
}
