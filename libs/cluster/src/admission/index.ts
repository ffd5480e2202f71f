// The admission chain, in kube-apiserver's plugin order (AllOrderedPlugins):
// NamespaceLifecycle, ServiceAccount, Priority, DefaultTolerationSeconds,
// and the sandbox's quota where ResourceQuota runs, last.
import type { AdmissionPlugin } from '../api/admission/admission';
import { defaultTolerationSecondsAdmission } from './default-toleration-seconds';
import { namespaceLifecycle } from './namespace-lifecycle';
import { priorityAdmission } from './priority';
import { sandboxQuotaAdmission } from './sandbox-quota';
import { serviceAccountAdmission } from './service-account';

export function admissionPlugins(): AdmissionPlugin[] {
  return [
    namespaceLifecycle,
    serviceAccountAdmission,
    priorityAdmission,
    defaultTolerationSecondsAdmission,
    sandboxQuotaAdmission,
  ];
}

export { defaultTolerationSecondsAdmission, priorityAdmission, sandboxQuotaAdmission, serviceAccountAdmission };
export { API_TOKEN_MOUNT_PATH, DEFAULT_SERVICE_ACCOUNT, tokenVolumeSource } from './service-account';
export { SANDBOX_QUOTA_NAME } from './sandbox-quota';
