// describe for Namespaces, ConfigMaps and Secrets (describe.go).
import type { KubeObject } from '@kubelab/cluster';
import { eventsFor, PrefixWriter, writeEvents, type DescribeReader, writeObjectHeader } from './prefix-writer';

export function describeNamespace(namespace: KubeObject): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, namespace, false);
  w.write(0, `Status:\t${(namespace.status as { phase?: string } | undefined)?.phase ?? ''}\n`);
  // ResourceQuotas and LimitRanges are not served: kubectl leaves their sections out.
  return w.text();
}

export function describeConfigMap(configMap: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, configMap, true);
  w.write(0, '\nData\n====\n');
  for (const [key, value] of Object.entries((configMap as { data?: Record<string, string> }).data ?? {})) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${value}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const [key, value] of Object.entries((configMap as { binaryData?: Record<string, string> }).binaryData ?? {})) {
    w.write(0, `${key}: ${decodedLength(value)} bytes\n`);
  }
  w.write(0, '\n');
  if (showEvents) writeEvents(w, eventsFor(reader, configMap), reader.now());
  return w.text();
}

/** Bytes of base64 data, as Go's []byte length. */
function decodedLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

export function describeSecret(secret: KubeObject): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, secret, true);
  const type = (secret as { type?: string }).type ?? '';
  w.write(0, `\nType:\t${type}\n`);
  w.write(0, '\nData\n====\n');
  for (const [key, value] of Object.entries((secret as { data?: Record<string, string> }).data ?? {})) {
    if (key === 'token' && type === 'kubernetes.io/service-account-token') w.write(0, `${key}:\t${atobText(value)}\n`);
    else w.write(0, `${key}:\t${decodedLength(value)} bytes\n`);
  }
  return w.text();
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function atobText(base64: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const char of base64.replace(/[^A-Za-z0-9+/]/g, '')) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** describeServiceAccount: its secrets by use (the headers are padded to one width, as kubectl writes them). */
export function describeServiceAccount(account: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const w = new PrefixWriter();
  writeObjectHeader(w, account, true);
  const shape = account as { imagePullSecrets?: Array<{ name?: string }>; secrets?: Array<{ name?: string }> };
  const sections: Array<[string, string[]]> = [
    ['Image pull secrets:', (shape.imagePullSecrets ?? []).map((secret) => secret.name ?? '')],
    ['Mountable secrets: ', (shape.secrets ?? []).map((secret) => secret.name ?? '')],
    ['Tokens:            ', []],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    names.forEach((name, index) => w.write(0, `${index === 0 ? header : '                   '}\t${name}\n`));
  }
  if (showEvents) writeEvents(w, eventsFor(reader, account), reader.now());
  return w.text();
}
