// The `-o` printers that print objects rather than tables (yaml, json, name,
// jsonpath, go-template, custom-columns), as kubectl's PrintFlags build them
// from `-o`, `--template`, `--allow-missing-template-keys` and
// `--show-managed-fields`.
import {
  GoTemplateExecutionError,
  nameWithOperation,
  OutputFormatError,
  parseCustomColumnsFile,
  parseCustomColumnsSpec,
  parseOutputFormat,
  printCustomColumns,
  printGoTemplate,
  printJsonPath,
  PrinterError,
  toJson,
  toYaml,
  type OutputFormat,
} from '../printers';
import { errorMessage, KubectlError } from './errors';
import type { Invocation } from './invocation';

export interface ObjectPrinter {
  format: OutputFormat;
  /** Prints one object (a List prints as a list; `name` and custom-columns print its items). */
  print(object: Record<string, unknown>): string;
}

function readTemplate(inv: Invocation, path: string): string {
  const file = inv.ctx.files.read(path);
  if (!file.ok) throw errorMessage(file.error);
  return file.text;
}

function withoutManagedFields(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  const items = object.items;
  let result = object;
  if (metadata && 'managedFields' in metadata) {
    const { managedFields: _dropped, ...rest } = metadata;
    result = { ...result, metadata: rest };
  }
  if (Array.isArray(items)) {
    result = { ...result, items: items.map((item) => withoutManagedFields(item as Record<string, unknown>)) };
  }
  return result;
}

function itemsOf(object: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(object.items) && typeof object.kind === 'string' && object.kind.endsWith('List')
    ? (object.items as Array<Record<string, unknown>>)
    : [object];
}

/** Parses `-o` (with `--template` for template formats); undefined when no object format is asked for. */
export function parseOutputFlag(inv: Invocation, allowed?: readonly string[]): OutputFormat {
  let value = inv.string('output');
  const template = inv.string('template');
  if (template && (value === '' || value === 'go-template' || value === 'template')) value = `go-template=${template}`;
  if (template && (value === 'jsonpath' || value === 'jsonpath-file' || value === 'go-template-file'))
    value = `${value}=${template}`;
  try {
    return parseOutputFormat(value, allowed);
  } catch (error) {
    if (error instanceof OutputFormatError) throw errorMessage(error.message);
    throw error;
  }
}

export function objectPrinter(inv: Invocation, format: OutputFormat): ObjectPrinter {
  const allowMissingKeys = inv.changed('allow-missing-template-keys') ? inv.bool('allow-missing-template-keys') : true;
  const showManagedFields = inv.bool('show-managed-fields');
  const render = (object: Record<string, unknown>): string => {
    switch (format.kind) {
      case 'yaml':
        return toYaml(object);
      case 'json':
        return toJson(object);
      case 'name':
        return itemsOf(object)
          .map((item) => nameWithOperation(item))
          .join('');
      case 'jsonpath': {
        const template = format.fromFile ? readTemplate(inv, format.template) : format.template;
        return printJsonPath(template, object, { allowMissingKeys, asJson: format.asJson });
      }
      case 'go-template': {
        const template = format.fromFile ? readTemplate(inv, format.template) : format.template;
        return printGoTemplate(template, object, { allowMissingKeys });
      }
      case 'custom-columns': {
        const columns = format.fromFile
          ? parseCustomColumnsFile(readTemplate(inv, format.spec))
          : parseCustomColumnsSpec(format.spec);
        return printCustomColumns(columns, itemsOf(object), inv.bool('no-headers'));
      }
      default:
        return '';
    }
  };
  return {
    format,
    print(object) {
      try {
        return render(showManagedFields ? object : withoutManagedFields(object));
      } catch (error) {
        // Go templates write what they produced, and the debugging details, before failing.
        if (error instanceof GoTemplateExecutionError) inv.out(error.stdout);
        if (error instanceof PrinterError) throw new KubectlError(`error: ${error.message}`);
        throw error;
      }
    },
  };
}
