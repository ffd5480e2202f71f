// Tag resolution for the docker-library style of tagging: a full version
// (`1.27.4`), any shorter prefix of it (`1.27`, `1`), channel words (`latest`,
// `stable`, `lts`), and variant suffixes naming the base system (`-alpine`,
// `-alpine3.21`, `-bookworm`) or an extra flavour (`-perl`, `-slim`). A prefix
// means the newest release that has it, as the official images publish it.

export interface Release {
  readonly version: string;
  /**
   * Base systems the release was published on: flavour -> system releases,
   * comma-separated, the one the plain flavour tag names first
   * (`debian` -> `bookworm,bullseye`, `alpine` -> `3.21,3.20`; '' when unknown).
   */
  readonly systems: Readonly<Record<string, string>>;
}

export interface TagScheme {
  readonly releases: readonly Release[];
  /** The flavour of a tag without a system suffix (`debian`). */
  readonly defaultFlavour: string;
  /** Channel words -> version prefix; `latest` -> '' means the newest release. */
  readonly channels: Readonly<Record<string, string>>;
  /** Suffix words naming a system: `alpine` -> { flavour: 'alpine' }, `bookworm` -> { flavour: 'debian', system: 'bookworm' }. */
  systemWord(word: string): { flavour: string; system?: string } | undefined;
  /** The suffix word naming a flavour's system in a tag (`bookworm`, `alpine3.20`); default the system itself. */
  systemTagWord?(flavour: string, system: string): string;
  /** Extra variant words (`perl`, `slim`) and whether a release/flavour offers them. */
  readonly extras?: Readonly<Record<string, (release: Release, flavour: string) => boolean>>;
}

export interface ResolvedTag {
  readonly release: Release;
  readonly flavour: string;
  /** The system release the image was built on (`bookworm`, `3.21`), '' when unknown. */
  readonly system: string;
  readonly extra: string | undefined;
  /** The most specific tag naming the same image: `1.27.4`, `1.27.4-alpine`, `1.27.4-alpine-perl`. */
  readonly canonicalTag: string;
}

const VERSION_WORD = /^\d+(?:\.\d+)*$/;

/** Orders dotted versions numerically: `1.10.0` after `1.9.3`. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The image a tag names under `scheme`, or undefined when the registry has no such tag. */
export function resolveTag(scheme: TagScheme, tag: string): ResolvedTag | undefined {
  const words = tag.split('-');
  const head = words[0] ?? '';
  let prefix: string;
  let suffix: string[];
  if (VERSION_WORD.test(head)) {
    prefix = head;
    suffix = words.slice(1);
  } else if (scheme.channels[head] !== undefined) {
    prefix = scheme.channels[head] ?? '';
    suffix = words.slice(1);
  } else {
    prefix = scheme.channels['latest'] ?? '';
    suffix = words;
  }
  const variant = parseSuffix(scheme, suffix);
  if (!variant) return undefined;
  const candidates = scheme.releases.filter((release) => {
    if (prefix !== '' && release.version !== prefix && !release.version.startsWith(`${prefix}.`)) return false;
    const systems = release.systems[variant.flavour];
    if (systems === undefined) return false;
    if (variant.system !== undefined && !systems.split(',').includes(variant.system)) return false;
    if (variant.extra === undefined) return true;
    const offers = scheme.extras?.[variant.extra];
    return offers ? offers(release, variant.flavour) : false;
  });
  const release = candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!release) return undefined;
  const published = (release.systems[variant.flavour] ?? '').split(',');
  const system = variant.system ?? published[0] ?? '';
  let variantWord = variant.flavour === scheme.defaultFlavour ? '' : `-${variant.flavour}`;
  if (system !== (published[0] ?? '')) variantWord = `-${scheme.systemTagWord?.(variant.flavour, system) ?? system}`;
  const extraWord = variant.extra ? `-${variant.extra}` : '';
  return {
    release,
    flavour: variant.flavour,
    system,
    extra: variant.extra,
    canonicalTag: `${release.version}${variantWord}${extraWord}`,
  };
}

function parseSuffix(
  scheme: TagScheme,
  words: readonly string[],
): { flavour: string; system?: string; extra?: string } | undefined {
  let flavour: { flavour: string; system?: string } | undefined;
  let extra: string | undefined;
  for (const word of words) {
    const system = flavour || extra ? undefined : scheme.systemWord(word);
    if (system) flavour = system;
    else if (!extra && scheme.extras?.[word]) extra = word;
    else return undefined;
  }
  return { ...(flavour ?? { flavour: scheme.defaultFlavour }), ...(extra ? { extra } : {}) };
}

/** Tag words for `debianOrAlpine` systems: the codename, or `alpineX.Y`. */
export function debianOrAlpineTagWord(flavour: string, system: string): string {
  return flavour === 'alpine' ? `alpine${system}` : system;
}

/** A `systemWord` for Debian codenames plus `alpine` / `alpineX.Y`. */
export function debianOrAlpine(codenames: readonly string[]): TagScheme['systemWord'] {
  return (word) => {
    if (codenames.includes(word)) return { flavour: 'debian', system: word };
    if (word === 'alpine') return { flavour: 'alpine' };
    const alpine = /^alpine(\d+\.\d+)$/.exec(word);
    return alpine ? { flavour: 'alpine', system: alpine[1] } : undefined;
  };
}
