// The API server's failures as k8s.io/apimachinery/pkg/api/errors builds them:
// one Status shape, the same reasons, codes and message wording.
import type { FieldError } from './field-errors';
import { fieldErrorBody, fieldErrorMessage } from './field-errors';
import type { Status, StatusDetails } from './objects';

/** A resource as errors name it: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** A kind as Invalid errors name it: `Service`, `Deployment.apps`. */
export interface GroupKind {
  group: string;
  kind: string;
}

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }
}

export function qualifiedResource({ group, resource }: GroupResource): string {
  return group ? `${resource}.${group}` : resource;
}

function qualifiedKind({ group, kind }: GroupKind): string {
  return group ? `${kind}.${group}` : kind;
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new ApiError(status);
}

function resourceDetails(gr: GroupResource, name: string): StatusDetails {
  const details: StatusDetails = { name };
  if (gr.group) details.group = gr.group;
  details.kind = gr.resource;
  return details;
}

export const apiErrors = {
  notFound: (gr: GroupResource, name: string): ApiError =>
    failure(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, resourceDetails(gr, name)),

  alreadyExists: (gr: GroupResource, name: string): ApiError =>
    failure(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, resourceDetails(gr, name)),

  /** generateName collided: the server asks the client to retry. */
  generateNameConflict: (gr: GroupResource, name: string): ApiError =>
    failure(
      409,
      'AlreadyExists',
      `${qualifiedResource(gr)} "${name}" already exists, the server was not able to generate a unique name for the object`,
      { ...resourceDetails(gr, name), retryAfterSeconds: 1 },
    ),

  conflict: (gr: GroupResource, name: string, detail: string): ApiError =>
    failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${detail}`,
      resourceDetails(gr, name),
    ),

  /** An object changed under an update that named an older resourceVersion. */
  staleUpdate: (gr: GroupResource, name: string): ApiError =>
    apiErrors.conflict(
      gr,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    ),

  invalid: (gk: GroupKind, name: string, errors: readonly FieldError[]): ApiError => {
    // field.ErrorList.ToAggregate drops repeated messages.
    const unique = errors.filter(
      (error, index) => errors.findIndex((other) => fieldErrorMessage(other) === fieldErrorMessage(error)) === index,
    );
    const causes = unique.map((error) => ({
      reason: error.type,
      message: fieldErrorBody(error),
      field: error.field,
    }));
    const messages = unique.map(fieldErrorMessage);
    // utilerrors.NewAggregate: one error prints bare, several in brackets.
    const aggregate = messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
    const details: StatusDetails = { name };
    if (gk.group) details.group = gk.group;
    details.kind = gk.kind;
    details.causes = causes;
    return failure(422, 'Invalid', `${qualifiedKind(gk)} "${name}" is invalid: ${aggregate}`, details);
  },

  forbidden: (gr: GroupResource, name: string, reason: string): ApiError => {
    const subject = name ? `${qualifiedResource(gr)} "${name}"` : qualifiedResource(gr);
    return failure(403, 'Forbidden', `${subject} is forbidden: ${reason}`, resourceDetails(gr, name));
  },

  badRequest: (message: string): ApiError => failure(400, 'BadRequest', message),

  methodNotSupported: (gr: GroupResource, verb: string): ApiError =>
    failure(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualifiedResource(gr)}"`, {
      ...(gr.group ? { group: gr.group } : {}),
      kind: gr.resource,
    }),

  /** The request's resource is not served at all (a 404 without details). */
  resourceNotFound: (): ApiError => failure(404, 'NotFound', 'the server could not find the requested resource', {}),

  unsupportedMediaType: (contentType: string): ApiError =>
    failure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; received: ${contentType}`,
    ),

  unprocessable: (message: string): ApiError => failure(422, 'Invalid', message),

  internal: (message: string): ApiError =>
    failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }),
};

export function successStatus(details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) status.details = details;
  return status;
}
