// kubectl's go-template printer (cli-runtime printers/template.go and GoTemplatePrintFlags): `-o go-template=`,
// `-o go-template-file=`, `-o template=`, `--template`.
import { marshalJson } from './json';
import { goQuote } from './jsonpath/go-values';
import { PrinterError } from './jsonpath/printer';
import { executeTemplate, PartialOutputError } from './go-template-exec';
import { sprint } from './go-template-fmt';
import { FUNCTIONS } from './go-template-funcs';
import { parseTemplate, TemplateParseError, type ParsedTemplate } from './go-template-parse';
import { fromJson } from './go-template-values';

export interface GoTemplateOptions {
  /** `--allow-missing-template-keys`, true by default (Go's missingkey=default rather than missingkey=error). */
  allowMissingKeys?: boolean;
}

/**
 * A failed execution. kubectl has already written `stdout` (the partial output and its debugging dump) when
 * it reports `error: <message>`.
 */
export class GoTemplateExecutionError extends PrinterError {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

const FUNCTION_NAMES: ReadonlySet<string> = new Set(FUNCTIONS.keys());

/** Parses like GoTemplatePrintFlags.ToPrinter: "error parsing template <template>, <reason>". */
export function compileGoTemplate(template: string): ParsedTemplate {
  if (template.length === 0) throw new PrinterError('template format specified but no template given');
  try {
    return parseTemplate(template, FUNCTION_NAMES);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new PrinterError(`error parsing template ${template}, ${e.message}`);
    throw e;
  }
}

/** GoTemplatePrinter.PrintObj: executes the template over the object's JSON form and returns what it prints. */
export function printGoTemplate(template: string, object: unknown, options: GoTemplateOptions = {}): string {
  const parsed = compileGoTemplate(template);
  try {
    return executeTemplate(parsed, object, !(options.allowMissingKeys ?? true));
  } catch (e) {
    if (!(e instanceof PartialOutputError)) throw e;
    const stdout =
      `${e.partial}Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\traw data was:\n\t\t${marshalJson(object)}\n` +
      `\tobject given to template engine was:\n\t\t${sprint([fromJson(object)])}\n\n`;
    throw new GoTemplateExecutionError(`error executing template ${goQuote(template)}: ${e.message}`, stdout);
  }
}
