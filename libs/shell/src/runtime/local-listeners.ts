// The ports background processes (`kubectl proxy`, `kubectl port-forward`)
// open on the learner's machine, which curl and friends connect to.
import type { LocalListenerHandler } from '@kubelab/kubectl';
import type { LocalListenerRegistry } from './command';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export class LocalListeners implements LocalListenerRegistry {
  private readonly open = new Map<string, LocalListenerHandler>();

  listen(
    address: string,
    port: number,
    handler: LocalListenerHandler,
  ): { ok: true; close(): void } | { ok: false; error: string } {
    const key = `${address}:${port}`;
    const shown = address.includes(':') && !address.startsWith('[') ? `[${address}]:${port}` : key;
    if (this.open.has(key) || (address !== '0.0.0.0' && this.open.has(`0.0.0.0:${port}`))) {
      return { ok: false, error: `listen tcp ${shown}: bind: address already in use` };
    }
    this.open.set(key, handler);
    return { ok: true, close: () => this.open.delete(key) };
  }

  find(address: string, port: number): LocalListenerHandler | undefined {
    const exact = this.open.get(`${address}:${port}`);
    if (exact) return exact;
    const wildcard = this.open.get(`0.0.0.0:${port}`);
    if (wildcard) return wildcard;
    if (address === 'localhost') return this.open.get(`127.0.0.1:${port}`) ?? this.open.get(`::1:${port}`);
    return LOOPBACK.has(address) ? this.open.get(`localhost:${port}`) : undefined;
  }

  /** Open ports, for `ss -ltn`-like views and tests. */
  ports(): string[] {
    return [...this.open.keys()];
  }
}
