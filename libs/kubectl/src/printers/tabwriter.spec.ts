import { kubectlTabWriter, TabWriter } from './tabwriter';

function format(text: string, writer = kubectlTabWriter()): string {
  writer.write(text);
  return writer.flush();
}

describe('TabWriter (Go text/tabwriter)', () => {
  it('aligns columns with kubectl settings (minwidth 6, padding 3)', () => {
    expect(format('NAME\tREADY\tAGE\nweb-1\t1/1\t5s\n')).toBe('NAME    READY   AGE\nweb-1   1/1     5s\n');
  });

  it('does not align the last cell of a line and ends blocks at lines without that column', () => {
    const text = 'a\tb\tc\naaaa\tbbbbbbbbbb\nx\n1\t2\n';
    const plain = new TabWriter({ minWidth: 6, tabWidth: 4, padding: 3, padChar: ' ' });
    expect(format(text, plain)).toBe('a      b     c\naaaa   bbbbbbbbbb\nx\n1     2\n');
    // kubectl's writer remembers the first block's width for later blocks.
    expect(format(text)).toBe('a      b     c\naaaa   bbbbbbbbbb\nx\n1      2\n');
  });

  it('pads empty cells and keeps text after the last newline', () => {
    expect(format('\tx\t\nlonger-name\ty\t\ntail')).toBe('              x     \nlonger-name   y     \ntail');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(format('héllo\tx\nab\ty\n', new TabWriter({ minWidth: 0, tabWidth: 8, padding: 1, padChar: '.' }))).toBe(
      'héllo.x\nab....y\n',
    );
  });
});

describe('RememberWidths (kubectl get -w)', () => {
  it('keeps columns at least as wide as in earlier flushes', () => {
    const writer = kubectlTabWriter();
    writer.write('NAME\tSTATUS\tAGE\nweb\tPending\t0s\n');
    expect(writer.flush()).toBe('NAME   STATUS    AGE\nweb    Pending   0s\n');
    writer.write('web\tContainerCreating\t0s\n');
    expect(writer.flush()).toBe('web    ContainerCreating   0s\n');
    writer.write('web\tRunning\t2s\n');
    expect(writer.flush()).toBe('web    Running             2s\n');
  });
});
