// curl -v's trace lines (src/tool_cb_dbg.c): `* ` for information, `> ` for
// the request headers and `< ` for the response headers exactly as sent
// (CRLF kept), and `{ [N bytes data]` / `} [N bytes data]` for bodies when
// the body does not go to the terminal.
import type { HttpReply } from '../http-transport';

export function info(text: string): string {
  return `* ${text}\n`;
}

export function requestTrace(lines: readonly string[]): string {
  return lines.map((line) => `> ${line}\r\n`).join('') + '> \r\n';
}

/** The status line as curl shows it: HTTP/2 has no reason phrase, but keeps the space. */
export function statusLine(reply: HttpReply): string {
  return reply.version === 'HTTP/2' ? `HTTP/2 ${reply.status} ` : `${reply.version} ${reply.status} ${reply.reason}`;
}

export function headerBlock(reply: HttpReply): string {
  return (
    [statusLine(reply), ...reply.headers.map(([name, value]) => `${name}: ${value}`)].map((l) => `${l}\r\n`).join('') +
    '\r\n'
  );
}

export function responseTrace(reply: HttpReply): string {
  const lines = [statusLine(reply), ...reply.headers.map(([name, value]) => `${name}: ${value}`), ''];
  return lines.map((line) => `< ${line}\r\n`).join('');
}

export function dataTrace(direction: 'in' | 'out', bytes: number): string {
  return `${direction === 'in' ? '{' : '}'} [${bytes} bytes data]\n`;
}

export function headerValue(reply: HttpReply, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return reply.headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
}
