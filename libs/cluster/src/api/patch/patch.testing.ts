// Spec helper of the patch appliers.
import { PatchError } from './patch-error';

/** The PatchError `run` throws; any other outcome fails the test. */
export function patchFailure(run: () => unknown): PatchError {
  try {
    run();
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
  throw new Error('expected a PatchError');
}
