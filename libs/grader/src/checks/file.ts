import type { FileCheck } from '@kubelab/labs';
import { parseAllDocuments } from 'yaml';
import { findMismatch, formatPath, formatValue } from '../partial-match';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

export function checkFile(check: FileCheck, context: CheckContext): CheckOutcome {
  const path = check.path.startsWith('/') ? check.path : `/root/${check.path}`;
  const text = context.target.readFile(path);
  if (check.absent) return text === undefined ? PASSED : failed(`${path} exists`);
  if (text === undefined) return failed(`${path} does not exist`);
  if (!check.manifest) return PASSED;
  const documents = parseAllDocuments(text);
  const broken = documents.find((document) => document.errors.length > 0);
  if (broken) return failed(`${path} is not valid YAML: ${broken.errors[0]?.message.split('\n')[0] ?? ''}`);
  const objects = documents.map((document) => document.toJS() as unknown).filter((value) => value !== null);
  const mismatches = objects.map((object) => findMismatch(check.manifest, object, { lists: 'ordered' }));
  if (mismatches.some((mismatch) => mismatch === undefined)) return PASSED;
  const first = mismatches[0];
  if (!first) return failed(`${path} holds no manifest`);
  return failed(
    `in ${path}, ${formatPath(first.path)} is ${formatValue(first.actual)}, expected ${formatValue(first.expected)}`,
  );
}
