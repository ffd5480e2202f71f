import { MemoryFileSystem } from './memory-fs';
import { controlPlaneFiles, seedFileSystem } from './node-files';
import { fsErrorLine, omittingDirectory } from './errors';

describe('MemoryFileSystem', () => {
  let now = 1000;
  const clock = () => now;

  it('creates, lists, reads and removes', () => {
    const fs = new MemoryFileSystem(clock);
    expect(fs.makeDirectory('/a/b', { parents: true })).toEqual({ ok: true, value: undefined });
    expect(fs.writeFile('/a/b/f.txt', 'héllo\n')).toEqual({ ok: true, value: undefined });
    expect(fs.stat('/a/b/f.txt')).toEqual({ ok: true, value: { type: 'file', size: 7, mtime: 1000, mode: 0o644 } });
    expect(fs.readDirectory('/a')).toEqual({ ok: true, value: ['b'] });
    expect(fs.readFile('/a/b')).toEqual({ ok: false, error: { code: 'EISDIR', path: '/a/b' } });
    expect(fs.remove('/a')).toEqual({ ok: false, error: { code: 'ENOTEMPTY', path: '/a' } });
    expect(fs.remove('/a', { recursive: true })).toEqual({ ok: true, value: undefined });
    expect(fs.readDirectory('/')).toEqual({ ok: true, value: [] });
  });

  it('reports ENOENT, ENOTDIR and EEXIST like the system calls', () => {
    const fs = new MemoryFileSystem(clock);
    fs.writeFile('/f', 'x');
    expect(fs.makeDirectory('/f')).toEqual({ ok: false, error: { code: 'EEXIST', path: '/f' } });
    expect(fs.makeDirectory('/f/x')).toEqual({ ok: false, error: { code: 'ENOTDIR', path: '/f/x' } });
    expect(fs.writeFile('/no/x', '')).toEqual({ ok: false, error: { code: 'ENOENT', path: '/no' } });
    expect(fs.stat('/f/x')).toEqual({ ok: false, error: { code: 'ENOTDIR', path: '/f/x' } });
  });

  it('renames trees and refuses a move into itself', () => {
    const fs = new MemoryFileSystem(clock);
    fs.makeDirectory('/d/e', { parents: true });
    fs.writeFile('/d/e/f', 'x');
    expect(fs.rename('/d', '/d/e/g')).toEqual({ ok: false, error: { code: 'EINVAL', path: '/d/e/g' } });
    expect(fs.rename('/d', '/z')).toEqual({ ok: true, value: undefined });
    expect(fs.readFile('/z/e/f')).toEqual({ ok: true, value: 'x' });
  });

  it('stops at the byte and file caps with ENOSPC', () => {
    const fs = new MemoryFileSystem(clock, { maxBytes: 10, maxFiles: 3 });
    expect(fs.writeFile('/a', '0123456789')).toEqual({ ok: true, value: undefined });
    expect(fs.writeFile('/a', 'x', { append: true })).toEqual({ ok: false, error: { code: 'ENOSPC', path: '/a' } });
    expect(fs.writeFile('/b', '')).toEqual({ ok: true, value: undefined });
    expect(fs.writeFile('/c', '')).toEqual({ ok: false, error: { code: 'ENOSPC', path: '/c' } });
    fs.remove('/a');
    expect(fs.writeFile('/c', '0123456789')).toEqual({ ok: true, value: undefined });
  });

  it('round-trips through a JSON snapshot', () => {
    const fs = new MemoryFileSystem(clock);
    seedFileSystem(
      fs,
      controlPlaneFiles({
        hostname: 'controlplane',
        nodeIP: '192.168.1.10',
        clusterServer: 'https://192.168.1.10:6443',
      }),
    );
    now = 5000;
    fs.writeFile('/root/notes.txt', 'a\n');
    const snapshot = JSON.parse(JSON.stringify(fs.snapshot()));
    const restored = MemoryFileSystem.restore(snapshot, clock);
    expect(restored.snapshot()).toEqual(fs.snapshot());
    expect(restored.readFile('/etc/hostname')).toEqual({ ok: true, value: 'controlplane\n' });
    expect(restored.stat('/root/notes.txt')).toEqual({
      ok: true,
      value: { type: 'file', size: 2, mtime: 5000, mode: 0o644 },
    });
    expect(restored.readDirectory('/etc/kubernetes/manifests')).toEqual({
      ok: true,
      value: ['etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml'],
    });
  });
});

describe('fs error lines', () => {
  const enoent = { code: 'ENOENT' as const, path: '/x' };
  it.each([
    ['cat', 'open', 'cat: x: No such file or directory\n'],
    ['ls', 'access', "ls: cannot access 'x': No such file or directory\n"],
    ['rm', 'remove', "rm: cannot remove 'x': No such file or directory\n"],
    ['mkdir', 'mkdir', 'mkdir: cannot create directory \u2018x\u2019: No such file or directory\n'],
    ['sed', 'sed', "sed: can't read x: No such file or directory\n"],
  ] as const)('%s %s', (tool, action, line) => {
    expect(fsErrorLine(tool, action, 'x', enoent)).toBe(line);
  });
  it('words busybox and GNU cp -r differently', () => {
    expect(fsErrorLine('ls', 'access', 'x', enoent, 'busybox')).toBe('ls: x: No such file or directory\n');
    expect(omittingDirectory('cp', 'd')).toBe("cp: -r not specified; omitting directory 'd'\n");
  });
});
