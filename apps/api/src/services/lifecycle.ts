import { Injectable } from '@nestjs/common';

/** Whether the server is stopping: readiness fails first so load balancers drain it. */
@Injectable()
export class Lifecycle {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beginShutdown(): void {
    this.stopping = true;
  }
}
