// Image references as the kubelet and containerd read them: the grammar and
// normalization of github.com/distribution/reference v0.6.0 (the version
// Kubernetes 1.32 vendors), the digest checks of opencontainers/go-digest, and
// the kubelet's wording when a reference cannot be parsed.

import { goQuote } from '../api/field-errors';
import { sha256Hex } from '../runtime/sha256';

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

// Regular expressions assembled exactly like distribution/reference's regexp.go.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
const goDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

// Digest algorithms the kubelet links in (crypto/sha256 and crypto/sha512).
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export interface ImageReference {
  /** What the pod spec said. */
  readonly original: string;
  /** `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  readonly registry: string;
  /** The path inside the registry: `library/nginx`, `coredns/coredns`. */
  readonly repository: string;
  /** `registry/repository`: `docker.io/library/nginx`. */
  readonly name: string;
  /** The tag as given, or `latest` when neither tag nor digest was given. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** containerd's ParseDockerRef form: `docker.io/library/nginx:latest` (a digest wins over a tag). */
  readonly normalized: string;
  /** The kubelet's applyDefaultImageTag form, what it asks the runtime for: `nginx:latest`. */
  readonly withDefaultTag: string;
}

export type ParsedImageReference =
  { readonly ok: true; readonly reference: ImageReference } | { readonly ok: false; readonly error: string };

/** Parses like the kubelet (`parsers.ParseImageName`): `nginx` -> `docker.io/library/nginx:latest`. */
export function parseImageReference(ref: string): ParsedImageReference {
  if (anchoredIdentifierRegexp.test(ref)) {
    return { ok: false, error: `invalid repository name (${ref}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(ref);
  const tagSeparator = remainder.indexOf(':');
  const remote = tagSeparator > -1 ? remainder.slice(0, tagSeparator) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const parsed = parseReference(`${domain}/${remainder}`);
  if (typeof parsed === 'string') return { ok: false, error: parsed };
  const name = `${parsed.registry}/${parsed.repository}`;
  const tag = parsed.tag ?? (parsed.digest ? undefined : 'latest');
  const normalized = parsed.digest ? `${name}@${parsed.digest}` : `${name}:${tag ?? 'latest'}`;
  const explicitTag = parsed.tag !== undefined && ref.endsWith(`:${parsed.tag}`);
  const withDefaultTag = parsed.digest || explicitTag ? ref : `${ref}:${tag ?? 'latest'}`;
  return {
    ok: true,
    reference: {
      original: ref,
      registry: parsed.registry,
      repository: parsed.repository,
      name,
      tag,
      digest: parsed.digest,
      normalized,
      withDefaultTag,
    },
  };
}

/**
 * The kubelet's container status message for a reference it cannot parse
 * (reason `InvalidImageName`, also the `InspectFailed` event message).
 */
export function invalidImageNameMessage(ref: string): string | undefined {
  const parsed = parseImageReference(ref);
  if (parsed.ok) return undefined;
  return `Failed to apply default image tag ${goQuote(ref)}: couldn't parse image name ${goQuote(ref)}: ${parsed.error}`;
}

/** A stable fake content digest for an image name: `sha256:` + 64 hex characters. */
export function fakeDigest(identity: string): string {
  return `sha256:${sha256Hex(identity)}`;
}

/** The `imageID` the kubelet reports: the repository with the repo digest, `docker.io/library/nginx@sha256:...`. */
export function imageIdFor(reference: ImageReference, contentIdentity: string): string {
  return `${reference.name}@${reference.digest ?? fakeDigest(contentIdentity)}`;
}

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  } else if (maybeDomain === 'localhost' || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else {
    [domain, remote] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

interface RawReference {
  registry: string;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

// reference.Parse: the full grammar, then the name split, length and digest checks.
function parseReference(text: string): RawReference | string {
  const matches = referenceRegexp.exec(text);
  if (!matches) {
    if (text === '') return 'repository name must have at least one component';
    if (referenceRegexp.test(text.toLowerCase())) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  const nameMatch = anchoredNameRegexp.exec(matches[1] ?? '');
  const registry = nameMatch?.[1] ?? '';
  const repository = nameMatch ? (nameMatch[2] ?? '') : (matches[1] ?? '');
  if (repository.length > NAME_TOTAL_LENGTH_MAX) {
    return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  }
  const digest = matches[3] || undefined;
  if (digest) {
    const digestError = validateDigest(digest);
    if (digestError) return digestError;
  }
  return { registry, repository, tag: matches[2] || undefined, digest };
}

// go-digest Digest.Validate with sha256/sha384/sha512 registered.
function validateDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon + 1 === digest.length) return 'invalid checksum digest format';
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) {
    return goDigestRegexp.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  if (encoded.length !== length) return 'invalid checksum digest length';
  return new RegExp(`^[a-f0-9]{${length}}$`).test(encoded) ? undefined : 'invalid checksum digest format';
}
