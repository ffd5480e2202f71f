// Server-side printing: the Tables kube-apiserver returns for
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
export { buildTable, partialObjectMetadata, tableForKind, tableOptionsError } from './table';
export type { BuildTableOptions, IncludeObject } from './table';
export { humanDuration, translateTimestampSince } from './duration';
