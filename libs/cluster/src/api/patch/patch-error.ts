// A patch that cannot be applied, carrying the Status the API server answers
// with. k8s.io/apiserver/pkg/endpoints/handlers/patch.go picks the code: bad
// patch documents are 400 BadRequest, JSON patch operations that fail are a
// generic 422 (whose message hides the library's text), and errors it does not
// interpret reach the client as a bare 500 without a reason.
import type { Status, StatusDetails } from '../objects';

export interface PatchErrorInit {
  code: number;
  message: string;
  /** Absent for Go errors that were never turned into a Status. */
  reason?: string;
  details?: StatusDetails;
  /** The patch library's own text when the Status message does not show it. */
  detail?: string;
}

export class PatchError extends Error {
  readonly code: number;
  readonly reason: string | undefined;
  readonly details: StatusDetails | undefined;
  /** What evanphx/json-patch or strategicpatch said, whether or not the client sees it. */
  readonly detail: string;

  constructor(init: PatchErrorInit) {
    super(init.message);
    this.name = 'PatchError';
    this.code = init.code;
    this.reason = init.reason;
    this.details = init.details;
    this.detail = init.detail ?? init.message;
  }

  /** The Status body, fields in the order Go serializes them. */
  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
      ...(this.details !== undefined ? { details: { ...this.details } } : {}),
      code: this.code,
    };
  }
}

export const patchErrors = {
  /** errors.NewBadRequest */
  badRequest: (message: string): PatchError => new PatchError({ code: 400, reason: 'BadRequest', message }),

  /** errors.NewGenericServerResponse(422, ...): the library's message is dropped. */
  rejected: (detail: string): PatchError =>
    new PatchError({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      details: {},
      detail,
    }),

  /** errors.NewRequestEntityTooLargeError */
  tooLarge: (message: string): PatchError =>
    new PatchError({ code: 413, reason: 'RequestEntityTooLarge', message: `Request entity too large: ${message}` }),

  /** A plain Go error: responsewriters.ErrorToAPIStatus makes it a 500 with no reason. */
  unexpected: (message: string): PatchError => new PatchError({ code: 500, message }),
};
