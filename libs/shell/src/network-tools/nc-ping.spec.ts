import { minikube } from './minikube';
import { nc } from './nc';
import { ping } from './ping';
import { inPod, ToolLab } from './run-tool.testing';

describe('nc, ping and minikube', () => {
  const lab = new ToolLab()
    .web('web', 'nginx', 1, { clusterIP: '10.96.0.12', type: 'NodePort', ports: [{ port: 80, nodePort: 30008 }] })
    .pod('client', 'busybox', ['sleep', '3600']);
  const client = { host: inPod('client'), flavour: 'busybox' as const };

  it('OpenBSD netcat on the node', async () => {
    expect(await lab.run(nc, ['nc', '-zv', '10.96.0.12', '80'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Connection to 10.96.0.12 80 port [tcp/http] succeeded!\n',
    });
    expect(await lab.run(nc, ['nc', '-zv', '192.168.1.2', '81'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nc: connect to 192.168.1.2 port 81 (tcp) failed: Connection refused\n',
    });
    expect(await lab.run(nc, ['nc', '-zv', '-w', '2', '10.96.5.5', '80'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nc: connect to 10.96.5.5 port 80 (tcp) timed out: Operation now in progress\n',
    });
    expect(await lab.run(nc, ['nc', '-zv', 'node01', '22'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Connection to node01 (192.168.1.3) 22 port [tcp/ssh] succeeded!\n',
    });
    expect(await lab.run(nc, ['nc', '-z', 'nope', '80'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nc: getaddrinfo for host "nope" port 80: Name or service not known\n',
    });
  });

  it('busybox nc in a pod', async () => {
    expect(await lab.run(nc, ['nc', '-zv', 'web', '80'], client)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'web (10.96.0.12:80) open\n',
    });
    expect(await lab.run(nc, ['nc', '-zv', '192.168.1.2', '81'], client)).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(await lab.run(nc, ['nc', '-zvv', '192.168.1.2', '81'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'nc: 192.168.1.2 (192.168.1.2:81): Connection refused\n',
    });
  });

  it('iputils ping: nodes answer, ClusterIPs do not', async () => {
    expect(await lab.run(ping, ['ping', '-c', '2', '192.168.1.3'])).toEqual({
      code: 0,
      stdout:
        'PING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n' +
        '64 bytes from 192.168.1.3: icmp_seq=1 ttl=64 time=0.070 ms\n' +
        '64 bytes from 192.168.1.3: icmp_seq=2 ttl=64 time=0.099 ms\n\n' +
        '--- 192.168.1.3 ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1021ms\n' +
        'rtt min/avg/max/mdev = 0.070/0.084/0.099/0.014 ms\n',
      stderr: '',
    });
    expect(await lab.run(ping, ['ping', '-c', '1', '10.96.0.12'])).toEqual({
      code: 1,
      stdout:
        'PING 10.96.0.12 (10.96.0.12) 56(84) bytes of data.\n\n' +
        '--- 10.96.0.12 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n',
      stderr: '',
    });
    const interrupted = await lab.run(ping, ['ping', '192.168.1.3'], { interruptAfterMs: 2500 });
    expect(interrupted.stdout.split('\n').slice(-3, -1)).toEqual([
      '3 packets transmitted, 3 received, 0% packet loss, time 2042ms',
      'rtt min/avg/max/mdev = 0.070/0.085/0.099/0.011 ms',
    ]);
    expect(await lab.run(ping, ['ping', 'nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ping: nope: Name or service not known\n',
    });
  });

  it('busybox ping', async () => {
    const pod = lab.get('pods', 'client').status as { podIP: string };
    const result = await lab.run(ping, ['ping', '-c', '1', pod.podIP], client);
    expect(result.stdout).toBe(
      `PING ${pod.podIP} (${pod.podIP}): 56 data bytes\n` +
        `64 bytes from ${pod.podIP}: seq=0 ttl=64 time=${result.stdout.match(/time=([\d.]+)/)?.[1]} ms\n\n` +
        `--- ${pod.podIP} ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\n` +
        `round-trip min/avg/max = ${result.stdout.match(/time=([\d.]+)/)?.[1]}/${result.stdout.match(/time=([\d.]+)/)?.[1]}/${result.stdout.match(/time=([\d.]+)/)?.[1]} ms\n`,
    );
    expect(await lab.run(ping, ['ping', 'nope'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr: "ping: bad address 'nope'\n",
    });
  });

  it('minikube ip and service --url', async () => {
    expect(await lab.run(minikube, ['minikube', 'ip'])).toEqual({ code: 0, stdout: '192.168.1.2\n', stderr: '' });
    expect(await lab.run(minikube, ['minikube', 'service', 'web', '--url'])).toEqual({
      code: 0,
      stdout: 'http://192.168.1.2:30008\n',
      stderr: '',
    });
    expect((await lab.run(minikube, ['minikube', 'service', 'nope', '--url'])).code).toBe(85);
  });
});
