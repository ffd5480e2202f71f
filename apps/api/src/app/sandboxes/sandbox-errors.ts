/** The sandbox's stored state cannot be restored; only a reset or a delete helps. */
export class SandboxBrokenError extends Error {
  constructor(readonly reason: string) {
    super(`the sandbox's saved state could not be restored: ${reason}`);
    this.name = 'SandboxBrokenError';
  }
}

/** Another server instance holds the sandbox's lease. */
export class SandboxElsewhereError extends Error {
  constructor() {
    super('the sandbox is open on another server instance');
    this.name = 'SandboxElsewhereError';
  }
}

/** The sandbox was deleted while it was being opened. */
export class SandboxGoneError extends Error {
  constructor() {
    super('the sandbox no longer exists');
    this.name = 'SandboxGoneError';
  }
}

/** The change could not be stored: the sandbox in memory is ahead of the database and must be dropped. */
export class UnsavedChangeError extends Error {
  constructor(
    readonly reason: 'lease-lost' | 'database',
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'lease-lost'
        ? 'this sandbox was taken over by another server instance'
        : 'the sandbox could not be saved',
      options,
    );
    this.name = 'UnsavedChangeError';
  }
}

/** The sandbox left memory after the caller found it: load it again. */
export class SandboxEvictedError extends Error {
  constructor() {
    super('the sandbox left memory');
    this.name = 'SandboxEvictedError';
  }
}
