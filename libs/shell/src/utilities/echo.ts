// bash's builtin echo: -n, -e, -E (only when every letter is one of them).
import type { Command } from '../runtime/command';
import { unescape } from './escapes';

export const echo: Command = (ctx) => {
  const args = ctx.args.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0] ?? '')) {
    const flags = args.shift() ?? '';
    for (const flag of flags.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const result = unescape(text, 'echo');
    text = result.text;
    if (result.stop) {
      ctx.stdout.write(text);
      return 0;
    }
  }
  ctx.stdout.write(newline ? `${text}\n` : text);
  return 0;
};

export const trueCommand: Command = () => 0;
export const falseCommand: Command = () => 1;
