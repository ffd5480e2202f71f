import { nginxIndexPage } from '@kubelab/cluster';
import { inPod, ToolLab } from '../run-tool.testing';
import { busyboxWget } from './wget-busybox';
import { gnuWget } from './wget-gnu';

const PAGE = nginxIndexPage('1.27.4');

describe('wget', () => {
  const lab = new ToolLab()
    .web('web', 'nginx', 1, { clusterIP: '10.96.0.12' })
    .pod('client', 'busybox', ['sleep', '3600']);
  const client = { host: inPod('client'), flavour: 'busybox' as const };

  it('GNU Wget logs and saves index.html', async () => {
    expect(await lab.run(gnuWget, ['wget', 'http://10.96.0.12'])).toEqual({
      code: 0,
      stdout: '',
      stderr:
        '--2026-11-22 10:01:00--  http://10.96.0.12/\n' +
        'Connecting to 10.96.0.12:80... connected.\n' +
        'HTTP request sent, awaiting response... 200 OK\n' +
        'Length: 615 [text/html]\n' +
        'Saving to: ‘index.html’\n\n' +
        '     0K                                                       100% 58.7M=0s\n\n' +
        '2026-11-22 10:01:00 (58.7 MB/s) - ‘index.html’ saved [615/615]\n\n',
    });
    expect(lab.fs.files.get('/root/index.html')).toBe(PAGE);
    expect(await lab.run(gnuWget, ['wget', '-qO-', 'http://10.96.0.12'])).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: '',
    });
  });

  it('GNU Wget failures', async () => {
    expect(await lab.run(gnuWget, ['wget', 'http://192.168.1.2:81'])).toEqual({
      code: 4,
      stdout: '',
      stderr:
        '--2026-11-22 10:01:00--  http://192.168.1.2:81/\nConnecting to 192.168.1.2:81... failed: Connection refused.\n',
    });
    expect(await lab.run(gnuWget, ['wget', 'http://10.96.0.12/nope'])).toEqual({
      code: 8,
      stdout: '',
      stderr:
        '--2026-11-22 10:01:00--  http://10.96.0.12/nope\n' +
        'Connecting to 10.96.0.12:80... connected.\n' +
        'HTTP request sent, awaiting response... 404 Not Found\n' +
        '2026-11-22 10:01:00 ERROR 404: Not Found.\n\n',
    });
    expect(await lab.run(gnuWget, ['wget', 'http://nope/'])).toEqual({
      code: 4,
      stdout: '',
      stderr:
        '--2026-11-22 10:01:00--  http://nope/\n' +
        'Resolving nope (nope)... failed: Name or service not known.\n' +
        'wget: unable to resolve host address ‘nope’\n',
    });
  });

  it('busybox wget in a pod', async () => {
    expect(await lab.run(busyboxWget, ['wget', '-O-', 'http://web'], client)).toEqual({
      code: 0,
      stdout: PAGE,
      stderr:
        'Connecting to web (10.96.0.12:80)\n' +
        'writing to stdout\n' +
        '-                    100% |********************************|   615  0:00:00 ETA\n' +
        'written to stdout\n',
    });
    expect(await lab.run(busyboxWget, ['wget', '-qO-', 'http://web'], client)).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: '',
    });
    expect(await lab.run(busyboxWget, ['wget', 'http://nope'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr: "wget: bad address 'nope'\n",
    });
    expect(await lab.run(busyboxWget, ['wget', '-T', '2', 'http://10.96.5.5'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Connecting to 10.96.5.5 (10.96.5.5:80)\nwget: download timed out\n',
    });
    expect(await lab.run(busyboxWget, ['wget', '-O-', 'http://web/nope'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Connecting to web (10.96.0.12:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n',
    });
  });

  it('meets the kube-apiserver over HTTPS', async () => {
    expect(await lab.run(gnuWget, ['wget', 'https://10.96.0.1'])).toEqual({
      code: 5,
      stdout: '',
      stderr:
        '--2026-11-22 10:01:02--  https://10.96.0.1/\n' +
        'Connecting to 10.96.0.1:443... connected.\n' +
        "ERROR: cannot verify 10.96.0.1's certificate, issued by ‘CN=kubernetes’:\n" +
        "  Unable to locally verify the issuer's authority.\n" +
        "To connect to 10.96.0.1 insecurely, use `--no-check-certificate'.\n",
    });
    expect(await lab.run(gnuWget, ['wget', '-q', '--no-check-certificate', 'https://10.96.0.1'])).toEqual({
      code: 8,
      stdout: '',
      stderr: '',
    });
    expect(await lab.run(busyboxWget, ['wget', '-O-', 'https://kubernetes.default'], client)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Connecting to kubernetes.default (10.96.0.1:443)\n' +
        'wget: note: TLS certificate validation not implemented\n' +
        'wget: server returned error: HTTP/1.1 403 Forbidden\n',
    });
  });
});
