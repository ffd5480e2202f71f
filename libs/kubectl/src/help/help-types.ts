// The shape of kubectl's help data (help-data.generated.ts).

export interface HelpFlag {
  name: string;
  shorthand?: string;
  /** The default as `--help` prints it: `false`, `''`, `[]`, `500`, `'/root/.kube/cache'`, `0s`. */
  defaultText: string;
  usage: string;
}

export interface HelpEntry {
  /** Short and long description, as printed before the first section. */
  description: string;
  aliases?: string;
  examples?: string;
  subcommands?: Array<{ name: string; short: string }>;
  flags?: HelpFlag[];
  usage: string;
  /** The lines after the usage; `$OPTIONS` stands for the "kubectl options" hint. */
  footer: string;
}
