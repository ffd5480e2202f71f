import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, type Lab, loadLab } from '@kubelab/labs';

export type LabFile = { file: string; lab: Lab } | { file: string; problems: string[] };

/** The lab files at `path`: the file itself, or every `*.yaml` in the directory (sorted). */
export async function readLabFiles(path: string): Promise<LabFile[]> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  return Promise.all(
    files.map(async (file): Promise<LabFile> => {
      const loaded = loadLab(await readFile(file, 'utf8'), file);
      return loaded.ok ? { file, lab: loaded.lab } : { file, problems: loaded.problems.map(formatProblem) };
    }),
  );
}
