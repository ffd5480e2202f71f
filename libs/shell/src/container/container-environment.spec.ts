import { nginxIndexPage } from '@kubelab/cluster';
import { ToolLab } from '../network-tools/run-tool.testing';
import { containerEnvironment } from './container-environment';

describe('containerEnvironment', () => {
  const lab = new ToolLab().pod('client', 'busybox', ['sleep', '3600']).pod('web', 'nginx');
  lab.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'aliased' },
    spec: {
      hostname: 'box',
      subdomain: 'group',
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }],
      containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }],
    },
  });
  lab.wait(30);

  const ipOf = (name: string): string => (lab.get('pods', name).status as { podIP: string }).podIP;

  it('enters a busybox container', () => {
    const env = containerEnvironment(lab.cluster, { namespace: 'default', pod: 'client', container: 'client' });
    if (!env.ok) throw new Error(env.message);
    expect({ flavour: env.flavour, shell: env.shell, prompt: env.prompt }).toEqual({
      flavour: 'busybox',
      shell: 'sh',
      prompt: '/ # ',
    });
    expect(env.programs).toContain('wget');
    expect(env.env['HOSTNAME']).toBe('client');
    expect(env.env['KUBERNETES_SERVICE_HOST']).toBe('10.96.0.1');
    expect(env.files['/etc/resolv.conf']).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(env.files['/etc/hostname']).toBe('client\n');
    expect(env.files['/etc/hosts']).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        `${ipOf('client')}\tclient\n`,
    );
  });

  it('enters a Debian nginx container with bash and its pages', () => {
    const env = containerEnvironment(lab.cluster, { namespace: 'default', pod: 'web', container: 'web' });
    if (!env.ok) throw new Error(env.message);
    expect({ flavour: env.flavour, shell: env.shell, prompt: env.prompt }).toEqual({
      flavour: 'gnu',
      shell: 'bash',
      prompt: 'root@web:/# ',
    });
    expect(env.files['/usr/share/nginx/html/index.html']).toBe(nginxIndexPage('1.27.4'));
    expect(env.env['NGINX_VERSION']).toBe('1.27.4');
  });

  it('writes hostname, subdomain and hostAliases into /etc/hosts', () => {
    const env = containerEnvironment(lab.cluster, { namespace: 'default', pod: 'aliased', container: 'main' });
    if (!env.ok) throw new Error(env.message);
    expect(env.files['/etc/hosts']?.split('\n').slice(7)).toEqual([
      `${ipOf('aliased')}\tbox.group.default.svc.cluster.local\tbox`,
      '',
      '# Entries added by HostAliases.',
      '127.0.0.1\tfoo.local\tbar.local',
      '',
    ]);
    expect(env.prompt).toBe('/ # ');
  });

  it('refuses missing pods and containers', () => {
    expect(containerEnvironment(lab.cluster, { namespace: 'default', pod: 'ghost', container: 'x' })).toEqual({
      ok: false,
      message: 'pods "ghost" not found',
    });
    expect(containerEnvironment(lab.cluster, { namespace: 'default', pod: 'web', container: 'nope' })).toEqual({
      ok: false,
      message: 'container nope is not valid for pod web',
    });
  });
});
