// The commands a shell finds in the base systems the catalogue's images are
// built on. The lists name what matters for a lab (network and process tools
// are the usual surprises: debian-slim has no ps, ping, nslookup, wget or nc;
// busybox has them all; distroless and scratch images have no shell at all).

import { type ShellTools } from '../types';

/** debian:*-slim: coreutils, dash as sh, bash, grep/sed/mawk, findutils, perl-base; no procps or network tools. */
export const DEBIAN_SLIM_COMMANDS: readonly string[] = words(`
  apt apt-get awk base64 basename bash cat chgrp chmod chown cp cut date dd df dirname dpkg du echo
  env expr false find getent grep gunzip gzip head hostname id kill ln ls md5sum mkdir mktemp more
  mount mv nproc od perl printenv printf pwd readlink realpath rm rmdir sed seq sh sha256sum sleep
  sort stat su sync tail tar tee test timeout touch tr true uname uniq wc whoami xargs yes
`);

/** Busybox applets of the busybox image (and of alpine's /bin/busybox): the network tools are all there. */
export const BUSYBOX_COMMANDS: readonly string[] = words(`
  arp ash awk base64 basename cat chmod chown cp cut date dd df dirname dmesg du echo env expr false
  find free grep gunzip gzip head hostname id ifconfig ip kill killall ln ls md5sum mkdir mktemp mount
  mv nc netstat nproc nslookup od pidof ping ping6 printenv printf ps pwd readlink realpath rm rmdir
  route sed seq sh sha256sum sleep sort stat tail tar tee test timeout top touch tr traceroute true
  uname uniq uptime vi watch wc wget which whoami xargs yes
`);

/** The busybox image adds a few applets alpine leaves to other packages. */
export const BUSYBOX_IMAGE_EXTRA_COMMANDS: readonly string[] = ['httpd', 'telnet', 'nohup'];

/** alpine: busybox applets plus apk. */
export const ALPINE_COMMANDS: readonly string[] = [...BUSYBOX_COMMANDS, 'apk'];

export function debianShell(extra: readonly string[] = []): ShellTools {
  return { shell: '/bin/sh', bash: true, binaries: sortedUnique([...DEBIAN_SLIM_COMMANDS, ...extra]) };
}

export function alpineShell(extra: readonly string[] = []): ShellTools {
  return { shell: '/bin/sh', bash: false, binaries: sortedUnique([...ALPINE_COMMANDS, ...extra]) };
}

export function busyboxShell(): ShellTools {
  return {
    shell: '/bin/sh',
    bash: false,
    binaries: sortedUnique([...BUSYBOX_COMMANDS, ...BUSYBOX_IMAGE_EXTRA_COMMANDS]),
  };
}

/** Images built FROM scratch or distroless: `kubectl exec -- sh` finds nothing. */
export function noShell(binaries: readonly string[] = []): ShellTools {
  return { shell: undefined, bash: false, binaries: sortedUnique(binaries) };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function sortedUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}
