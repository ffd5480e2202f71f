// tee [-a] FILE...: copies stdin to stdout and to each file as it arrives.
import type { Command } from '../runtime/command';
import { strerror } from '../fs/errors';
import { parseOptions } from './support/options';
import { absolute } from './support/io';

export const tee: Command = async (ctx) => {
  const parsed = parseOptions('tee', ctx.args.slice(1), {
    flags: 'ai',
    long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' } },
  });
  if (!parsed.ok) {
    ctx.stderr.write(parsed.message);
    return 1;
  }
  const append = parsed.options.has('a');
  let status = 0;
  const targets: string[] = [];
  for (const name of parsed.options.operands) {
    const path = absolute(ctx, name);
    const opened = ctx.session.fs.writeFile(path, '', { append });
    if (opened.ok) targets.push(path);
    else {
      ctx.stderr.write(`tee: ${name}: ${strerror(opened.error.code)}\n`);
      status = 1;
    }
  }
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    ctx.stdout.write(chunk);
    for (const path of targets) ctx.session.fs.writeFile(path, chunk, { append: true });
  }
  return status;
};
