// Probes and lifecycle hooks: validateProbe and its liveness / readiness /
// startup variants, validateHandler and the actions of
// pkg/apis/core/validation.
import { fieldErrors, type FieldError, type FieldPath } from '../../../api/field-errors';
import { isRecord } from '../../../api/objects';
import { isHTTPHeaderName } from '../../../api/validation/names';
import { int, records, strings, text, type JsonRecord } from '../json';
import { validateNonnegative, validatePortNumOrName } from './common';

type ProbeKind = 'liveness' | 'readiness' | 'startup';

const HANDLER_KINDS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

export function validateProbe(
  probe: unknown,
  kind: ProbeKind,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  if (!isRecord(probe)) return [];
  const errors = validateHandler(probe, ['exec', 'httpGet', 'tcpSocket', 'grpc'], gracePeriod, path);
  for (const key of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errors.push(...validateNonnegative(int(probe[key]), path.child(key)));
  }
  const probeGrace = probe.terminationGracePeriodSeconds;
  if (typeof probeGrace === 'number' && probeGrace <= 0) {
    errors.push(
      fieldErrors.invalid(String(path.child('terminationGracePeriodSeconds')), probeGrace, 'must be greater than 0'),
    );
  }
  if (kind !== 'readiness' && int(probe.successThreshold) !== 1) {
    errors.push(fieldErrors.invalid(String(path.child('successThreshold')), int(probe.successThreshold), 'must be 1'));
  }
  if (kind === 'readiness' && typeof probeGrace === 'number') {
    errors.push(
      fieldErrors.invalid(
        String(path.child('terminationGracePeriodSeconds')),
        probeGrace,
        'must not be set for readinessProbes',
      ),
    );
  }
  return errors;
}

export function validateLifecycle(
  lifecycle: JsonRecord,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = lifecycle[hook];
    if (isRecord(handler))
      errors.push(
        ...validateHandler(handler, ['exec', 'httpGet', 'tcpSocket', 'sleep'], gracePeriod, path.child(hook)),
      );
  }
  return errors;
}

function validateHandler(
  handler: JsonRecord,
  allowed: ReadonlyArray<(typeof HANDLER_KINDS)[number]>,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  for (const kind of HANDLER_KINDS) {
    const action = handler[kind];
    if (!allowed.includes(kind) || !isRecord(action)) continue;
    if (count > 0) {
      errors.push(fieldErrors.forbidden(String(path.child(kind)), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errors.push(...validateAction(kind, action, gracePeriod, path.child(kind)));
  }
  if (count === 0) errors.push(fieldErrors.required(String(path), 'must specify a handler type'));
  return errors;
}

function validateAction(
  kind: (typeof HANDLER_KINDS)[number],
  action: JsonRecord,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  switch (kind) {
    case 'exec':
      return strings(action.command).length ? [] : [fieldErrors.required(String(path.child('command')))];
    case 'httpGet':
      return validateHttpGet(action, path);
    case 'tcpSocket':
      return validatePortNumOrName(action.port, path.child('port'));
    case 'grpc':
      return validatePortNumOrName(int(action.port), path.child('port'));
    case 'sleep': {
      const seconds = int(action.seconds);
      if (gracePeriod === undefined || (seconds > 0 && seconds <= gracePeriod)) return [];
      return [
        fieldErrors.invalid(
          String(path),
          seconds,
          `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
        ),
      ];
    }
  }
}

function validateHttpGet(action: JsonRecord, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!text(action.path)) errors.push(fieldErrors.required(String(path.child('path'))));
  errors.push(...validatePortNumOrName(action.port, path.child('port')));
  const scheme = text(action.scheme);
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') {
    errors.push(fieldErrors.notSupported(String(path.child('scheme')), scheme, ['HTTP', 'HTTPS']));
  }
  for (const header of records(action.httpHeaders)) {
    const name = text(header.name);
    for (const message of isHTTPHeaderName(name)) {
      errors.push(fieldErrors.invalid(String(path.child('httpHeaders')), name, message));
    }
  }
  return errors;
}
