// The built-in catalogue (labs/): every lab loads, its untouched setup fails
// every check, its solution passes them all, and each wrong solution fails
// the checks it names, as `npx kubelab lab validate labs` reports.
import { join } from 'node:path';
import { readLabFiles } from '../apps/cli/src/labs/lab-files';
import { validateLab } from '@kubelab/grader';
import { shellLabRunner } from '../apps/cli/src/labs/lab-run';
import { workspaceRoot } from './support/test-server';

jest.setTimeout(120_000);

describe('the lab catalogue', () => {
  it('has only sound labs with unique ids', async () => {
    const entries = await readLabFiles(join(workspaceRoot, 'labs'));
    expect(entries.length).toBeGreaterThan(0);
    const report: Record<string, string[]> = {};
    const ids = new Set<string>();
    for (const entry of entries) {
      const name = entry.file.replace(`${workspaceRoot}/`, '');
      if ('problems' in entry) {
        report[name] = entry.problems;
        continue;
      }
      expect(ids.has(entry.lab.metadata.id)).toBe(false);
      ids.add(entry.lab.metadata.id);
      expect(name).toBe(`labs/${entry.lab.metadata.id}.yaml`);
      report[name] = (await validateLab(entry.lab, shellLabRunner)).problems;
    }
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((name) => [name, []])));
  });
});
