// mikefarah yq v4 (subset): `yq [e|eval] EXPR [FILE...]` with -o json|yaml,
// -i, -r; evaluation reuses the jq engine on each YAML document.
import { parseAllDocuments, stringify } from 'yaml';
import type { Command } from '../runtime/command';
import { strerror } from '../fs/errors';
import { absolute, readFileAt } from './support/io';
import { compileJq, parseJqArguments, renderJq } from './jq/jq';
import { evaluate } from './jq/evaluate';
import type { Json } from './jq/json';
import { JqError } from './jq/values';

function toYaml(value: Json): string {
  if (value === null) return 'null\n';
  if (typeof value !== 'object') return typeof value === 'string' ? `${value}\n` : `${String(value)}\n`;
  return stringify(value, { indent: 2, indentSeq: true, lineWidth: 0 });
}

export const yq: Command = async (ctx) => {
  const args = ctx.args.slice(1);
  if (args[0] === 'e' || args[0] === 'eval') args.shift();
  let output = 'yaml';
  let inPlace = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-o' || arg === '--output-format') output = args[++i] ?? 'yaml';
    else if (arg.startsWith('-o=') || arg.startsWith('--output-format=')) output = arg.slice(arg.indexOf('=') + 1);
    else if (arg === '-oj' || arg === '-j') output = 'json';
    else if (arg === '-i' || arg === '--inplace') inPlace = true;
    else if (arg === '-r' || arg === '-P' || arg === '--prettyPrint' || arg === '-M') continue;
    else rest.push(arg);
  }
  const settings = parseJqArguments(rest);
  if ('error' in settings) {
    ctx.stderr.write(`Error: ${settings.error.split('\n')[0] ?? ''}\n`);
    return 1;
  }
  const node = compileJq(settings.filter);
  if ('error' in node) {
    ctx.stderr.write(`Error: ${node.error.split('\n')[0]?.replace(/^jq: error: /, '') ?? ''}\n`);
    return 1;
  }
  const sources: Array<{ name: string; text: string }> = [];
  for (const name of settings.files) {
    const read = readFileAt(ctx, name);
    if (!read.ok) {
      ctx.stderr.write(`Error: open ${name}: ${strerror(read.error.code).toLowerCase()}\n`);
      return 1;
    }
    sources.push({ name, text: read.value });
  }
  if (sources.length === 0) sources.push({ name: '-', text: await ctx.stdin.readAll() });
  const render = (value: Json) =>
    output === 'json' ? `${renderJq(value, { ...settings, raw: typeof value === 'string' })}\n` : toYaml(value);
  for (const source of sources) {
    let text = '';
    const documents = parseAllDocuments(source.text);
    for (const [index, document] of (Array.isArray(documents) ? documents : [documents]).entries()) {
      if (document.errors.length > 0) {
        ctx.stderr.write(`Error: bad file '${source.name}': ${document.errors[0]?.message.split('\n')[0] ?? ''}\n`);
        return 1;
      }
      try {
        const results = [
          ...evaluate(node, (document.toJSON() ?? null) as Json, {
            vars: new Map([['ENV', { ...ctx.env }]]),
            funcs: new Map(),
          }),
        ];
        if (index > 0 && output !== 'json') text += '---\n';
        text += results.map(render).join(output === 'json' ? '' : '');
      } catch (error) {
        if (!(error instanceof JqError)) throw error;
        ctx.stderr.write(`Error: ${error.message}\n`);
        return 1;
      }
    }
    if (inPlace && source.name !== '-') ctx.session.fs.writeFile(absolute(ctx, source.name), text);
    else ctx.stdout.write(text);
  }
  return 0;
};
