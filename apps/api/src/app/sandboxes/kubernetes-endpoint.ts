import { HttpException, Inject, Injectable } from '@nestjs/common';
import { type HttpRequest, type HttpResponse, isWatchRequest, statusFailure, statusResponse } from '@kubelab/cluster';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PATH_TOKEN_SEGMENT } from '../../common/cluster-paths';
import type { User } from '../../generated/prisma/client';
import { LOGGER } from '../../services/logger/logger.token';
import { AuditService } from '../audit/audit.service';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { SandboxAccess } from './sandbox-access';
import { sandboxHttpError } from './sandbox-http-errors';
import { hashClusterToken } from './sandbox-kubeconfig';
import type { SandboxSummary } from './sandbox-records';
import { SandboxService } from './sandbox.service';
import { SandboxStore } from './sandbox-store';

const READ_METHODS = new Set(['GET', 'HEAD']);

type Params = { id: string };

/** Who is calling and what they may do. */
type Grant = { summary: SandboxSummary; readOnly: boolean; path: string; user?: User } | { refusal: HttpResponse };

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

function isFormBody(request: FastifyRequest): boolean {
  return FORM_TYPES.test(request.headers['content-type'] ?? '');
}

const unauthorized = () => statusResponse(statusFailure(401, 'Unauthorized', 'Unauthorized'));
const notFound = () =>
  statusResponse(statusFailure(404, 'NotFound', 'the server could not find the requested resource'));

/**
 * `/clusters/:id/...`: the sandbox's Kubernetes API for a real kubectl (the
 * bearer token of its kubeconfig) or the signed-in browser (session cookie).
 * Instructors and admins may read a learner's cluster (audited), not change it.
 * Writes go through the sandbox's command queue and are stored before the answer.
 */
@Injectable()
export class KubernetesEndpoint {
  constructor(
    private readonly store: SandboxStore,
    private readonly access: SandboxAccess,
    private readonly sessions: SessionService,
    private readonly sandboxes: SandboxService,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  register(fastify: FastifyInstance): void {
    void fastify.register((instance, _options, done) => {
      // Bodies reach the cluster as they came: JSON, YAML, protobuf, patches.
      instance.removeAllContentTypeParsers();
      instance.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, parsed) => parsed(null, body));
      const handler = (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => this.serve(request, reply);
      instance.all('/clusters/:id', handler);
      instance.all('/clusters/:id/*', handler);
      done();
    });
  }

  private async serve(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<void> {
    const grant = await this.authorize(request);
    if ('refusal' in grant) return this.send(reply, grant.refusal);
    const kubeRequest = this.toKubeRequest(request, grant.path);
    if (grant.readOnly && !READ_METHODS.has(kubeRequest.method.toUpperCase())) {
      const who = grant.user?.email ?? 'system:anonymous';
      return this.send(
        reply,
        statusResponse(
          statusFailure(403, 'Forbidden', `User "${who}" cannot change another user's sandbox: access is read-only`),
        ),
      );
    }
    if (grant.user && !READ_METHODS.has(kubeRequest.method.toUpperCase()) && isFormBody(request)) {
      // A cookie rides along with a cross-site form; such a form can send only these content types.
      return this.send(
        reply,
        statusResponse(
          statusFailure(
            415,
            'UnsupportedMediaType',
            `the body of type ${request.headers['content-type'] ?? ''} is not supported`,
          ),
        ),
      );
    }
    try {
      if (isWatchRequest(kubeRequest)) return await this.watch(grant.summary, kubeRequest, reply);
      const response = await this.sandboxes.withLive(grant.summary, (live) => live.serveHttp(kubeRequest));
      return this.send(reply, response);
    } catch (error) {
      return this.send(reply, this.failure(error, request));
    }
  }

  private async authorize(request: FastifyRequest<{ Params: Params }>): Promise<Grant> {
    const id = request.params.id;
    const { token: pathToken, path } = this.splitPath(request);
    const bearer = pathToken ?? /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const summary = await this.store.findByTokenHash(hashClusterToken(bearer));
      if (!summary) return { refusal: unauthorized() };
      return summary.id === id ? { summary, readOnly: false, path } : { refusal: notFound() };
    }
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await this.sessions.userFor(token) : undefined;
    if (!user) return { refusal: unauthorized() };
    const summary = await this.store.find(id);
    if (!summary || !this.access.permits(summary, user, { kind: 'view', what: 'kubernetes-api' })) {
      return { refusal: notFound() };
    }
    if (summary.ownerId === user.id) return { summary, readOnly: false, path, user };
    await this.audit.record({
      action: 'sandbox.view',
      actorId: user.id,
      target: { type: 'sandbox', id },
      ip: request.ip,
      data: { ownerId: summary.ownerId, what: 'kubernetes-api', method: request.method, path },
    });
    return { summary, readOnly: true, path, user };
  }

  private async watch(summary: SandboxSummary, kubeRequest: HttpRequest, reply: FastifyReply): Promise<void> {
    const live = await this.sandboxes.live(summary);
    const raw = reply.raw;
    const stream = live.openWatch(kubeRequest, (line) => raw.write(line));
    if (!('stop' in stream)) return this.send(reply, stream);
    reply.hijack();
    raw.writeHead(stream.status, stream.headers);
    raw.flushHeaders();
    raw.on('close', () => stream.stop());
  }

  private toKubeRequest(request: FastifyRequest<{ Params: Params }>, path: string): HttpRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const kubeRequest: HttpRequest = { method: request.method, path, headers };
    if (Buffer.isBuffer(request.body) && request.body.length > 0) {
      kubeRequest.body = request.body.toString('utf8');
      kubeRequest.bodyBytes = new Uint8Array(request.body);
    }
    return kubeRequest;
  }

  /** The Kubernetes path after `/clusters/:id`, and the token before it if the kubeconfig put one there. */
  private splitPath(request: FastifyRequest<{ Params: Params }>): { token?: string; path: string } {
    const rest = request.url.slice(`/clusters/${request.params.id}`.length);
    const withToken = new RegExp(`^/${PATH_TOKEN_SEGMENT}/([^/?]+)(.*)$`).exec(rest);
    const path = withToken ? (withToken[2] ?? '') : rest;
    const normalised = path.startsWith('/') ? path : `/${path}`;
    return withToken?.[1] ? { token: withToken[1], path: normalised } : { path: normalised };
  }

  private failure(error: unknown, request: FastifyRequest): HttpResponse {
    const translated = sandboxHttpError(error);
    if (translated instanceof HttpException) {
      const status = translated.getStatus();
      const reason =
        { 404: 'NotFound', 409: 'Conflict', 429: 'TooManyRequests', 503: 'ServiceUnavailable' }[status] ?? 'BadRequest';
      return statusResponse(statusFailure(status, reason, translated.message));
    }
    this.logger.error({ err: error, method: request.method, url: request.url }, 'sandbox Kubernetes endpoint failed');
    return statusResponse(
      statusFailure(500, 'InternalError', 'Internal error occurred: the request could not be served'),
    );
  }

  private send(reply: FastifyReply, response: HttpResponse): void {
    void reply.status(response.status).headers(response.headers).send(response.body);
  }
}
