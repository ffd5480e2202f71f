// pkg/controller/serviceaccount (ServiceAccountsController): every active
// namespace has a `default` ServiceAccount, created again if deleted.
import { ApiError } from '../api/errors';
import { isRecord } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { isNamespaceTerminating } from './namespace/terminating';

/** serviceAccountsToEnsure. */
const ENSURED = ['default'];

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount';

  keysFor(event: StoreEvent): readonly string[] {
    const { object } = event;
    if (event.resource === keyOf(RESOURCES.namespaces)) {
      return event.type === 'DELETED' ? [] : [object.metadata.name ?? ''];
    }
    if (event.resource === keyOf(RESOURCES.serviceaccounts) && event.type === 'DELETED') {
      return ENSURED.includes(object.metadata.name ?? '') ? [object.metadata.namespace ?? ''] : [];
    }
    return [];
  }

  sync(name: string, context: ControllerContext): void {
    const namespace = context.client.get(RESOURCES.namespaces, undefined, name);
    const phase = namespace && isRecord(namespace.status) ? namespace.status.phase : undefined;
    if (phase !== 'Active') return;
    for (const account of ENSURED) {
      if (context.client.get(RESOURCES.serviceaccounts, name, account)) continue;
      try {
        context.client.create(RESOURCES.serviceaccounts, {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: account, namespace: name },
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Someone else made it, or the namespace started terminating: nothing to retry.
        if (error.status.reason !== 'AlreadyExists' && !isNamespaceTerminating(error)) throw error;
      }
    }
  }
}
