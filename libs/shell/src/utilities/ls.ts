// ls: -l -a -A -1 -R -h -t -r -d -C -x; many names per line on a terminal,
// one per line into a pipe, and GNU's long format (busybox's when asked).
import type { Command, CommandContext } from '../runtime/command';
import type { FileStat } from '../fs/virtual-fs';
import { fsErrorLine } from '../fs/errors';
import { parseOptions } from './support/options';
import { absolute } from './support/io';
import { blocksOf, columns, humanSize, listingDate, permissionString } from './ls-format';

interface Entry {
  name: string;
  path: string;
  stat: FileStat;
}

interface LsSettings {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  human: boolean;
  byTime: boolean;
  reverse: boolean;
  recursive: boolean;
  layout: 'single' | 'columns' | 'across';
}

const compareNames = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sortEntries(entries: Entry[], settings: LsSettings): Entry[] {
  const sorted = [...entries].sort((a, b) => (settings.byTime ? b.stat.mtime - a.stat.mtime : 0) || compareNames(a, b));
  return settings.reverse ? sorted.reverse() : sorted;
}

function linkCount(ctx: CommandContext, entry: Entry): number {
  if (entry.stat.type !== 'directory') return 1;
  const children = ctx.session.fs.readDirectory(entry.path);
  const subdirectories = (children.ok ? children.value : []).filter((child) => {
    const stat = ctx.session.fs.stat(`${entry.path === '/' ? '' : entry.path}/${child}`);
    return stat.ok && stat.value.type === 'directory';
  });
  return 2 + subdirectories.length;
}

function longLines(ctx: CommandContext, entries: Entry[], settings: LsSettings): string {
  const now = ctx.session.clock.now();
  const rows = entries.map((entry) => ({
    mode: permissionString(entry.stat),
    links: String(linkCount(ctx, entry)),
    size: settings.human ? humanSize(entry.stat.size) : String(entry.stat.size),
    date: listingDate(entry.stat.mtime, now),
    name: entry.name,
  }));
  const linkWidth = Math.max(0, ...rows.map((row) => row.links.length));
  const sizeWidth = Math.max(0, ...rows.map((row) => row.size.length));
  if (ctx.flavour === 'busybox') {
    return rows
      .map(
        (row) =>
          `${row.mode} ${row.links.padStart(4)} root     root     ${row.size.padStart(9)} ${row.date} ${row.name}\n`,
      )
      .join('');
  }
  return rows
    .map(
      (row) =>
        `${row.mode} ${row.links.padStart(linkWidth)} root root ${row.size.padStart(sizeWidth)} ${row.date} ${row.name}\n`,
    )
    .join('');
}

function render(ctx: CommandContext, entries: Entry[], settings: LsSettings, withTotal: boolean): string {
  if (settings.long) {
    const total = entries.reduce((sum, entry) => sum + blocksOf(entry.stat), 0);
    const totalText = settings.human ? humanSize(total * 1024) : String(total);
    return (withTotal ? `total ${totalText}\n` : '') + longLines(ctx, entries, settings);
  }
  const names = entries.map((entry) => entry.name);
  if (settings.layout === 'single') return names.map((name) => `${name}\n`).join('');
  return columns(names, ctx.session.terminal.columns, settings.layout === 'across');
}

function directoryEntries(ctx: CommandContext, path: string, settings: LsSettings): Entry[] {
  const listed = ctx.session.fs.readDirectory(path);
  const names = listed.ok ? listed.value : [];
  const visible = names.filter((name) => settings.all || settings.almostAll || !name.startsWith('.'));
  const entries: Entry[] = [];
  const base = path === '/' ? '' : path;
  for (const name of settings.all ? ['.', '..', ...visible] : visible) {
    const entryPath =
      name === '.' ? path : name === '..' ? base.slice(0, base.lastIndexOf('/')) || '/' : `${base}/${name}`;
    const stat = ctx.session.fs.stat(entryPath);
    if (stat.ok) entries.push({ name, path: entryPath, stat: stat.value });
  }
  return sortEntries(entries, settings);
}

export const ls: Command = (ctx) => {
  const parsed = parseOptions('ls', ctx.args.slice(1), {
    flags: 'laA1RhtrdCxFSU',
    long: {
      all: { key: 'a' },
      'almost-all': { key: 'A' },
      recursive: { key: 'R' },
      'human-readable': { key: 'h' },
      reverse: { key: 'r' },
      directory: { key: 'd' },
      color: { key: 'color', value: 'optional' },
    },
  });
  if (!parsed.ok) {
    ctx.stderr.write(ctx.flavour === 'busybox' ? parsed.message.split('\n')[0] + '\n' : parsed.message);
    return 2;
  }
  const options = parsed.options;
  const lastLayout = options.list.filter(([key]) => '1Clx'.includes(key)).pop()?.[0];
  const settings: LsSettings = {
    long: lastLayout === 'l',
    all: options.has('a'),
    almostAll: options.has('A'),
    human: options.has('h'),
    byTime: options.has('t'),
    reverse: options.has('r'),
    recursive: options.has('R'),
    layout:
      lastLayout === '1'
        ? 'single'
        : lastLayout === 'x'
          ? 'across'
          : lastLayout === 'C' || ctx.stdout.isTTY
            ? 'columns'
            : 'single',
  };
  const operands = options.operands.length > 0 ? options.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const directories: Entry[] = [];
  for (const name of operands) {
    const path = absolute(ctx, name);
    const stat = ctx.session.fs.stat(path);
    if (!stat.ok) {
      ctx.stderr.write(fsErrorLine('ls', 'access', name, stat.error, ctx.flavour));
      status = 2;
      continue;
    }
    const entry = { name, path, stat: stat.value };
    (stat.value.type === 'directory' && !options.has('d') ? directories : files).push(entry);
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(ctx, sortEntries(files, settings), settings, false));
  const showHeaders = settings.recursive || operands.length > 1 || status !== 0;
  const visit = (name: string, path: string) => {
    const entries = directoryEntries(ctx, path, settings);
    sections.push((showHeaders ? `${name}:\n` : '') + render(ctx, entries, settings, true));
    if (!settings.recursive) return;
    for (const entry of entries) {
      if (entry.stat.type === 'directory' && entry.name !== '.' && entry.name !== '..') {
        visit(name.endsWith('/') ? name + entry.name : `${name}/${entry.name}`, entry.path);
      }
    }
  };
  for (const directory of sortEntries(directories, settings)) visit(directory.name, directory.path);
  ctx.stdout.write(sections.join('\n'));
  return status;
};
