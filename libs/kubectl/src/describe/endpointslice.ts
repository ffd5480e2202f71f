// describe for EndpointSlices (describe.go describeEndpointSliceV1).
import type { KubeObject } from '@kubelab/cluster';
import { eventsFor, PrefixWriter, writeEvents, writeObjectHeader, type DescribeReader } from './prefix-writer';

interface SliceShape {
  addressType?: string;
  ports?: Array<{ name?: string; port?: number; protocol?: string }>;
  endpoints?: Array<{
    addresses?: string[];
    conditions?: { ready?: boolean };
    hostname?: string;
    targetRef?: { kind?: string; name?: string };
    nodeName?: string;
    zone?: string;
  }>;
}

export function describeEndpointSlice(object: KubeObject, reader: DescribeReader, showEvents: boolean): string {
  const slice = object as SliceShape;
  const w = new PrefixWriter();
  writeObjectHeader(w, object);
  w.write(0, `AddressType:\t${slice.addressType ?? ''}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const port of ports) {
      w.write(
        1,
        `${port.name || '<unset>'}\t${port.port === undefined ? '<unset>' : port.port}\t${port.protocol ?? ''}\n`,
      );
    }
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const endpoint of endpoints) {
      w.write(1, `- Addresses:\t${endpoint.addresses?.length ? endpoint.addresses.join(', ') : '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = endpoint.conditions?.ready;
      w.write(3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
      w.write(2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`);
      if (endpoint.targetRef)
        w.write(2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`);
    }
  }
  if (showEvents) writeEvents(w, eventsFor(reader, object), reader.now());
  return w.text();
}
