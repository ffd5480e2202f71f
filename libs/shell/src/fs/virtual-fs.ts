// The contract of the sandbox's virtual filesystem (implemented in memory-fs.ts).
export type FileType = 'file' | 'directory';

export interface FileStat {
  type: FileType;
  size: number;
  /** Epoch ms of the last change. */
  mtime: number;
  /** Permission bits, e.g. 0o644. */
  mode: number;
}

/** A failure as the system call reports it: errno code plus path. */
export interface FsError {
  code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EINVAL' | 'ENOSPC';
  path: string;
}

export type FsResult<T> = { ok: true; value: T } | { ok: false; error: FsError };

/** Absolute, normalised paths only; callers resolve against their working directory first. */
export interface VirtualFileSystem {
  stat(path: string): FsResult<FileStat>;
  readFile(path: string): FsResult<string>;
  writeFile(path: string, text: string, options?: { append?: boolean; mode?: number }): FsResult<void>;
  readDirectory(path: string): FsResult<string[]>;
  makeDirectory(path: string, options?: { parents?: boolean }): FsResult<void>;
  remove(path: string, options?: { recursive?: boolean }): FsResult<void>;
  rename(from: string, to: string): FsResult<void>;
}
