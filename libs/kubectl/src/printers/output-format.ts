// Parsing `-o/--output` values the way kubectl's PrintFlags.ToPrinter matches printers.

export type OutputFormat =
  | { kind: 'default' }
  | { kind: 'wide' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean; fromFile: boolean }
  | { kind: 'go-template'; template: string; fromFile: boolean }
  | { kind: 'custom-columns'; spec: string; fromFile: boolean };

/** The allowed-format list `kubectl get` reports. */
export const GET_OUTPUT_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
] as const;

/** The list of commands printing objects without tables (create, label, apply, ...). */
export const OBJECT_OUTPUT_FORMATS = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
] as const;

export class OutputFormatError extends Error {}

/** Parses an `-o` value; throws OutputFormatError with kubectl's message (without "error: "). */
export function parseOutputFormat(value: string, allowed: readonly string[] = GET_OUTPUT_FORMATS): OutputFormat {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const argument = eq < 0 ? '' : value.slice(eq + 1);
  const known = eq < 0 ? allowed.includes(value) : allowed.includes(name);
  if (value === '') return { kind: 'default' };
  if (!known || (eq < 0 && isTemplateFormat(value))) {
    if (known && isTemplateFormat(value)) throw templateMissing(value);
    throw new OutputFormatError(
      `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.join(',')}`,
    );
  }
  switch (name) {
    case 'wide':
    case 'yaml':
    case 'json':
    case 'name':
      if (eq >= 0) break;
      return { kind: name };
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
      if (!argument) throw new OutputFormatError('template format specified but no template given');
      return {
        kind: 'jsonpath',
        template: argument,
        asJson: name === 'jsonpath-as-json',
        fromFile: name === 'jsonpath-file',
      };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      if (!argument) throw new OutputFormatError('template format specified but no template given');
      return { kind: 'go-template', template: argument, fromFile: name.endsWith('file') };
    case 'custom-columns':
    case 'custom-columns-file':
      if (!argument) throw new OutputFormatError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', spec: argument, fromFile: name === 'custom-columns-file' };
  }
  throw new OutputFormatError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.join(',')}`,
  );
}

const isTemplateFormat = (name: string): boolean =>
  /^(jsonpath|jsonpath-file|jsonpath-as-json|go-template|go-template-file|template|templatefile|custom-columns|custom-columns-file)$/.test(
    name,
  );

function templateMissing(name: string): OutputFormatError {
  return name.startsWith('custom-columns')
    ? new OutputFormatError('custom-columns format specified but no custom columns given')
    : new OutputFormatError('template format specified but no template given');
}
