// apierrors.HasStatusCause(err, v1.NamespaceTerminatingCause): a create the
// NamespaceLifecycle admission refused because the namespace is going away.
import type { ApiError } from '../../api/errors';

export function isNamespaceTerminating(error: ApiError): boolean {
  return (
    (error.status.details?.causes?.some((cause) => cause.reason === 'NamespaceTerminating') ?? false) ||
    (error.status.message ?? '').includes('because it is being terminated')
  );
}
