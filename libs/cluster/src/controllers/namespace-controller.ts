// pkg/controller/namespace: a namespace being deleted (Terminating) has all
// its content deleted; its status conditions say what is left; once nothing
// is, the `kubernetes` finalizer comes off spec.finalizers and the API server
// removes the namespace. Pods shut down gracefully first, so the namespace
// stays Terminating until the kubelet has removed them.
import { isRecord, type KubeObject } from '../api/objects';
import { keyOf, RESOURCES } from '../api/resource-refs';
import type { StoreEvent } from '../store/object-store';
import type { Controller, ControllerContext } from './controller';
import { deleteAllContent } from './namespace/content-deleter';
import { failureConditions, updatedConditions } from './namespace/deletion-conditions';

/** The finalizer token this controller owns. */
const FINALIZER = 'kubernetes';

function specFinalizers(namespace: Readonly<KubeObject>): string[] {
  const spec = isRecord(namespace.spec) ? namespace.spec : {};
  return Array.isArray(spec.finalizers) ? spec.finalizers.map(String) : [];
}

function phaseOf(namespace: Readonly<KubeObject>): unknown {
  return isRecord(namespace.status) ? namespace.status.phase : undefined;
}

export class NamespaceController implements Controller {
  readonly name = 'namespace';

  keysFor(event: StoreEvent): readonly string[] {
    const { object } = event;
    if (event.resource === keyOf(RESOURCES.namespaces)) {
      return event.type !== 'DELETED' && object.metadata.deletionTimestamp ? [object.metadata.name ?? ''] : [];
    }
    // Content coming and going in a namespace being deleted: look again (the sync checks it is).
    const namespace = object.metadata.namespace;
    return namespace && event.type !== 'MODIFIED' ? [namespace] : [];
  }

  sync(name: string, context: ControllerContext): void {
    let namespace = context.client.get(RESOURCES.namespaces, undefined, name);
    if (!namespace?.metadata.deletionTimestamp) return;
    if (phaseOf(namespace) !== 'Terminating') {
      const copy = context.client.copy(namespace);
      copy.status = { ...(isRecord(copy.status) ? copy.status : {}), phase: 'Terminating' };
      namespace = context.client.updateStatus(RESOURCES.namespaces, copy);
    }
    if (specFinalizers(namespace).length === 0) return;
    const now = context.now();
    const deletion = deleteAllContent(context.client, namespace, now);
    const latest = context.client.get(RESOURCES.namespaces, undefined, name);
    if (!latest) return;
    // The conditions are always brought up to date: an earlier failure may have cleared.
    const conditions = updatedConditions(latest, failureConditions(deletion, now), now);
    if (conditions) {
      const copy = context.client.copy(latest);
      copy.status = { ...(isRecord(copy.status) ? copy.status : {}), conditions };
      context.client.updateStatus(RESOURCES.namespaces, copy);
    }
    if (deletion.deleteErrors.length) {
      // An error: the rate-limited queue tries again.
      context.after(1000, name);
      return;
    }
    if (deletion.estimate > 0) {
      // ResourcesRemainingError: look again after half the estimate (deletions seen sooner also bring it back).
      context.after((Math.floor(deletion.estimate / 2) + 1) * 1000, name);
      return;
    }
    this.finalize(name, context);
  }

  /** finalizeNamespace: our token off spec.finalizers; with none left the API server removes the namespace. */
  private finalize(name: string, context: ControllerContext): void {
    const namespace = context.client.get(RESOURCES.namespaces, undefined, name);
    if (!namespace) return;
    const copy = context.client.copy(namespace);
    const spec = isRecord(copy.spec) ? copy.spec : {};
    const remaining = [...new Set(specFinalizers(namespace).filter((finalizer) => finalizer !== FINALIZER))].sort();
    if (remaining.length) spec.finalizers = remaining;
    else delete spec.finalizers;
    copy.spec = spec;
    context.client.update(RESOURCES.namespaces, copy);
  }
}
