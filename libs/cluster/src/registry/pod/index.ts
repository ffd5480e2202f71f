// The Pod resource: its definition, the pod-spec defaulting and validation
// that workloads reuse for their templates, the scheduler's binding, and
// typed readers for the modules that act on pods.
export { podDefinition } from './definition';
export { podGracePeriod, podStrategy } from './strategy';
export {
  applyPodDefaults,
  applyPodSpecDefaults,
  decodeError,
  mirrorServiceAccount,
  type DecodedKind,
} from './defaults';
export {
  validatePodCreate,
  validatePodTemplateSpec,
  validatePodUpdate,
  UPDATABLE_POD_SPEC_FIELDS,
} from './validation/pod';
export { validatePodSpec } from './validation/spec';
export { validatePodStatusUpdate } from './validation/status';
export { validateTaintEffect, validateTolerations } from './validation/scheduling';
export { bindPod } from './binding';
export { computePodQos, type QosClass } from './qos';
export { formatQuantity, parseQuantity, quantityValue, readQuantity, type Quantity } from './quantity';
export { podSpecDiff } from './diff/pod-spec-diff';
export {
  isPodReady,
  isPodTerminal,
  isPodTerminating,
  podIP,
  podSpec,
  podStatus,
  type ContainerPortView,
  type ContainerStatusView,
  type ContainerView,
  type EnvFromView,
  type EnvVarView,
  type PodConditionView,
  type PodSpecView,
  type PodStatusView,
  type ProbeView,
  type TolerationView,
  type VolumeMountView,
} from './reader';
