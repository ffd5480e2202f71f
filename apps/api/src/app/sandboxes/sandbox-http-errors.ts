import {
  ConflictException,
  HttpException,
  HttpStatus,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { QueueFullError } from './command-queue';
import { SANDBOX_NOT_FOUND } from './sandbox-access';
import { SandboxBrokenError, SandboxElsewhereError, SandboxGoneError, UnsavedChangeError } from './sandbox-errors';

/** What the sandbox's errors mean to an HTTP client; unknown errors pass through (a 500 without details). */
export function sandboxHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof SandboxGoneError) return new NotFoundException(SANDBOX_NOT_FOUND);
  if (error instanceof SandboxBrokenError) {
    return new ConflictException(
      `This sandbox's saved state could not be restored (${error.reason}). Reset it to start again, or delete it.`,
    );
  }
  if (error instanceof SandboxElsewhereError) {
    return new ConflictException('This sandbox is open on another server instance; try again in a few seconds.');
  }
  if (error instanceof QueueFullError) {
    return new HttpException(
      `Too many commands are waiting for this sandbox (at most ${error.limit}); wait for them to finish.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  if (error instanceof UnsavedChangeError) {
    return new ServiceUnavailableException(
      error.reason === 'lease-lost'
        ? 'This sandbox was taken over by another server instance; the command was not saved. Run it again.'
        : 'The sandbox could not be saved, so the command was undone. Run it again.',
    );
  }
  return error;
}

export async function withSandboxErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw sandboxHttpError(error);
  }
}
