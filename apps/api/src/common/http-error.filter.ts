import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

const reasonPhrase = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/**
 * Turns every error into an ErrorBody. Unexpected errors are logged with
 * their stack and answered with a bare 500: no stack or internals leak.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (reply.sent) return;
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const message = Array.isArray(fields['message'])
        ? fields['message'].join('; ')
        : typeof fields['message'] === 'string'
          ? fields['message']
          : exception.message;
      return {
        statusCode: status,
        error: reasonPhrase(status),
        message,
        ...(Array.isArray(fields['issues']) ? { issues: fields['issues'] as ErrorBody['issues'] } : {}),
      };
    }
    const fastifyStatus = fastifyClientErrorStatus(exception);
    if (fastifyStatus) {
      return { statusCode: fastifyStatus, error: reasonPhrase(fastifyStatus), message: (exception as Error).message };
    }
    this.logger.error({ err: exception, method: request.method, url: request.url }, 'unhandled error');
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

/** Fastify's own client errors (bad JSON, body too large...) carry a 4xx statusCode. */
function fastifyClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { statusCode, code } = exception as Error & { statusCode?: unknown; code?: unknown };
  return typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof code === 'string' &&
    code.startsWith('FST_')
    ? statusCode
    : undefined;
}
