// Every resource the simulated API server serves, with its strategy.
import type { ResourceDefinition } from '../api/resources';
import {
  configMapDefinition,
  endpointSliceDefinition,
  endpointsDefinition,
  eventDefinition,
  namespaceDefinition,
  nodeDefinition,
  secretDefinition,
  serviceAccountDefinition,
} from './core-kinds';
import { podDefinition } from './pod';
import { serviceDefinition } from './service';
import { workloadDefinitions } from './workloads';

/** Filled by the kind modules in this folder. */
export function resourceDefinitions(): ResourceDefinition[] {
  return [
    namespaceDefinition,
    nodeDefinition,
    podDefinition,
    serviceDefinition,
    endpointsDefinition,
    endpointSliceDefinition,
    configMapDefinition,
    secretDefinition,
    serviceAccountDefinition,
    eventDefinition,
    ...workloadDefinitions(),
  ];
}
