import type { CommandCheck } from '@kubelab/labs';
import { type CheckContext, type CheckOutcome, failed, PASSED } from './context';

export function checkCommand(check: CommandCheck, context: CheckContext): CheckOutcome {
  const pattern = new RegExp(check.pattern);
  const found = context.target.history.find((line) => pattern.test(line.trim()));
  if (check.absent) return found === undefined ? PASSED : failed(`the history has "${found}"`);
  return found === undefined ? failed(`no command in the history matches /${check.pattern}/`) : PASSED;
}
