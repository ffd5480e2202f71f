import type { KubeObject } from '../../api/objects';
import { coreServer } from './core-kinds.testing';

describe('secrets', () => {
  it('merges stringData into data and defaults the type', () => {
    const api = coreServer();
    const created = api.create('secrets', {
      metadata: { name: 's' },
      data: { user: 'YWRt\naW4=' },
      stringData: { password: 'pässwörd', user: 'root' },
    }).body as KubeObject;
    expect(created.data).toEqual({ password: 'cMOkc3N3w7ZyZA==', user: 'cm9vdA==' });
    expect(created.stringData).toBeUndefined();
    expect(created.type).toBe('Opaque');
  });

  it('refuses data that is not base64 as the decoder does', () => {
    const api = coreServer();
    const response = api.create('secrets', { metadata: { name: 's' }, data: { password: 'admin' } });
    expect(response.status).toBe(400);
    expect(api.message(response)).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
  });

  it('requires the keys of its type and keeps the type', () => {
    const api = coreServer();
    const tls = api.create('secrets', { metadata: { name: 't' }, type: 'kubernetes.io/tls', data: {} });
    expect(api.message(tls)).toBe(
      'Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    );
    const opaque = api.create('secrets', { metadata: { name: 'o' }, stringData: { 'bad key': 'x' } });
    expect(api.message(opaque)).toBe(
      `Secret "o" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    const stored = api.create('secrets', { metadata: { name: 'k' }, stringData: { a: 'b' } }).body as KubeObject;
    const retyped = api.update('secrets', { ...stored, type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } });
    expect(api.message(retyped)).toBe(
      'Secret "k" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    );
  });

  it('keeps immutable data', () => {
    const api = coreServer();
    const stored = api.create('secrets', { metadata: { name: 'i' }, immutable: true, stringData: { a: 'b' } })
      .body as KubeObject;
    const changed = api.update('secrets', { ...stored, stringData: { a: 'c' } });
    expect(api.message(changed)).toBe(
      'Secret "i" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });
});

describe('configmaps', () => {
  it('omits empty data as Go does', () => {
    const api = coreServer();
    const created = api.create('configmaps', { metadata: { name: 'empty' }, data: {}, binaryData: null })
      .body as KubeObject;
    expect(Object.keys(created).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
  });

  it('refuses values that are not strings, as the decoder does', () => {
    const api = coreServer();
    const response = api.create('configmaps', { metadata: { name: 'c' }, data: { port: 8080 } });
    expect(response.status).toBe(400);
    expect(api.message(response)).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('validates keys, duplicates across data and binaryData, and size', () => {
    const api = coreServer();
    const response = api.create('configmaps', {
      metadata: { name: 'c' },
      data: { a: 'x', '..b': 'y' },
      binaryData: { a: 'eA==' },
    });
    expect(api.message(response)).toBe(
      `ConfigMap "c" is invalid: [data[..b]: Invalid value: "..b": must not start with '..', data[a]: Invalid value: "a": duplicate of key present in binaryData]`,
    );
    const big = api.create('configmaps', { metadata: { name: 'big' }, data: { a: 'x'.repeat(1024 * 1024 + 1) } });
    expect(api.message(big)).toBe('ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes');
  });
});
