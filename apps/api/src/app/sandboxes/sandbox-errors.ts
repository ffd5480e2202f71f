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
