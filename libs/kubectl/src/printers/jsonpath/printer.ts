// kubectl's JSONPath printer (cli-runtime printers/jsonpath.go and JSONPathPrintFlags).
import { marshalJson } from '../json';
import { JsonPathEvaluator } from './evaluator';
import { goSyntax, goQuote, goValueText } from './go-values';
import { JsonPathError, type ListNode } from './nodes';
import { parseJsonPath } from './parser';

export interface JsonPathOptions {
  /** `--allow-missing-template-keys`, true by default. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`. */
  asJson?: boolean;
}

/** A kubectl printer error; `message` is what follows "error: ". */
export class PrinterError extends Error {}

/** Parses like JSONPathPrintFlags.ToPrinter: "error parsing jsonpath <template>, <reason>". */
export function compileJsonPath(template: string): ListNode {
  if (template.length === 0) throw new PrinterError('template format specified but no template given');
  try {
    return parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathError) throw new PrinterError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

/** Executes a template over an object (a List object for several items), as `-o jsonpath=` prints it. */
export function printJsonPath(template: string, object: unknown, options: JsonPathOptions = {}): string {
  const root = compileJsonPath(template);
  try {
    return executeJsonPath(root, object, options);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const details =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(object)}\n\n`;
    throw new PrinterError(`error executing jsonpath ${goQuote(template)}: ${details}\n`);
  }
}

/** JSONPath.Execute: each action's results, space separated; maps and slices as compact JSON. */
export function executeJsonPath(root: ListNode, object: unknown, options: JsonPathOptions = {}): string {
  const evaluator = new JsonPathEvaluator(root, options.allowMissingKeys ?? true);
  return evaluator
    .findResults(object)
    .map((results) => printResults(results, options.asJson ?? false))
    .join('');
}

function printResults(results: unknown[], asJson: boolean): string {
  if (asJson) return `${marshalJson(results, '    ')}\n`;
  return results.map((r) => (typeof r === 'object' && r !== null ? marshalJson(r) : textOf(r))).join(' ');
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return goValueText(value);
}
