// curl -w: `%{variable}` substitutions and the backslash escapes curl itself
// interprets (src/tool_writeout.c).

export interface WriteOutFacts {
  httpCode: number;
  remoteIp: string;
  remotePort: number;
  sizeDownload: number;
  sizeHeader: number;
  elapsedMs: number;
  urlEffective: string;
  contentType: string;
  redirects: number;
  httpVersion: string;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(6);
}

function variable(name: string, facts: WriteOutFacts): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(facts.httpCode).padStart(3, '0');
    case 'remote_ip':
      return facts.remoteIp;
    case 'remote_port':
      return facts.remotePort ? String(facts.remotePort) : '0';
    case 'size_download':
      return String(facts.sizeDownload);
    case 'size_header':
      return String(facts.sizeHeader);
    case 'time_total':
    case 'time_starttransfer':
      return seconds(facts.elapsedMs);
    case 'time_connect':
    case 'time_namelookup':
      return seconds(0);
    case 'url_effective':
      return facts.urlEffective;
    case 'content_type':
      return facts.contentType;
    case 'num_redirects':
      return String(facts.redirects);
    case 'http_version':
      return facts.httpVersion;
    default:
      return undefined;
  }
}

export function writeOut(format: string, facts: WriteOutFacts): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i] ?? '';
    if (char === '%' && format[i + 1] === '%') {
      out += '%';
      i++;
    } else if (char === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end === -1) {
        out += char;
        continue;
      }
      const name = format.slice(i + 2, end);
      const value = variable(name, facts);
      out += value ?? '';
      i = end;
    } else if (char === '\\' && i + 1 < format.length) {
      const next = format[i + 1] ?? '';
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : `\\${next}`;
      i++;
    } else out += char;
  }
  return out;
}
