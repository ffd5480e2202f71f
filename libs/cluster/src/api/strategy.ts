// Per-kind behaviour of the generic registry, as in Kubernetes'
// pkg/registry/<group>/<kind>/strategy.go: defaulting, preparation,
// validation, and the side effects of a write (allocations).
import type { FieldError } from './field-errors';
import type { KubeObject } from './objects';
import type { ClusterConfig } from '../config';
import type { SeededRandom } from '../runtime/random';

/** Read access to current state, for validation that looks around (allocators, references). */
export interface StoreReader {
  get(resource: string, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined;
  list(resource: string, namespace?: string): readonly KubeObject[];
  count(resource: string, namespace?: string): number;
}

export interface StrategyContext {
  readonly now: number;
  readonly store: StoreReader;
  readonly config: ClusterConfig;
  readonly random: SeededRandom;
  readonly dryRun: boolean;
}

/** `(name, prefix) => messages` as Kubernetes' ValidateNameFunc. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** A side effect of a write that is undone if the write fails (alloc.go's transaction). */
export interface Transaction {
  commit(): void;
  revert(): void;
}

export interface Strategy {
  readonly nameValidator: NameValidator;
  /** Scheme defaulting (SetDefaults_*), applied to every object the server decodes. */
  applyDefaults?(object: KubeObject): void;
  prepareForCreate?(object: KubeObject, context: StrategyContext): void;
  validate?(object: KubeObject, context: StrategyContext): FieldError[];
  prepareForUpdate?(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): void;
  validateUpdate?(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): FieldError[];
  /** The status subresource: which parts of the new object are taken. */
  prepareForStatusUpdate?(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): void;
  validateStatusUpdate?(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): FieldError[];
  /** Runs after validation, before storing: allocations that can still fail with an API error. */
  beginCreate?(object: KubeObject, context: StrategyContext): Transaction | undefined;
  beginUpdate?(object: KubeObject, old: Readonly<KubeObject>, context: StrategyContext): Transaction | undefined;
  /** DELETE leaves the object in place for a controller to finish (a Namespace's spec.finalizers). */
  deletionPending?(object: Readonly<KubeObject>): boolean;
  /** Changes made when deletion starts (a Namespace turns Terminating). */
  prepareForDelete?(object: KubeObject, context: StrategyContext): void;
  /** Releases what the object held, once it is gone from the store. */
  afterDelete?(object: Readonly<KubeObject>, context: StrategyContext): void;
  /** Whether DELETE waits for the kubelet (pods on a node) instead of removing at once. */
  gracefulDeletion?(object: Readonly<KubeObject>, requestedSeconds: number | undefined): number | undefined;
}
