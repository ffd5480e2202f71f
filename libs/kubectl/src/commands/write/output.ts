// What the write commands print: the `<kind>.<group>/<name> <operation>`
// line (`service/web created (dry run)`) or, with `-o`, the object itself;
// and the `--dry-run` flag's values.
import type { KubeObject } from '@kubelab/cluster';
import { KubectlError } from '../../cli/errors';
import type { Invocation } from '../../cli/invocation';
import { objectPrinter, parseOutputFlag } from '../../cli/object-output';
import { OBJECT_OUTPUT_FORMATS, toJson, type OutputFormat } from '../../printers';
import { kindAndGroup } from '../../resources/rest-mapper';

export type DryRun = 'none' | 'client' | 'server';

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
export function outputFormatOf(inv: Invocation): OutputFormat {
  return parseOutputFlag(inv, OBJECT_OUTPUT_FORMATS);
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
  if (format.kind === 'default') inv.out(`${objectName(obj)} ${options.operation}${suffix(options.dryRun)}\n`);
  else if (format.kind === 'json') inv.out(toJson(obj, { sortKeys: !options.typed }));
  else inv.out(objectPrinter(inv, format).print(obj));
}
