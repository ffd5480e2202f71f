import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from '../command';

const PACKAGE_NAME = 'kubelab';

/**
 * The version of the workspace package.json (the one named "kubelab"), found
 * by walking up from `start`: this works from the source tree
 * (apps/cli/src/commands) and from the build (dist/apps/cli/src/commands).
 */
export function findVersion(start: string = __dirname): string | undefined {
  for (let directory = start; ; directory = dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no (readable) package.json here: keep walking up
    }
    if (dirname(directory) === directory) return undefined;
  }
}

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version of this tool',
  usage: 'kubelab version',
  description: 'Prints the version of the kubelab command-line tool.',
  options: {},
  run: ({ io }) => {
    const version = findVersion();
    if (version === undefined) {
      io.stderr(`kubelab: cannot find the version (no package.json named "${PACKAGE_NAME}" above ${__dirname})\n`);
      return Promise.resolve(1);
    }
    io.stdout(`kubelab ${version}\n`);
    return Promise.resolve(0);
  },
};
