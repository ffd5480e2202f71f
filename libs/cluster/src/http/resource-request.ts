// From an HTTP request on a resource path to the cluster's request: the verb
// from the method (and whether a name is given), the query's options, the
// decoded body, DeleteOptions folded into the query, the patch type from the
// Content-Type.
import type { ApiRequest, RequestQuery, Verb } from '../api/request';
import type { HttpRequest, HttpResponse } from './http-types';
import { header, patchTypeOf, SUPPORTED_PATCH_TYPES } from './media-types';
import { decodeProtobufObject, isProtobufEnvelope } from './protobuf/decode-object';
import { parseBool, requestQuery, type QueryValues } from './query-string';
import { badRequest, methodNotAllowed, statusFailure, statusResponse } from './responses';
import type { ResourceTarget } from './routes';

/** A body in a media type the server does not read. */
class UnsupportedBody extends Error {}

export function isWatch(method: string, values: QueryValues): boolean {
  return method.toUpperCase() === 'GET' && parseBool(values.get('watch')) === true;
}

function verbOf(method: string, target: ResourceTarget): Verb | undefined {
  const named = target.name !== undefined;
  switch (method.toUpperCase()) {
    case 'GET':
      return named ? 'get' : 'list';
    case 'POST':
      return named && target.subresource === undefined ? undefined : 'create';
    case 'PUT':
      return named ? 'update' : undefined;
    case 'PATCH':
      return named ? 'patch' : undefined;
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

export function toApiRequest(
  request: HttpRequest,
  target: ResourceTarget,
  values: QueryValues,
): ApiRequest | HttpResponse {
  const verb = verbOf(request.method, target);
  if (!verb) return methodNotAllowed();
  const apiRequest: ApiRequest = { verb, ...target };
  const query = requestQuery(values);
  const contentType = header(request.headers, 'content-type');
  const body = decodeBody(request, contentType);
  if (body instanceof UnsupportedBody) return unsupportedBody();
  if (body instanceof Error) return badRequest(body.message);
  if (verb === 'delete' || verb === 'deletecollection') {
    const refused = foldDeleteOptions(query, body);
    if (refused) return refused;
  } else if (body !== undefined) {
    apiRequest.body = body;
  }
  if (verb === 'patch') {
    const patchType = patchTypeOf(contentType);
    if (!patchType) return unsupportedMediaType();
    apiRequest.patchType = patchType;
  }
  if (Object.keys(query).length) apiRequest.query = query;
  return apiRequest;
}

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

function mediaType(contentType: string | undefined): string {
  return (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** JSON (and patch) bodies; YAML and other types are refused as the server refuses unknown types. */
function isJsonContent(contentType: string | undefined): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || type === '' || patchTypeOf(type) !== undefined;
}

function unsupportedBody(): HttpResponse {
  return statusResponse(
    statusFailure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    ),
  );
}

function decodeBody(request: HttpRequest, contentType: string | undefined): unknown {
  const text = request.body;
  const bytes = request.bodyBytes;
  if (mediaType(contentType) === PROTOBUF && bytes?.length) {
    return isProtobufEnvelope(bytes) ? decodeProtobufObject(bytes) : new Error('invalid protobuf envelope');
  }
  if (text === undefined || text.trim() === '') return undefined;
  if (!isJsonContent(contentType)) return new UnsupportedBody();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return new Error(`the body of the request was in an unknown format - ${(error as Error).message}`);
  }
}

/** kubectl sends DeleteOptions in the body; the cluster takes them as query options. */
function foldDeleteOptions(query: RequestQuery, body: unknown): HttpResponse | undefined {
  if (body === undefined) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest('DeleteOptions must be an object');
  }
  const options = body as Record<string, unknown>;
  const policy = options['propagationPolicy'];
  if (policy === 'Orphan' || policy === 'Background' || policy === 'Foreground') query.propagationPolicy = policy;
  else if (options['orphanDependents'] === true) query.propagationPolicy = 'Orphan';
  const grace = options['gracePeriodSeconds'];
  if (typeof grace === 'number' && Number.isInteger(grace)) query.gracePeriodSeconds = grace;
  const dryRun = options['dryRun'];
  if (Array.isArray(dryRun) && dryRun.includes('All')) query.dryRun = 'All';
  return undefined;
}

function unsupportedMediaType(): HttpResponse {
  return statusResponse(
    statusFailure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${SUPPORTED_PATCH_TYPES.join(', ')}`,
    ),
  );
}
