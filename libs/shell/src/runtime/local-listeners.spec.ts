import { LocalListeners } from './local-listeners';

const proxy = { kind: 'http' as const, handle: () => ({ status: 200, reason: 'OK', headers: [], body: '' }) };

describe('LocalListeners', () => {
  it('finds a loopback listener by any loopback name and refuses a second bind', () => {
    const listeners = new LocalListeners();
    const opened = listeners.listen('127.0.0.1', 8001, proxy);
    expect(opened.ok).toBe(true);
    expect(listeners.find('localhost', 8001)).toBe(proxy);
    expect(listeners.find('127.0.0.1', 8001)).toBe(proxy);
    expect(listeners.find('10.0.0.1', 8001)).toBeUndefined();
    expect(listeners.listen('127.0.0.1', 8001, proxy)).toEqual({
      ok: false,
      error: 'listen tcp 127.0.0.1:8001: bind: address already in use',
    });
    if (opened.ok) opened.close();
    expect(listeners.find('localhost', 8001)).toBeUndefined();
  });

  it('answers on every address for 0.0.0.0', () => {
    const listeners = new LocalListeners();
    listeners.listen('0.0.0.0', 8080, proxy);
    expect(listeners.find('192.168.1.2', 8080)).toBe(proxy);
  });
});
