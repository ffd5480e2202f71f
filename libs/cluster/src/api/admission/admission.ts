// Admission plugins: changes and refusals the API server applies to writes
// after decoding and before storage, as kube-apiserver's admission chain.
import type { KubeObject } from '../objects';
import type { ResourceDefinition } from '../resources';
import type { StrategyContext } from '../strategy';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: AdmissionOperation;
  definition: ResourceDefinition;
  namespace: string | undefined;
  name: string;
  subresource: string | undefined;
  /** The object being written (absent for DELETE). */
  object: KubeObject | undefined;
  old: Readonly<KubeObject> | undefined;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** Mutating admission: may change the object. */
  admit?(attributes: AdmissionAttributes, context: StrategyContext): void;
  /** Validating admission: throws an ApiError to refuse. */
  validate?(attributes: AdmissionAttributes, context: StrategyContext): void;
}
