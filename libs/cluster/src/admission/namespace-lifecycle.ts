// NamespaceLifecycle admission: nothing is created in a namespace that does
// not exist or is being deleted.
import type { AdmissionPlugin } from '../api/admission/admission';
import { apiErrors } from '../api/errors';
import { keyOf, RESOURCES } from '../api/resource-refs';

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  // Mutating-phase, so a missing namespace is reported before other plugins look things up in it.
  admit(attributes, context) {
    const { operation, namespace, definition } = attributes;
    if (operation !== 'CREATE' || !namespace || !definition.namespaced) return;
    const found = context.store.get(keyOf(RESOURCES.namespaces), undefined, namespace);
    if (!found) throw apiErrors.notFound({ group: '', resource: 'namespaces' }, namespace);
    const status = found.status as { phase?: string } | undefined;
    // Events about the namespace's own teardown are still allowed.
    if (status?.phase === 'Terminating' && definition.resource !== 'events') {
      throw apiErrors.forbidden(
        definition,
        attributes.name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  },
};
