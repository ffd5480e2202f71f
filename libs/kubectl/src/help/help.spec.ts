import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flagSpecs, renderHelp, renderOptions } from './help';

const recorded = join(__dirname, '../../fixtures/help');
const files = readdirSync(recorded).filter((file) => file.endsWith('.txt') && file !== 'options.txt');

describe('kubectl --help', () => {
  it.each(files)('renders %s exactly as kubectl v1.32', (file) => {
    const path = file === 'kubectl.txt' ? '' : file.replace(/\.txt$/, '').replaceAll('_', ' ');
    expect(renderHelp(path)).toBe(readFileSync(join(recorded, file), 'utf8'));
  });

  it('renders `kubectl options`', () => {
    expect(renderOptions()).toBe(readFileSync(join(recorded, 'options.txt'), 'utf8'));
  });

  it('types flags from their defaults', () => {
    const get = new Map(flagSpecs('get').map((spec) => [spec.name, spec]));
    expect(get.get('all-namespaces')).toMatchObject({ shorthand: 'A', type: 'bool', default: false });
    expect(get.get('chunk-size')).toMatchObject({ type: 'int64', default: 500 });
    expect(get.get('label-columns')).toMatchObject({ shorthand: 'L', type: 'stringSlice', default: [] });
    expect(get.get('namespace')).toMatchObject({ shorthand: 'n', type: 'string', default: '' });
    const run = new Map(flagSpecs('run').map((spec) => [spec.name, spec]));
    expect(run.get('env')).toMatchObject({ type: 'stringArray' });
    expect(run.get('dry-run')).toMatchObject({ type: 'string', default: 'none', noOptDefault: 'unchanged' });
  });
});
