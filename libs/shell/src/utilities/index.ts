// Every coreutil-like program of the learner's shell, by name.
import type { Command } from '../runtime/command';
import { awk } from './awk/awk';
import { base64 } from './base64';
import { cat, nl, rev, tac } from './cat';
import { cp, mv } from './copy-move';
import { column } from './column';
import { cut } from './cut';
import { diff } from './diff';
import { echo, falseCommand, trueCommand } from './echo';
import { clear, env, printenv, yes } from './environment';
import { mkdir, rm, rmdir, touch } from './file-ops';
import { find } from './find';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { jq } from './jq/jq';
import { ls } from './ls';
import { basename, dirname } from './path-names';
import { editor, pager } from './pager-editor';
import { printf } from './printf';
import { sed } from './sed';
import { seq } from './seq';
import { sort, uniq } from './sort';
import { hostname, id, uname, which, whoami } from './system-info';
import { tee } from './tee';
import { test } from './test-command';
import { date, sleep, timeout } from './time-tools';
import { tr } from './tr';
import { wc } from './wc';
import { xargs } from './xargs';
import { yq } from './yq';

export { programPaths } from './system-info';

export const coreUtilities: Record<string, Command> = {
  awk,
  mawk: awk,
  base64,
  basename,
  cat,
  clear,
  column,
  cp,
  cut,
  date,
  diff,
  dirname,
  echo,
  env,
  false: falseCommand,
  find,
  grep,
  egrep: (ctx) => grep({ ...ctx, args: ['grep', '-E', ...ctx.args.slice(1)] }),
  fgrep: (ctx) => grep({ ...ctx, args: ['grep', '-F', ...ctx.args.slice(1)] }),
  head,
  hostname,
  id,
  jq,
  less: pager,
  ls,
  more: pager,
  nano: editor,
  mkdir,
  mv,
  nl,
  printenv,
  printf,
  rev,
  rm,
  rmdir,
  sed,
  seq,
  sleep,
  sort,
  tac,
  tail,
  tee,
  test,
  '[': test,
  timeout,
  touch,
  tr,
  true: trueCommand,
  uname,
  uniq,
  vi: editor,
  vim: editor,
  wc,
  which,
  whoami,
  xargs,
  yes,
  yq,
};
