// The files a learner finds on a kubeadm control-plane node (Ubuntu 22.04,
// root's home): hostname, hosts, the systemd-resolved stub resolv.conf,
// os-release, a short .bashrc, and kubeadm's static pod manifests.
import type { VirtualFileSystem } from './virtual-fs';
import { staticPodManifests } from './static-pods';

export interface NodeFilesOptions {
  hostname: string;
  nodeIP: string;
  /** The API server URL, e.g. https://192.168.1.10:6443. */
  clusterServer: string;
  kubernetesVersion?: string;
  podSubnet?: string;
  serviceSubnet?: string;
}

export interface FileTree {
  directories: string[];
  files: Record<string, string>;
}

const RESOLV_CONF = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
search .
`;

const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

HISTCONTROL=ignoredups:ignorespace
HISTSIZE=1000
HISTFILESIZE=2000

source <(kubectl completion bash)
alias k=kubectl
complete -o default -F __start_kubectl k
`;

const PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

function hostsFile(hostname: string, nodeIP: string): string {
  return `127.0.0.1 localhost
${nodeIP} ${hostname}

# The following lines are desirable for IPv6 capable hosts
::1 ip6-localhost ip6-loopback
fe00::0 ip6-localnet
ff00::0 ip6-mcastprefix
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
`;
}

export function controlPlaneFiles(options: NodeFilesOptions): FileTree {
  const version = options.kubernetesVersion ?? 'v1.32.0';
  const manifests = staticPodManifests({
    nodeIP: options.nodeIP,
    version,
    podSubnet: options.podSubnet ?? '10.244.0.0/16',
    serviceSubnet: options.serviceSubnet ?? '10.96.0.0/12',
  });
  return {
    directories: [
      '/root',
      '/tmp',
      '/etc',
      '/etc/kubernetes',
      '/etc/kubernetes/manifests',
      '/etc/kubernetes/pki',
      '/var',
      '/var/log',
      '/opt',
      '/home',
    ],
    files: {
      '/root/.bashrc': BASHRC,
      '/root/.profile': PROFILE,
      '/etc/hostname': `${options.hostname}\n`,
      '/etc/hosts': hostsFile(options.hostname, options.nodeIP),
      '/etc/resolv.conf': RESOLV_CONF,
      '/etc/os-release': OS_RELEASE,
      ...Object.fromEntries(
        Object.entries(manifests).map(([name, text]) => [`/etc/kubernetes/manifests/${name}`, text]),
      ),
    },
  };
}

/** Writes a tree into a filesystem (directories first); files already there are kept. */
export function seedFileSystem(fs: VirtualFileSystem, tree: FileTree): void {
  for (const directory of tree.directories) fs.makeDirectory(directory, { parents: true });
  for (const [path, text] of Object.entries(tree.files)) {
    if (!fs.stat(path).ok)
      fs.writeFile(path, text, { mode: path.startsWith('/etc/kubernetes/manifests/') ? 0o600 : 0o644 });
  }
}
