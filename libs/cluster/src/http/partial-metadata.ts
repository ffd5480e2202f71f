// `as=PartialObjectMetadata`: the metadata of an object or of each item of a
// list, as the apiserver converts them for metadata-only clients.
import type { ResponseBody } from '../api/request';

export function toPartialObjectMetadata(body: ResponseBody): Record<string, unknown> {
  const record = body as unknown as Record<string, unknown>;
  const items = record['items'];
  if (Array.isArray(items)) {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata: record['metadata'] ?? {},
      items: items.map((item) => partial(item as Record<string, unknown>, undefined)),
    };
  }
  return partial(record, 'meta.k8s.io/v1');
}

function partial(object: Record<string, unknown>, apiVersion: string | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { kind: 'PartialObjectMetadata' };
  if (apiVersion) result['apiVersion'] = apiVersion;
  result['metadata'] = object['metadata'] ?? {};
  return result;
}
