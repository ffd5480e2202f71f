// kubectl's label lists on the command line: `app=web,tier=db` (generate.ParseLabels).
import { KubectlError } from '../../cli/errors';

export function parseLabelSpec(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const pieces = part.split('=');
    if (pieces.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`);
    const [key = '', value = ''] = pieces;
    if (key === '') throw new KubectlError('error: unexpected empty label key');
    labels[key] = value;
  }
  return labels;
}
