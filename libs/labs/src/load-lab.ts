// Reads a lab file: YAML, then the JSON Schema (defaults filled in), then the
// rules a schema cannot say. Every problem names the file, line, column and
// field path; nothing an author writes can make this throw.
import Ajv, { type ErrorObject } from 'ajv';
import { isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Lab } from './lab';
import { labRuleProblems, type RuleProblem } from './lab-rules';
import { CHECK_TYPES, DNS_LABEL, LAB_JSON_SCHEMA } from './lab-schema';

export interface LabProblem {
  file: string;
  /** 1-based; 0 when the problem has no place in the file. */
  line: number;
  column: number;
  /** `tasks[0].checks[1].select.kind`; empty for the whole file. */
  path: string;
  message: string;
}

export type LoadedLab = { ok: true; lab: Lab } | { ok: false; problems: LabProblem[] };

type PathSegment = string | number;

const ajv = new Ajv({ allErrors: true, useDefaults: true, discriminator: true, verbose: true, strict: true });
const validateLab = ajv.compile<Lab>(LAB_JSON_SCHEMA);

/** `file:line:column: path: message`, as compilers print. */
export function formatProblem(problem: LabProblem): string {
  const place = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${place}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

export function fieldPath(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`))
    .join('');
}

export function loadLab(source: string, file: string): LoadedLab {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const locate = (segments: readonly PathSegment[], key?: string) => positionOf(document, lineCounter, segments, key);
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
        return { file, line, column, path: '', message: yamlMessage(error.message) };
      }),
    };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: '', message: 'a lab must be a YAML mapping' }] };
  }
  if (!validateLab(value)) {
    return {
      ok: false,
      problems: byPosition(schemaProblems(validateLab.errors ?? []).map((p) => place(file, p, locate))),
    };
  }
  const rules = labRuleProblems(value);
  if (rules.length > 0)
    return { ok: false, problems: byPosition(rules.map((problem) => place(file, problem, locate))) };
  return { ok: true, lab: value };
}

function byPosition(problems: LabProblem[]): LabProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function place(
  file: string,
  problem: RuleProblem,
  locate: (segments: readonly PathSegment[], key?: string) => { line: number; column: number },
): LabProblem {
  const segments = problem.key === undefined ? problem.path : [...problem.path, problem.key];
  return { file, ...locate(problem.path, problem.key), path: fieldPath(segments), message: problem.message };
}

/** Where a field is in the file: its value, or its key when `key` names it. */
function positionOf(
  document: Document,
  lineCounter: LineCounter,
  segments: readonly PathSegment[],
  key?: string,
): { line: number; column: number } {
  let node: unknown = document.contents;
  let keyNode: unknown;
  for (const segment of [...segments, ...(key === undefined ? [] : [key])]) {
    if (!isNode(node) || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const found: unknown =
      typeof segment === 'number'
        ? items[segment]
        : items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
    if (found === undefined) break;
    keyNode = isPair(found) ? found.key : found;
    node = isPair(found) ? found.value : found;
  }
  // An unknown field points at its key; anything else at the value (a missing field at its parent).
  const target = key !== undefined ? keyNode : node;
  const offset = isNode(target) && target.range ? target.range[0] : 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function yamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function segmentsOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Ajv's errors in an author's words, one per problem (a failed `oneOf` is one problem, not one per branch). */
function schemaProblems(errors: ErrorObject[]): RuleProblem[] {
  const failedOneOf = new Set(errors.filter((error) => error.keyword === 'oneOf').map((error) => error.instancePath));
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && [...failedOneOf].some((path) => insideOneOf(error, path))) continue;
    const problem = describe(error);
    const id = `${fieldPath(problem.path)}|${problem.key ?? ''}|${problem.message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  return problems;
}

function insideOneOf(error: ErrorObject, oneOfPath: string): boolean {
  return (
    (error.instancePath === oneOfPath || error.instancePath.startsWith(`${oneOfPath}/`)) &&
    error.schemaPath.includes('/oneOf/')
  );
}

function describe(error: ErrorObject): RuleProblem {
  const path = segmentsOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing required field "${String(params['missingProperty'])}"` };
    case 'additionalProperties':
      return { path, key: String(params['additionalProperty']), message: 'unknown field' };
    case 'enum':
      return { path, message: `must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'type':
      return { path, message: `must be ${article(String(params['type']))}` };
    case 'pattern':
      return {
        path,
        message:
          params['pattern'] === DNS_LABEL
            ? "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
            : `must match ${String(params['pattern'])}`,
      };
    case 'discriminator':
      return { path: [...path, 'type'], message: `must be one of: ${CHECK_TYPES.join(', ')}` };
    case 'oneOf': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return {
        path,
        message: description ? `must be one of the allowed forms: ${description}` : 'has an unknown form',
      };
    }
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return names[type] ?? type;
}
