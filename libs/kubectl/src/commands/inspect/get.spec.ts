import { KubectlHarness } from '../../testing/kubectl.testing';

describe('kubectl get', () => {
  let kubectl: KubectlHarness;
  beforeEach(() => {
    kubectl = KubectlHarness.create();
  });

  it('lists services as a table', async () => {
    const result = await kubectl.run('get svc');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3h\n',
    );
  });

  it('reports empty namespaces and missing objects like kubectl', async () => {
    expect(await kubectl.run('get pods')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(await kubectl.run('get svc -n nowhere')).toEqual({
      stdout: '',
      stderr: 'No resources found in nowhere namespace.\n',
      exitCode: 0,
    });
    expect(await kubectl.run('get pod ghost')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "ghost" not found\n',
      exitCode: 1,
    });
    expect(await kubectl.run('get deployments.apps ghost')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "ghost" not found\n',
      exitCode: 1,
    });
    expect((await kubectl.run('get foo')).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('prints kinds with prefixes and a blank line between them', async () => {
    await kubectl.run('create deployment web --image=nginx --replicas=2');
    kubectl.cluster.advance(30_000);
    const all = await kubectl.run('get all');
    expect(all.stdout).toMatch(
      /^NAME {2,}READY {3}STATUS {4}RESTARTS {3}AGE\npod\/web-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}30s\n/,
    );
    expect(all.stdout).toContain(
      '\n\nNAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP',
    );
    expect(all.stdout).toContain(
      '\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/2     2            2           30s\n',
    );
    const names = await kubectl.run('get deploy,svc -o name');
    expect(names.stdout).toBe('deployment.apps/web\nservice/kubernetes\n');
  });

  it('prints a single object as itself and several as a List', async () => {
    const one = await kubectl.run('get svc kubernetes -o jsonpath={.spec.clusterIP}');
    expect(one.stdout).toBe('10.96.0.1');
    const list = await kubectl.run('get svc -o jsonpath={.items[*].metadata.name}');
    expect(list.stdout).toBe('kubernetes');
    const yaml = await kubectl.run('get ns default -o yaml');
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n {2}creationTimestamp: "/);
    const empty = await kubectl.run('get pods -o json');
    expect(empty.stdout).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('shows labels, label columns and all namespaces', async () => {
    const labels = await kubectl.run('get ns default --show-labels');
    expect(labels.stdout).toBe(
      'NAME      STATUS   AGE   LABELS\ndefault   Active   3h    kubernetes.io/metadata.name=default\n',
    );
    const columns = await kubectl.run('get svc -A -L k8s-app');
    expect(columns.stdout).toBe(
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   K8S-APP\n' +
        'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  3h    \n' +
        'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   3h    kube-dns\n',
    );
  });

  it('watches until nothing more happens', async () => {
    await kubectl.run('run web --image=nginx');
    const watched = await kubectl.run('get pods -w');
    expect(watched.stdout.split('\n')[0]).toBe('NAME   READY   STATUS              RESTARTS   AGE');
  });
});
