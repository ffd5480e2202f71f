import { nginxIndexPage } from '@kubelab/cluster';
import { curl } from './curl';
import { inPod, ToolLab } from '../run-tool.testing';

const PAGE = nginxIndexPage('1.27.4');
const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
  '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
const METER_ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n';

describe('curl (7.81 on the node)', () => {
  const lab = new ToolLab()
    .web('web', 'nginx', 1, { clusterIP: '10.96.0.12' })
    .pod('client', 'busybox', ['sleep', '3600'])
    .pod('debian', 'nginx');

  it('prints the page, with the progress meter on stderr when stdout is not a terminal', async () => {
    expect(await lab.run(curl, ['curl', 'http://10.96.0.12'])).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: METER_HEAD + '\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n',
    });
    expect(await lab.run(curl, ['curl', 'http://10.96.0.12'], { tty: true })).toEqual({
      code: 0,
      stdout: PAGE,
      stderr: '',
    });
  });

  it('traces the exchange with -v', async () => {
    const result = await lab.run(curl, ['curl', '-sv', 'http://10.96.0.12/'], { tty: true });
    expect(result.stderr).toBe(
      '*   Trying 10.96.0.12:80...\n' +
        '* Connected to 10.96.0.12 (10.96.0.12) port 80 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: 10.96.0.12\r\n> User-Agent: curl/7.81.0\r\n> Accept: */*\r\n> \r\n' +
        '* Mark bundle as not supporting multiuse\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.27.4\r\n< Date: Sun, 22 Nov 2026 10:01:30 GMT\r\n' +
        '< Content-Type: text/html\r\n< Content-Length: 615\r\n< Last-Modified: Wed, 05 Feb 2025 11:06:32 GMT\r\n' +
        '< Connection: keep-alive\r\n< ETag: "67a34638-267"\r\n< Accept-Ranges: bytes\r\n< \r\n' +
        '* Connection #0 to host 10.96.0.12 left intact\n',
    );
    expect(result.stdout).toBe(PAGE);
  });

  it('shows headers with -I and -i', async () => {
    const head = await lab.run(curl, ['curl', '-sI', 'http://10.96.0.12']);
    expect(head.stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\nDate: Sun, 22 Nov 2026 10:01:30 GMT\r\nContent-Type: text/html\r\n' +
        'Content-Length: 615\r\nLast-Modified: Wed, 05 Feb 2025 11:06:32 GMT\r\nConnection: keep-alive\r\n' +
        'ETag: "67a34638-267"\r\nAccept-Ranges: bytes\r\n\r\n',
    );
    const include = await lab.run(curl, ['curl', '-si', 'http://10.96.0.12']);
    expect(include.stdout).toBe(head.stdout + PAGE);
  });

  it('fails like curl: refused (7), unknown host (6), timeouts (28)', async () => {
    expect(await lab.run(curl, ['curl', 'http://192.168.1.2:81'])).toEqual({
      code: 7,
      stdout: '',
      stderr:
        METER_HEAD + METER_ZERO + 'curl: (7) Failed to connect to 192.168.1.2 port 81 after 0 ms: Connection refused\n',
    });
    expect(await lab.run(curl, ['curl', '-s', 'http://nope'])).toEqual({ code: 6, stdout: '', stderr: '' });
    expect(await lab.run(curl, ['curl', '-sS', 'http://nope'])).toEqual({
      code: 6,
      stdout: '',
      stderr: 'curl: (6) Could not resolve host: nope\n',
    });
    const before = lab.slept;
    expect(await lab.run(curl, ['curl', '-sS', '-m', '3', 'http://10.96.5.5'])).toEqual({
      code: 28,
      stdout: '',
      stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n',
    });
    expect(lab.slept - before).toBe(3001);
    expect((await lab.run(curl, ['curl', '-sS', 'http://10.96.5.5'])).stderr).toBe(
      'curl: (28) Failed to connect to 10.96.5.5 port 80 after 127000 ms: Connection timed out\n',
    );
  });

  it('traces a refused connection', async () => {
    expect((await lab.run(curl, ['curl', '-v', 'http://192.168.1.2:81'], { tty: true })).stderr).toBe(
      '*   Trying 192.168.1.2:81...\n' +
        '* connect to 192.168.1.2 port 81 failed: Connection refused\n' +
        '* Failed to connect to 192.168.1.2 port 81 after 0 ms: Connection refused\n' +
        '* Closing connection 0\n' +
        'curl: (7) Failed to connect to 192.168.1.2 port 81 after 0 ms: Connection refused\n',
    );
  });

  it('meets the kube-apiserver as an anonymous client', async () => {
    const body =
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n' +
      '  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",\n' +
      '  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}\n';
    expect(await lab.run(curl, ['curl', '-sk', 'https://10.96.0.1'])).toEqual({ code: 0, stdout: body, stderr: '' });
    expect(await lab.run(curl, ['curl', '-s', 'https://192.168.1.2:6443/healthz', '-k'])).toEqual({
      code: 0,
      stdout: 'ok',
      stderr: '',
    });
    expect(await lab.run(curl, ['curl', '-sS', 'https://kubernetes.default'], { host: inPod('debian') })).toEqual({
      code: 60,
      stdout: '',
      stderr:
        'curl: (60) SSL certificate problem: unable to get local issuer certificate\n' +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the web page mentioned above.\n',
    });
    expect((await lab.run(curl, ['curl', '-s', 'http://192.168.1.2:6443'])).stdout).toBe(
      'Client sent an HTTP request to an HTTPS server.\n',
    );
  });

  it('writes out, fails on HTTP errors with -f, and saves with -o', async () => {
    expect(
      await lab.run(curl, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://10.96.0.12/nope']),
    ).toEqual({ code: 0, stdout: '404\n', stderr: '' });
    expect(await lab.run(curl, ['curl', '-sSf', 'http://10.96.0.12/nope'])).toEqual({
      code: 22,
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
    });
    expect(await lab.run(curl, ['curl', '-so', 'page.html', 'http://10.96.0.12'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(lab.fs.files.get('/root/page.html')).toBe(PAGE);
  });

  it('reports usage errors', async () => {
    const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    expect(await lab.run(curl, ['curl'])).toEqual({ code: 2, stdout: '', stderr: tryHelp });
    expect(await lab.run(curl, ['curl', '--foo', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `curl: option --foo: is unknown\n${tryHelp}`,
    });
    expect(await lab.run(curl, ['curl', '-o'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `curl: option -o: requires parameter\n${tryHelp}`,
    });
  });

  it('reaches Services by name from a pod, and local listeners from the node', async () => {
    expect((await lab.run(curl, ['curl', '-s', 'http://web'], { host: inPod('debian') })).stdout).toBe(PAGE);
    lab.listeners.set('127.0.0.1:8001', {
      kind: 'http',
      handle: (request) => ({ status: 200, reason: 'OK', headers: [], body: `proxied ${request.path}\n` }),
    });
    expect((await lab.run(curl, ['curl', '-s', 'localhost:8001/api'])).stdout).toBe('proxied /api\n');
    lab.listeners.set('127.0.0.1:8080', { kind: 'forward', namespace: 'default', pod: 'debian', port: 80 });
    expect((await lab.run(curl, ['curl', '-s', 'http://127.0.0.1:8080/'])).stdout).toBe(PAGE);
  });
});
