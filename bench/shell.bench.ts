// Benchmarks of kubectl and the learner's shell (libs/kubectl, libs/shell):
// `kubectl get pods` over 50 pods, and a 20-command lab script on a fresh
// sandbox. Run: npm run bench:shell   (figures go to docs/benchmarks.md)
import { createSandbox, type Sandbox } from '@kubelab/shell';
import { report, timeEachAsync } from './measure';

const START = Date.parse('2026-11-22T10:00:00Z');

function sandbox(): Sandbox {
  return createSandbox({ clusterOptions: { timeSource: () => START, quotas: { replicas: 100 } } });
}

const LAB_SCRIPT = [
  'kubectl run redis --image=redis --labels=app=redis',
  'kubectl expose pod redis --port=6379 --name redis-service',
  'kubectl create deployment nginxsvc --image=nginx --replicas=3',
  'kubectl expose deployment nginxsvc --port=80',
  'sleep 20',
  'kubectl get pods -o wide',
  'kubectl get svc',
  'kubectl get endpoints',
  'kubectl get svc nginxsvc -o yaml',
  'kubectl create service nodeport nginx --tcp=80:80 --node-port=30080',
  'kubectl run httpd --image=httpd:alpine --port=80 --expose',
  'kubectl get svc -o wide',
  'curl -s http://$(kubectl get svc nginxsvc -o jsonpath="{.spec.clusterIP}") | grep title',
  'curl -sI http://192.168.1.2:30080 | head -1',
  'kubectl get pods --show-labels',
  'kubectl get svc,ep',
  'kubectl run custom-nginx --image=nginx --port=8080 --dry-run=client -o yaml',
  'kubectl delete svc nginx',
  'k get all',
  'kubectl get pods -l app=nginxsvc -o name | wc -l',
];

async function benchGetPods(): Promise<void> {
  const { shell } = sandbox();
  await shell.run('kubectl create deployment web --image=nginx --replicas=50');
  await shell.run('sleep 30');
  const check = await shell.run('kubectl get pods --no-headers | wc -l');
  if (check.stdout.trim() !== '50') throw new Error(`expected 50 pods, got ${check.stdout}`);
  for (let i = 0; i < 20; i++) await shell.run('kubectl get pods');
  report(
    'kubectl get pods (50 pods, through the shell)',
    await timeEachAsync(300, () => shell.run('kubectl get pods')),
  );
  report('kubectl get pods -o yaml (50 pods)', await timeEachAsync(100, () => shell.run('kubectl get pods -o yaml')));
}

async function benchLabScript(): Promise<void> {
  const runScript = async () => {
    const { shell } = sandbox();
    for (const line of LAB_SCRIPT) await shell.run(line);
  };
  for (let i = 0; i < 5; i++) await runScript();
  report(`lab script (${LAB_SCRIPT.length} commands, fresh sandbox)`, await timeEachAsync(50, runScript));
}

async function main(): Promise<void> {
  await benchGetPods();
  await benchLabScript();
}

void main();
