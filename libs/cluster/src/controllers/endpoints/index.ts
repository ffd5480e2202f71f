// The endpoint controllers: Endpoints, EndpointSlices and the mirroring of
// hand-written Endpoints into EndpointSlices, and the rule set they share.
export { EndpointsController } from './endpoints-controller';
export { EndpointSliceController, MAX_ENDPOINTS_PER_SLICE } from './endpointslice-controller';
export { EndpointSliceMirroringController } from './mirroring-controller';
export { serviceEndpoints, type ServiceEndpoint, type ServicePortEndpoints } from './service-endpoints';
export {
  LAST_CHANGE_TRIGGER_TIME,
  MANAGED_BY_LABEL,
  MIRRORING_CONTROLLER_NAME,
  SERVICE_NAME_LABEL,
  SKIP_MIRROR_LABEL,
  SLICE_CONTROLLER_NAME,
} from './types';
