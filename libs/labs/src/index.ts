// @kubelab/labs: the lab file format (kubelab.dev/v1 Lab): its types, its
// JSON Schema, and the loader that explains every problem by file, line and field.
export * from './lab';
export { LAB_JSON_SCHEMA, CHECK_TYPES } from './lab-schema';
export { loadLab, formatProblem, type LabProblem, type LoadedLab } from './load-lab';
export { ENVIRONMENT_SETTLE_MS, labSandboxSetup, type LabSandboxSetup } from './lab-setup';
