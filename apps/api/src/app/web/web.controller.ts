import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../../common/public.decorator';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';

/**
 * The browser app's client-side routes: any GET that is not an API path or a
 * file gets index.html (files themselves are served by @fastify/static).
 */
@Public()
@Controller()
export class WebController {
  private readonly hasWebApp: boolean;

  constructor(@Inject(CONFIGURATION) configuration: Configuration) {
    this.hasWebApp = configuration.webDir !== undefined && existsSync(join(configuration.webDir, 'index.html'));
  }

  @Get('*')
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) {
      throw new NotFoundException(`Cannot GET ${path}`);
    }
    if (!this.hasWebApp) throw new NotFoundException('The web app is not built: run `npm run build`');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
}
