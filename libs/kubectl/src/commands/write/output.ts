// What the write commands print: the `<kind>.<group>/<name> <operation>`
// line (`service/web created (dry run)`) or, with `-o`, the object itself;
// and the `--dry-run` flag's values.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import { PrinterError, printJsonPath, toJson, toYaml } from '../../printers';
import { kindAndGroup } from '../../resources/rest-mapper';

export type DryRun = 'none' | 'client' | 'server';

const CREATE_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** `--dry-run`'s strategy, with kubectl's deprecation warning for a bare `--dry-run`. */
export function dryRunOf(inv: Invocation): DryRun {
  const value = inv.string('dry-run');
  switch (value) {
    case '':
    case 'none':
      return 'none';
    case 'client':
    case 'server':
      return value;
    case 'unchanged':
      inv.err(
        `W${klogTime(inv.ctx.clock.now())}   12345 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n`,
      );
      return 'client';
    default:
      throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** klog's header time: `1122 10:55:12.880703`. */
function klogTime(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds() * 1000, 6)}`;
}

/** The `-o` value, checked against the formats a write command prints. */
export function outputFormatOf(inv: Invocation): string {
  const format = inv.string('output');
  const name = format.split('=')[0] ?? '';
  if (format === '' || CREATE_FORMATS.split(',').includes(name)) return format;
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${CREATE_FORMATS}`,
  );
}

function suffix(dryRun: DryRun): string {
  if (dryRun === 'client') return ' (dry run)';
  return dryRun === 'server' ? ' (server dry run)' : '';
}

export interface PrintOptions {
  operation: string;
  dryRun: DryRun;
  /** Objects kubectl holds as Go structs print JSON in field order; unstructured ones sorted. */
  typed?: boolean;
}

/** `deployment.apps/web` for an object. */
export function objectName(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? '';
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
  return `${kindAndGroup({ kind: obj.kind ?? '', group })}/${obj.metadata?.name ?? ''}`;
}

/** Prints what a write command did to `obj`, as `-o` asks. */
export function printResult(inv: Invocation, obj: KubeObject, options: PrintOptions): void {
  const format = outputFormatOf(inv);
  if (format === '') inv.out(`${objectName(obj)} ${options.operation}${suffix(options.dryRun)}\n`);
  else if (format === 'name') inv.out(`${objectName(obj)}\n`);
  else if (format === 'yaml') inv.out(toYaml(obj));
  else if (format === 'json') inv.out(options.typed ? `${goJsonIndent(obj, false)}\n` : toJson(obj));
  else if (format.startsWith('jsonpath=') || format.startsWith('jsonpath-as-json=')) {
    const asJson = format.startsWith('jsonpath-as-json=');
    try {
      inv.out(printJsonPath(format.slice(format.indexOf('=') + 1), obj, { asJson }));
    } catch (error) {
      if (error instanceof PrinterError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  } else throw new KubectlError(`error: output format "${format}" is not available in this lab`);
}

/** encoding/json's MarshalIndent with 4 spaces and its HTML escaping. */
export function goJsonIndent(value: unknown, sortKeys: boolean, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}    `;
    return `[\n${value.map((item) => inner + goJsonIndent(item, sortKeys, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return '{}';
    const inner = `${indent}    `;
    const lines = entries.map(([key, entry]) => `${inner}${goString(key)}: ${goJsonIndent(entry, sortKeys, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value) ?? 'null';
}

function goString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
