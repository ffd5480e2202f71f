import { inPod, ToolLab } from '../run-tool.testing';
import { dig } from './dig';
import { host } from './host';
import { nslookup } from './nslookup';

describe('DNS tools', () => {
  const lab = new ToolLab()
    .web('web', 'nginx', 1, { clusterIP: '10.96.0.12' })
    .pod('client', 'busybox', ['sleep', '3600']);
  const client = { host: inPod('client'), flavour: 'busybox' as const };

  it('bind nslookup on the node: cluster names only through the cluster DNS', async () => {
    expect(await lab.run(nslookup, ['nslookup', 'web.default.svc.cluster.local', '10.96.0.10'])).toEqual({
      code: 0,
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.12\n\n',
      stderr: '',
    });
    expect(await lab.run(nslookup, ['nslookup', 'web.default.svc.cluster.local'])).toEqual({
      code: 1,
      stdout:
        "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find web.default.svc.cluster.local: NXDOMAIN\n\n",
      stderr: '',
    });
    expect((await lab.run(nslookup, ['nslookup', 'example.com'])).stdout).toBe(
      'Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\n' +
        'Name:\texample.com\nAddress: 93.184.215.14\nName:\texample.com\nAddress: 2606:2800:21f:cb07:6820:80da:af6b:8b2c\n\n',
    );
  });

  it('busybox nslookup asks every search domain for A and AAAA', async () => {
    expect(await lab.run(nslookup, ['nslookup', 'web'], client)).toEqual({
      code: 1,
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tweb.default.svc.cluster.local\nAddress: 10.96.0.12\n\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n",
      stderr: '',
    });
    expect(await lab.run(nslookup, ['nslookup', 'web.default.svc.cluster.local'], client)).toEqual({
      code: 0,
      stdout:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.12\n\n\n',
      stderr: '',
    });
  });

  it('dig', async () => {
    expect(await lab.run(dig, ['dig', '+short', '@10.96.0.10', 'web.default.svc.cluster.local'])).toEqual({
      code: 0,
      stdout: '10.96.0.12\n',
      stderr: '',
    });
    const full = await lab.run(dig, ['dig', '@10.96.0.10', 'web.default.svc.cluster.local']);
    expect(full.stdout.replace(/id: \d+/, 'id: ID')).toBe(
      '\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> @10.96.0.10 web.default.svc.cluster.local\n' +
        '; (1 server found)\n;; global options: +cmd\n;; Got answer:\n' +
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n' +
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n' +
        ';; WARNING: recursion requested but not available\n\n' +
        ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n' +
        ';; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n\n' +
        ';; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t10.96.0.12\n\n' +
        ';; Query time: 0 msec\n;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n' +
        ';; WHEN: Sun Nov 22 10:01:00 UTC 2026\n;; MSG SIZE  rcvd: 74\n\n',
    );
    expect((await lab.run(dig, ['dig', 'example.com'])).stdout).toContain(
      ';; QUESTION SECTION:\n;example.com.\t\t\tIN\tA\n\n;; ANSWER SECTION:\nexample.com.\t\t300\tIN\tA\t93.184.215.14\n',
    );
    expect((await lab.run(dig, ['dig', '+short', '@10.96.0.10', '-x', '10.96.0.12'])).stdout).toBe(
      'web.default.svc.cluster.local.\n',
    );
  });

  it('host', async () => {
    expect(await lab.run(host, ['host', 'web.default.svc.cluster.local', '10.96.0.10'])).toEqual({
      code: 0,
      stdout:
        'Using domain server:\nName: 10.96.0.10\nAddress: 10.96.0.10#53\nAliases: \n\n' +
        'web.default.svc.cluster.local has address 10.96.0.12\n',
      stderr: '',
    });
    expect(await lab.run(host, ['host', 'web'], { host: inPod('client') })).toEqual({
      code: 0,
      stdout: 'web.default.svc.cluster.local has address 10.96.0.12\n',
      stderr: '',
    });
    expect(await lab.run(host, ['host', 'nope'])).toEqual({
      code: 1,
      stdout: 'Host nope not found: 3(NXDOMAIN)\n',
      stderr: '',
    });
  });

  it('times out when the cluster DNS has no endpoints', async () => {
    const dark = new ToolLab().pod('client', 'busybox', ['sleep', '3600']);
    dark.cluster.request({
      verb: 'patch',
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      namespace: 'kube-system',
      name: 'coredns',
      patchType: 'merge',
      body: { spec: { replicas: 0 } },
    });
    dark.wait(60);
    const before = dark.slept;
    expect(await dark.run(nslookup, ['nslookup', 'web'], { host: inPod('client'), flavour: 'busybox' })).toEqual({
      code: 1,
      stdout: ';; connection timed out; no servers could be reached\n\n',
      stderr: '',
    });
    expect(dark.slept - before).toBe(5000);
    expect(await dark.run(dig, ['dig', '@10.96.0.10', 'web.default.svc.cluster.local'])).toEqual({
      code: 9,
      stdout:
        '\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> @10.96.0.10 web.default.svc.cluster.local\n' +
        '; (1 server found)\n;; global options: +cmd\n' +
        ';; communications error to 10.96.0.10#53: timed out\n'.repeat(3) +
        ';; no servers could be reached\n',
      stderr: '',
    });
  });
});
