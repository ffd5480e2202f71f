// Compiles a Node project (an app and the libraries it imports) with SWC into
// dist/, keeping the source tree's layout so relative imports keep working.
// SWC (unlike esbuild) emits decorator metadata, which Nest's injector needs.
// Type checking is a separate step: `npm run typecheck`.
import { transformFile } from '@swc/core';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: node tools/build-node.mjs <project-root>');
  process.exit(2);
}
const workspaceRoot = process.cwd();
const outRoot = join(workspaceRoot, 'dist');
const sourceRoots = [join(projectRoot, 'src')];
for (const lib of await readdir('libs').catch(() => [])) sourceRoots.push(join('libs', lib, 'src'));

async function* typescriptFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(path);
    else if (entry.name.endsWith('.ts') && !/\.(spec|testing)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      yield path;
  }
}

// Library imports such as `@kubelab/cluster` are rewritten to relative paths.
const { compilerOptions } = JSON.parse(await readFile('tsconfig.base.json', 'utf8'));
const options = {
  jsc: {
    baseUrl: workspaceRoot,
    paths: compilerOptions.paths ?? {},
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

await rm(join(outRoot, projectRoot), { recursive: true, force: true });
let count = 0;
for (const root of sourceRoots) {
  for await (const file of typescriptFiles(root)) {
    const out = join(outRoot, file.replace(/\.ts$/, '.js'));
    const result = await transformFile(file, {
      ...options,
      filename: file,
      sourceFileName: relative(dirname(out), file),
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${result.code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (result.map) await writeFile(`${out}.map`, result.map);
    count += 1;
  }
}
console.log(`built ${projectRoot}: ${count} files -> dist/`);
