// @kubelab/grader: judges a sandbox against a lab, check by check, and
// explains each failure with the nearest miss it finds.
export { gradeLab, type GradeOptions } from './grade';
export type { CheckResult, LabResult, TaskResult } from './results';
export type { GradingTarget } from './target';
export { findMismatch, type Mismatch } from './partial-match';
export { validateLab, type LabRunner, type LabSession, type LabValidation } from './validate-lab';
