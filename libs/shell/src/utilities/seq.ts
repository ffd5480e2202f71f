// seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST, formatted like GNU: decimals
// as many as FIRST or INCREMENT carry.
import type { Command } from '../runtime/command';
import { usageError } from './support/options';

const decimals = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

export const seq: Command = (ctx) => {
  const args = ctx.args.slice(1);
  let separator = '\n';
  let equalWidth = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-w' || arg === '--equal-width') equalWidth = true;
    else if (arg === '-s') separator = args[++i] ?? '';
    else if (arg.startsWith('-s')) separator = arg.slice(2);
    else if (arg.startsWith('--separator=')) separator = arg.slice(12);
    else operands.push(arg);
  }
  if (operands.length === 0 || operands.length > 3) {
    ctx.stderr.write(
      usageError('seq', operands.length === 0 ? 'missing operand' : `extra operand \u2018${operands[3] ?? ''}\u2019`),
    );
    return 1;
  }
  for (const operand of operands) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(operand)) {
      ctx.stderr.write(usageError('seq', `invalid floating point argument: \u2018${operand}\u2019`));
      return 1;
    }
  }
  const first = operands.length > 1 ? (operands[0] ?? '1') : '1';
  const step = operands.length === 3 ? (operands[1] ?? '1') : '1';
  const last = operands[operands.length - 1] ?? '1';
  const increment = Number(step);
  if (increment === 0) {
    ctx.stderr.write(usageError('seq', `invalid Zero increment value: \u2018${step}\u2019`));
    return 1;
  }
  const places = Math.max(decimals(first), decimals(step));
  const values: string[] = [];
  const start = Number(first);
  const end = Number(last);
  for (let i = 0; ; i++) {
    const value = start + i * increment;
    if (increment > 0 ? value > end + 1e-9 : value < end - 1e-9) break;
    values.push(value.toFixed(places));
    if (values.length > 1000000) break;
  }
  if (equalWidth) {
    const width = Math.max(...values.map((value) => value.replace('-', '').length), last.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? '';
      const negative = value.startsWith('-');
      const digits = negative ? value.slice(1) : value;
      values[i] = (negative ? '-' : '') + digits.padStart(width - (negative ? 1 : 0), '0');
    }
  }
  if (values.length > 0) ctx.stdout.write(values.join(separator) + '\n');
  return 0;
};
