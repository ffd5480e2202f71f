// The layouts of the real tools' progress output, recorded by
// fixtures/record-layouts.sh, against ours (speeds and dates masked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curl } from './curl/curl';
import { ToolLab } from './run-tool.testing';
import { gnuWget } from './wget/wget-gnu';

function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

function mask(text: string): string {
  return text
    .replace(/ +[0-9.]+[kKMG]?=0s/g, ' SPEED=0s')
    .replace(/\([0-9.]+ [KMG]?B\/s\)/g, '(SPEED)')
    .replace(/\d{4}-\d{2}-\d{2} [\d:]{8}/g, 'DATE');
}

describe('progress layouts, as the real tools print them', () => {
  const lab = new ToolLab();

  it('curl: the meter of a refused connection', async () => {
    const result = await lab.run(curl, ['curl', 'http://127.0.0.1:9/']);
    expect(result.stderr.replace(/after 0 ms: .*/, 'after 0 ms: REASON')).toBe(fixture('curl-refused.stderr.txt'));
  });

  it('curl: the meter of a small download', async () => {
    lab.listeners.set('127.0.0.1:18088', {
      kind: 'http',
      handle: () => ({ status: 200, reason: 'OK', headers: [['Content-Length', '12']], body: 'hello world\n' }),
    });
    const result = await lab.run(curl, ['curl', 'http://127.0.0.1:18088/small.txt']);
    const masked = result.stderr.replace(
      /(100 +\d+ +100 +\d+ +0 +0 {2}).{5}( {2}.{5} --:--:-- --:--:-- --:--:-- ).{5}$/m,
      '$1SPEED$2SPEED',
    );
    expect(masked).toBe(fixture('curl-small.stderr.txt'));
  });

  it('wget: the dot progress of a small and a 6.6K download', async () => {
    for (const [size, file] of [
      [12, 'wget-small.stderr.txt'],
      [6756, 'wget-big.stderr.txt'],
    ] as const) {
      lab.listeners.set('127.0.0.1:18089', {
        kind: 'http',
        handle: () => ({
          status: 200,
          reason: 'OK',
          headers: [['Content-type', 'text/plain']],
          body: size === 12 ? 'hello world\n' : 'x'.repeat(size),
        }),
      });
      const url = `http://127.0.0.1:18089/${size === 12 ? 'small' : 'big'}.txt`;
      const result = await lab.run(gnuWget, ['wget', '-O', '/dev/null', url]);
      expect(mask(result.stderr)).toBe(fixture(file));
    }
  });
});
