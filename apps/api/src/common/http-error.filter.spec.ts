import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import pino from 'pino';
import { HttpErrorFilter } from './http-error.filter';

function capture() {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    sent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    header() {
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method: 'GET', url: '/x' }) }),
  } as unknown as ArgumentsHost;
  return { sent, host };
}

describe('HttpErrorFilter', () => {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  const filter = new HttpErrorFilter(logger);

  it('keeps the status and message of HTTP errors', () => {
    const { sent, host } = capture();
    filter.catch(new NotFoundException('User 7 not found'), host);
    expect(sent).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'User 7 not found' } });
  });

  it('passes validation issues through', () => {
    const { sent, host } = capture();
    filter.catch(
      new BadRequestException({ message: 'Invalid request body', issues: [{ path: 'a', message: 'b' }] }),
      host,
    );
    expect(sent.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request body',
      issues: [{ path: 'a', message: 'b' }],
    });
  });

  it('answers unexpected errors with a bare 500 and logs the stack', () => {
    const { sent, host } = capture();
    filter.catch(new TypeError("Cannot read properties of undefined (reading 'secret')"), host);
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(lines.at(-1)).toContain('TypeError');
    expect(lines.at(-1)).toContain('"stack"');
  });

  it('keeps the 4xx status of Fastify client errors', () => {
    const { sent, host } = capture();
    const error = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    filter.catch(error, host);
    expect(sent.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' });
  });
});
