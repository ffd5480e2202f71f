// Server-backed behaviour of the write commands, mirroring the real-cluster
// transcripts (/work/shared/reference/transcripts.json) and the course's exercises.
import { KubectlHarness } from '../../testing/kubectl.testing';
import type * as Testing from './testing';

jest.mock('../registry', () => ({
  COMMANDS: jest.requireActual<typeof Testing>('./testing').WRITE_COMMANDS,
}));

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode });

describe('create and expose (transcripts)', () => {
  it('creates a deployment and exposes it', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('kubectl create deployment shop --image=nginx --replicas=2 --port=80')).toEqual(
      ok('deployment.apps/shop created\n'),
    );
    expect(await kubectl.run('kubectl expose deployment shop --name=shop-cip --port=8080 --target-port=80')).toEqual(
      ok('service/shop-cip exposed\n'),
    );
    expect(await kubectl.run('kubectl expose deployment shop --name=shop-np --type=NodePort --port=80')).toEqual(
      ok('service/shop-np exposed\n'),
    );
    const service = kubectl.cluster.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      name: 'shop-cip',
    });
    const spec = service.body as { spec?: Record<string, unknown>; metadata?: { labels?: unknown } };
    expect(spec.metadata?.labels).toEqual({ app: 'shop' });
    expect(spec.spec?.['ports']).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 80 }]);
    expect(spec.spec?.['selector']).toEqual({ app: 'shop' });
  });

  it('creates services with the generators', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('kubectl create service externalname shop-db --external-name db.example.org')).toEqual(
      ok('service/shop-db created\n'),
    );
    expect(await kubectl.run('kubectl create service clusterip shop-headless --clusterip=None --tcp=80:80')).toEqual(
      ok('service/shop-headless created\n'),
    );
    expect(await kubectl.run('kubectl create service nodeport nginx --tcp=80:80 --node-port=30080')).toEqual(
      ok('service/nginx created\n'),
    );
  });

  it('reports generator failures as kubectl does', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('kubectl create namespace team-a')).toEqual(ok('namespace/team-a created\n'));
    expect(await kubectl.run('kubectl create namespace team-a')).toEqual(
      fail('Error from server (AlreadyExists): namespaces "team-a" already exists\n'),
    );
    expect(await kubectl.run('kubectl create namespace Bad_NS')).toEqual(
      fail(
        `The Namespace "Bad_NS" is invalid: metadata.name: Invalid value: "Bad_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n`,
      ),
    );
    expect(await kubectl.run('kubectl -n team-a create service nodeport web --tcp=80:8080 --node-port=29999')).toEqual(
      fail(
        'error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
      ),
    );
    expect(await kubectl.run('kubectl -n team-a create service clusterip web --tcp=80:http')).toEqual(
      ok('service/web created\n'),
    );
    expect(await kubectl.run('kubectl expose deployment ghost')).toEqual(
      fail('Error from server (NotFound): deployments.apps "ghost" not found\n'),
    );
    expect(await kubectl.run('kubectl run x --image=nginx --port=abc')).toEqual(
      fail('error: strconv.Atoi: parsing "abc": invalid syntax\n'),
    );
  });

  it('runs pods and exposes them (course exercises)', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('kubectl run httpd --image=httpd:alpine --port=80 --expose')).toEqual(
      ok('service/httpd created\npod/httpd created\n'),
    );
    expect(await kubectl.run('kubectl run redis --image=redis --labels=tier=db')).toEqual(ok('pod/redis created\n'));
    expect(await kubectl.run('kubectl expose pod redis --port=6379 --name redis-service')).toEqual(
      ok('service/redis-service exposed\n'),
    );
    expect(await kubectl.run('kubectl expose pod httpd')).toEqual(
      fail('Error from server (AlreadyExists): services "httpd" already exists\n'),
    );
    expect(
      await kubectl.run(
        'kubectl run single --image=busybox:1.36 --restart=Never --labels=app=single,tier=tools --env=MODE=debug --port=8080 -- sleep 3600',
      ),
    ).toEqual(ok('pod/single created\n'));
    expect(await kubectl.run('kubectl create deployment k8s-demo --image=nginx')).toEqual(
      ok('deployment.apps/k8s-demo created\n'),
    );
    expect(await kubectl.run('kubectl expose deployments k8s-demo --port 8080 --type LoadBalancer')).toEqual(
      ok('service/k8s-demo exposed\n'),
    );
    expect(await kubectl.run('kubectl expose deployment k8s-demo --name=again')).toEqual(
      fail("error: couldn't find port via --port flag or introspection\n"),
    );
  });
});

describe('apply, scale, set image, label, delete', () => {
  const namedYaml = `apiVersion: v1
kind: Service
metadata:
  name: shop-named
spec:
  selector:
    app: shop
  ports:
  - name: http
    port: 80
    targetPort: http-web
  - name: metrics
    port: 9100
    targetPort: 9100
    protocol: TCP
  externalIPs:
  - 192.168.1.100
`;

  it('applies: created, unchanged, configured, and the last-applied annotation', async () => {
    const kubectl = KubectlHarness.create();
    kubectl.files.set('named.yaml', namedYaml);
    expect(await kubectl.run('kubectl apply -f named.yaml')).toEqual(ok('service/shop-named created\n'));
    const live = kubectl.cluster.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      name: 'shop-named',
    });
    expect((live.body as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"shop-named","namespace":"default"},"spec":{"externalIPs":["192.168.1.100"],"ports":[{"name":"http","port":80,"targetPort":"http-web"},{"name":"metrics","port":9100,"protocol":"TCP","targetPort":9100}],"selector":{"app":"shop"}}}\n',
    });
    expect(await kubectl.run('kubectl apply -f named.yaml')).toEqual(ok('service/shop-named unchanged\n'));
    kubectl.files.set(
      'named.yaml',
      namedYaml.replace('  - name: metrics\n    port: 9100\n    targetPort: 9100\n    protocol: TCP\n', ''),
    );
    expect(await kubectl.run('kubectl apply -f named.yaml')).toEqual(ok('service/shop-named configured\n'));
    const after = kubectl.cluster.request({
      verb: 'get',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: 'default',
      name: 'shop-named',
    });
    expect((after.body as { spec?: { ports?: unknown[] } }).spec?.ports).toHaveLength(1);
    expect(await kubectl.run('kubectl apply -f named.yaml')).toEqual(ok('service/shop-named unchanged\n'));
  });

  it('warns when applying over an object created without the annotation', async () => {
    const kubectl = KubectlHarness.create();
    kubectl.files.set('svc.yaml', namedYaml);
    expect(await kubectl.run('kubectl create -f svc.yaml')).toEqual(ok('service/shop-named created\n'));
    expect(await kubectl.run('kubectl create -f svc.yaml')).toEqual(
      fail('Error from server (AlreadyExists): error when creating "svc.yaml": services "shop-named" already exists\n'),
    );
    expect(await kubectl.run('kubectl apply -f svc.yaml')).toEqual({
      stdout: 'service/shop-named configured\n',
      stderr:
        'Warning: resource services/shop-named is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    });
  });

  it('reports invalid objects as the server words them', async () => {
    const kubectl = KubectlHarness.create();
    kubectl.files.set(
      'lbsrc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: db.example.org\n  clusterIP: 10.96.50.50\n  ports:\n  - port: 5432\n',
    );
    expect(await kubectl.run('kubectl apply -f lbsrc.yaml')).toEqual(
      fail('The Service "ext" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services\n'),
    );
    kubectl.files.set(
      'nosel.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nosel\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: nosel\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    );
    expect(await kubectl.run('kubectl apply -f nosel.yaml')).toEqual(
      fail(
        'The Deployment "nosel" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nosel"}: `selector` does not match template `labels`\n',
      ),
    );
  });

  it('prints objects with -o', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('kubectl create configmap cfg --from-literal=a=b -o jsonpath={.data.a}')).toEqual(ok('b'));
    expect(await kubectl.run('kubectl create configmap cfg2 --dry-run=server -o name')).toEqual(ok('configmap/cfg2\n'));
    expect(await kubectl.run('kubectl create configmap cfg2 --dry-run=server')).toEqual(
      ok('configmap/cfg2 created (server dry run)\n'),
    );
  });

  it('scales, sets images, labels and deletes', async () => {
    const kubectl = KubectlHarness.create();
    await kubectl.run('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    expect(await kubectl.run('kubectl scale deployment web --replicas=0')).toEqual(ok('deployment.apps/web scaled\n'));
    expect(await kubectl.run('kubectl scale deployment --replicas=2')).toEqual(
      fail('error: resource(s) were provided, but no name was specified\n'),
    );
    expect(await kubectl.run('kubectl set image deployment/web nginx=nginx:1.27')).toEqual(
      ok('deployment.apps/web image updated\n'),
    );
    expect(await kubectl.run('kubectl label pod ghost a=b')).toEqual(
      fail('Error from server (NotFound): pods "ghost" not found\n'),
    );
    expect(await kubectl.run('kubectl label deployment web app=other')).toEqual(
      fail("error: 'app' already has a value (web), and --overwrite is false\n"),
    );
    expect(await kubectl.run('kubectl label deployment web tier=front')).toEqual(ok('deployment.apps/web labeled\n'));
    expect(await kubectl.run('kubectl annotate deployment web note=hello')).toEqual(
      ok('deployment.apps/web annotated\n'),
    );
    expect(await kubectl.run('kubectl delete svc ghost')).toEqual(
      fail('Error from server (NotFound): services "ghost" not found\n'),
    );
    expect(await kubectl.run('kubectl delete deployment web')).toEqual(ok('deployment.apps "web" deleted\n'));
  });

  it('deletes pods waiting for them to go, and force-deletes', async () => {
    const kubectl = KubectlHarness.create();
    await kubectl.run('kubectl run a --image=nginx');
    await kubectl.run('kubectl run b --image=nginx');
    kubectl.cluster.advance(20_000);
    expect(await kubectl.run('kubectl delete pod a')).toEqual(ok('pod "a" deleted\n'));
    expect(
      kubectl.cluster.request({
        verb: 'get',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        name: 'a',
      }).status,
    ).toBe(404);
    expect(await kubectl.run('kubectl delete pod b --force')).toEqual({
      stdout: 'pod "b" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(await kubectl.run('kubectl delete pod')).toEqual(
      fail('error: resource(s) were provided, but no name was specified\n'),
    );
  });
});
