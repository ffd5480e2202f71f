// The sandbox's filesystem held in memory: a map from absolute path to node,
// with caps on total bytes and file count so a learner's `yes > f` ends with
// ENOSPC instead of exhausting the browser.
import type { FileStat, FsError, FsResult, VirtualFileSystem } from './virtual-fs';

interface FileNode {
  type: 'file';
  text: string;
  mode: number;
  mtime: number;
}

interface DirectoryNode {
  type: 'directory';
  mode: number;
  mtime: number;
}

type FsNode = FileNode | DirectoryNode;

export interface FsLimits {
  maxBytes: number;
  maxFiles: number;
}

/** The JSON form of a filesystem: every node by path, in insertion order. */
export interface FsSnapshot {
  limits: FsLimits;
  nodes: Array<[string, FsNode]>;
}

export const DEFAULT_FS_LIMITS: FsLimits = { maxBytes: 8 * 1024 * 1024, maxFiles: 2000 };

const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const fail = <T>(code: FsError['code'], path: string): FsResult<T> => ({ ok: false, error: { code, path } });

function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** UTF-8 length, as `ls -l` and `wc -c` count bytes. */
export function byteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export class MemoryFileSystem implements VirtualFileSystem {
  private readonly nodes = new Map<string, FsNode>();
  private bytes = 0;

  constructor(
    private readonly now: () => number,
    readonly limits: FsLimits = DEFAULT_FS_LIMITS,
  ) {
    this.nodes.set('/', { type: 'directory', mode: 0o755, mtime: now() });
  }

  static restore(snapshot: FsSnapshot, now: () => number): MemoryFileSystem {
    const fs = new MemoryFileSystem(now, snapshot.limits);
    fs.nodes.clear();
    for (const [path, node] of snapshot.nodes) {
      fs.nodes.set(path, { ...node });
      if (node.type === 'file') fs.bytes += byteLength(node.text);
    }
    return fs;
  }

  snapshot(): FsSnapshot {
    return { limits: { ...this.limits }, nodes: [...this.nodes].map(([path, node]) => [path, { ...node }]) };
  }

  stat(path: string): FsResult<FileStat> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    const node = found.value;
    const size = node.type === 'file' ? byteLength(node.text) : 4096;
    return ok({ type: node.type, size, mtime: node.mtime, mode: node.mode });
  }

  readFile(path: string): FsResult<string> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    return found.value.type === 'file' ? ok(found.value.text) : fail('EISDIR', path);
  }

  writeFile(path: string, text: string, options: { append?: boolean; mode?: number } = {}): FsResult<void> {
    const parent = this.lookup(parentOf(path));
    if (!parent.ok) return parent;
    if (parent.value.type !== 'directory') return fail('ENOTDIR', path);
    const existing = this.nodes.get(path);
    if (existing?.type === 'directory') return fail('EISDIR', path);
    if (!existing && this.fileCount() >= this.limits.maxFiles) return fail('ENOSPC', path);
    const previous = existing?.text ?? '';
    const next = options.append ? previous + text : text;
    const growth = byteLength(next) - byteLength(previous);
    if (this.bytes + growth > this.limits.maxBytes) return fail('ENOSPC', path);
    this.bytes += growth;
    const mtime = this.now();
    this.nodes.set(path, { type: 'file', text: next, mode: existing?.mode ?? options.mode ?? 0o644, mtime });
    if (!existing) parent.value.mtime = mtime;
    return ok(undefined);
  }

  readDirectory(path: string): FsResult<string[]> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    if (found.value.type !== 'directory') return fail('ENOTDIR', path);
    const prefix = path === '/' ? '/' : `${path}/`;
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key !== '/' && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) {
        names.push(key.slice(prefix.length));
      }
    }
    return ok(names.sort());
  }

  makeDirectory(path: string, options: { parents?: boolean } = {}): FsResult<void> {
    const existing = this.nodes.get(path);
    if (existing) return options.parents && existing.type === 'directory' ? ok(undefined) : fail('EEXIST', path);
    const parentPath = parentOf(path);
    const parent = this.nodes.get(parentPath);
    if (!parent) {
      if (!options.parents) return fail('ENOENT', path);
      const made = this.makeDirectory(parentPath, options);
      if (!made.ok) return made;
    } else if (parent.type !== 'directory') return fail('ENOTDIR', path);
    else if (this.checkAncestors(parentPath)) return fail('ENOTDIR', path);
    if (this.fileCount() >= this.limits.maxFiles) return fail('ENOSPC', path);
    const mtime = this.now();
    this.nodes.set(path, { type: 'directory', mode: 0o755, mtime });
    const parentNode = this.nodes.get(parentPath);
    if (parentNode) parentNode.mtime = mtime;
    return ok(undefined);
  }

  remove(path: string, options: { recursive?: boolean } = {}): FsResult<void> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    if (path === '/') return fail('EACCES', path);
    if (found.value.type === 'directory') {
      const children = [...this.nodes.keys()].filter((key) => key.startsWith(`${path}/`));
      if (children.length > 0 && !options.recursive) return fail('ENOTEMPTY', path);
      for (const child of children) this.drop(child);
    }
    this.drop(path);
    const parent = this.nodes.get(parentOf(path));
    if (parent) parent.mtime = this.now();
    return ok(undefined);
  }

  rename(from: string, to: string): FsResult<void> {
    const source = this.lookup(from);
    if (!source.ok) return source;
    if (from === to) return ok(undefined);
    if (to.startsWith(`${from}/`)) return fail('EINVAL', to);
    const parent = this.lookup(parentOf(to));
    if (!parent.ok) return parent;
    if (parent.value.type !== 'directory') return fail('ENOTDIR', to);
    const target = this.nodes.get(to);
    if (target) {
      if (target.type === 'directory' && source.value.type !== 'directory') return fail('EISDIR', to);
      if (target.type !== 'directory' && source.value.type === 'directory') return fail('ENOTDIR', to);
      if (target.type === 'directory' && [...this.nodes.keys()].some((key) => key.startsWith(`${to}/`))) {
        return fail('ENOTEMPTY', to);
      }
      this.drop(to);
    }
    const moved = [...this.nodes].filter(([key]) => key === from || key.startsWith(`${from}/`));
    for (const [key, node] of moved) {
      this.nodes.delete(key);
      this.nodes.set(to + key.slice(from.length), node);
    }
    const mtime = this.now();
    for (const dir of [parentOf(from), parentOf(to)]) {
      const node = this.nodes.get(dir);
      if (node) node.mtime = mtime;
    }
    return ok(undefined);
  }

  /** Sets permission bits and/or the modification time (chmod, touch). */
  setAttributes(path: string, attributes: { mode?: number; mtime?: number }): FsResult<void> {
    const found = this.lookup(path);
    if (!found.ok) return found;
    if (attributes.mode !== undefined) found.value.mode = attributes.mode;
    if (attributes.mtime !== undefined) found.value.mtime = attributes.mtime;
    return ok(undefined);
  }

  private lookup(path: string): FsResult<FsNode> {
    const node = this.nodes.get(path);
    if (node) return ok(node);
    return fail(this.checkAncestors(path) ? 'ENOTDIR' : 'ENOENT', path);
  }

  /** Whether some ancestor of `path` is a file (ENOTDIR rather than ENOENT). */
  private checkAncestors(path: string): boolean {
    for (let dir = parentOf(path); dir !== '/'; dir = parentOf(dir)) {
      const node = this.nodes.get(dir);
      if (node) return node.type !== 'directory';
    }
    return false;
  }

  private drop(path: string): void {
    const node = this.nodes.get(path);
    if (node?.type === 'file') this.bytes -= byteLength(node.text);
    this.nodes.delete(path);
  }

  private fileCount(): number {
    return this.nodes.size;
  }
}
