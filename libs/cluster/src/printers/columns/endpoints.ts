// Endpoints and EndpointSlices: formatEndpoints, formatDiscoveryPorts and
// formatDiscoveryEndpoints, each listing at most three entries.
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { int, optionalInt, optionalStr, records, str, strings } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

const MAX_SHOWN = 3;

/** net.JoinHostPort: IPv6 addresses go in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints(endpoints, nil): `ip:port` for every port of every subset. */
export function formatEndpoints(subsets: unknown): string {
  const list = records(subsets);
  if (list.length === 0) return '<none>';
  const shown: string[] = [];
  let more = false;
  let count = 0;
  const add = (entry: string): boolean => {
    if (shown.length === MAX_SHOWN) {
      more = true;
      return false;
    }
    shown.push(entry);
    return true;
  };
  for (const subset of list) {
    const addresses = records(subset.addresses);
    const ports = records(subset.ports);
    // Headless services may have no ports: list the bare addresses.
    if (ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) if (!add(str(address.ip))) break;
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const address of addresses) if (!add(joinHostPort(str(address.ip), int(port.port)))) break;
    }
  }
  const text = shown.join(',');
  return more ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

/** listWithMoreString */
function listWithMore(items: string[], total: number): string {
  const shown = items.slice(0, MAX_SHOWN).join(',');
  if (total > MAX_SHOWN) return `${shown} + ${total - MAX_SHOWN} more...`;
  return shown || '<unset>';
}

/** formatDiscoveryPorts: the port number, else its name, else `*`. */
export function formatDiscoveryPorts(ports: unknown): string {
  const list = records(ports).map((port) => {
    const number = optionalInt(port.port);
    return number !== undefined ? String(number) : (optionalStr(port.name) ?? '*');
  });
  return listWithMore(list, list.length);
}

/** formatDiscoveryEndpoints: every address of every endpoint. */
export function formatDiscoveryEndpoints(endpoints: unknown): string {
  const addresses = records(endpoints).flatMap((endpoint) => strings(endpoint.addresses));
  return listWithMore(addresses, addresses.length);
}

export const endpointsPrinter: Printer = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', DOCS.Endpoints.subsets), AGE_COLUMN],
  print(endpoints, { now }) {
    return {
      cells: [
        endpoints.metadata.name ?? '',
        formatEndpoints(endpoints.subsets),
        translateTimestampSince(endpoints.metadata.creationTimestamp, now),
      ],
    };
  },
};

export const endpointSlicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', DOCS.EndpointSlice.addressType),
    column('Ports', 'string', DOCS.EndpointSlice.ports),
    column('Endpoints', 'string', DOCS.EndpointSlice.endpoints),
    AGE_COLUMN,
  ],
  print(slice, { now }) {
    return {
      cells: [
        slice.metadata.name ?? '',
        str(slice.addressType),
        formatDiscoveryPorts(slice.ports),
        formatDiscoveryEndpoints(slice.endpoints),
        translateTimestampSince(slice.metadata.creationTimestamp, now),
      ],
    };
  },
};
