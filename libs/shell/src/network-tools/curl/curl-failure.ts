// How curl 7.81 reports a connection that did not open: its exit code, the
// libcurl error text (connect.c's "Failed to connect to %s port %u after %ld
// ms: %s" with the errno text, multi.c's timeout texts) and how much simulated
// time passes before it gives up.
import type { ConnectErrorKind } from '../http-transport';
import { KERNEL_CONNECT_TIMEOUT_MS, NO_ROUTE_MS } from '../tool-host';

export interface CurlFailure {
  code: number;
  message: string;
  /** Milliseconds spent before giving up. */
  elapsedMs: number;
  /** The verbose lines before the error (`* ...`). */
  trace: string[];
}

/** The time a resolver whose server never answers takes: 5 s timeout, 2 attempts. */
const DNS_TIMEOUT_MS = 10_000;

export function connectFailure(
  error: ConnectErrorKind,
  host: string,
  ip: string | undefined,
  port: number,
  limitMs: number | undefined,
  dnsTimedOut: boolean,
  /** curl 7.82 and later report every failed connect as CURLE_COULDNT_CONNECT's text. */
  modern = false,
): CurlFailure {
  if (error === 'nxdomain') {
    if (dnsTimedOut && limitMs !== undefined && limitMs < DNS_TIMEOUT_MS) {
      const message = `Resolving timed out after ${limitMs + 1} milliseconds`;
      return { code: 28, message, elapsedMs: limitMs + 1, trace: [message] };
    }
    const message = `Could not resolve host: ${host}`;
    return { code: 6, message, elapsedMs: dnsTimedOut ? DNS_TIMEOUT_MS : 0, trace: [message] };
  }
  const waits = error === 'timeout' ? KERNEL_CONNECT_TIMEOUT_MS : error === 'no-route' ? NO_ROUTE_MS : 0;
  if (limitMs !== undefined && limitMs < waits) {
    const message = `Connection timed out after ${limitMs + 1} milliseconds`;
    return { code: 28, message, elapsedMs: limitMs + 1, trace: [message] };
  }
  const reason =
    error === 'refused'
      ? 'Connection refused'
      : error === 'timeout'
        ? 'Connection timed out'
        : error === 'no-route'
          ? 'No route to host'
          : 'Network is unreachable';
  const message = `Failed to connect to ${host} port ${port} after ${waits} ms: ${modern ? "Couldn't connect to server" : reason}`;
  return {
    code: error === 'timeout' ? 28 : 7,
    message,
    elapsedMs: waits,
    trace: [`connect to ${ip ?? host} port ${port} failed: ${reason}`, message],
  };
}

/** curl's text for CURLE_PEER_FAILED_VERIFICATION with its advice (tool_operate.c). */
export const SSL_CERT_PROBLEM =
  'curl: (60) SSL certificate problem: unable to get local issuer certificate\n' +
  'More details here: https://curl.se/docs/sslcerts.html\n' +
  '\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** OpenSSL 3's complaint when the server answers a ClientHello in plain HTTP. */
export const WRONG_VERSION_NUMBER = 'error:0A00010B:SSL routines::wrong version number';
