// kubectl edit's editor loop, kubectl run -it --rm, patch, and -f manifest errors.
import { KubectlHarness } from '../../testing/kubectl.testing';
import type * as Testing from './testing';

jest.mock('../registry', () => ({
  COMMANDS: jest.requireActual<typeof Testing>('./testing').WRITE_COMMANDS,
}));

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

describe('kubectl edit', () => {
  it('cancels when nothing changed and patches a change', async () => {
    const kubectl = KubectlHarness.create();
    await kubectl.run('create service clusterip web --tcp=80:80');
    const opened: string[] = [];
    kubectl.editor = (text) => {
      opened.push(text);
      return text;
    };
    expect(await kubectl.run('edit svc web')).toEqual({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      exitCode: 0,
    });
    expect(opened[0]?.startsWith(`${HEADER}apiVersion: v1\nkind: Service\n`)).toBe(true);
    kubectl.editor = (text) => text.replace('sessionAffinity: None', 'sessionAffinity: ClientIP');
    expect(await kubectl.run('edit svc web')).toEqual({ stdout: 'service/web edited\n', stderr: '', exitCode: 0 });
  });

  it('reopens an invalid edit with the reasons, and gives up when saved unchanged', async () => {
    const kubectl = KubectlHarness.create();
    await kubectl.run('create service clusterip web --tcp=80:80');
    const opened: string[] = [];
    kubectl.editor = (text) => {
      opened.push(text);
      return opened.length === 1 ? text.replace('port: 80\n', 'port: 800000\n') : text;
    };
    const result = await kubectl.run('edit svc web');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^error: services "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved.\n$/,
    );
    expect(
      opened[1]?.startsWith(
        `${HEADER}# services "web" was not valid:\n# * spec.ports[0].port: Invalid value: 800000: must be between 1 and 65535, inclusive\n#\napiVersion: v1\n`,
      ),
    ).toBe(true);
  });
});

describe('kubectl run -it --rm', () => {
  it('waits for the pod, attaches, then deletes it', async () => {
    const kubectl = KubectlHarness.create();
    expect(await kubectl.run('run tmp -it --rm --image=busybox --restart=Never -- sh')).toEqual({
      stdout: 'pod "tmp" deleted\n',
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      exitCode: 0,
    });
    expect(await kubectl.run('run tmp -it --rm --image=busybox --dry-run=client')).toEqual({
      stdout: '',
      stderr:
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    });
    expect(await kubectl.run('run tmp --rm --image=busybox')).toEqual({
      stdout: '',
      stderr: "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    });
  });
});

describe('kubectl patch', () => {
  it('patches and reports no change', async () => {
    const kubectl = KubectlHarness.create();
    await kubectl.run('create deployment web --image=nginx');
    expect(await kubectl.run(`patch deployment web -p '{"spec":{"replicas":3}}'`)).toEqual({
      stdout: 'deployment.apps/web patched\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await kubectl.run(`patch deployment web --type merge -p '{"spec":{"replicas":3}}'`)).toEqual({
      stdout: 'deployment.apps/web patched (no change)\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

describe('-f manifests', () => {
  it('creates every document and reports the bad ones', async () => {
    const kubectl = KubectlHarness.create();
    kubectl.files.set(
      'all.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nmetadata:\n  name: nokind\n---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: other\n',
    );
    expect(await kubectl.run('create -f all.yaml')).toEqual({
      stdout: 'configmap/a created\n',
      stderr:
        'unable to decode "all.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"nokind"}}\'\nresource mapping not found for name: "x" namespace: "" from "all.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\nError from server (NotFound): error when creating "all.yaml": namespaces "other" not found\n',
      exitCode: 1,
    });
    expect(await kubectl.run('create -f nope.yaml')).toEqual({
      stdout: '',
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exitCode: 1,
    });
    kubectl.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: a\n');
    expect(await kubectl.run('create -f cm.yaml -n b')).toEqual({
      stdout: '',
      stderr:
        'error: the namespace from the provided object "a" does not match the namespace "b". You must pass \'--namespace=a\' to perform this operation.\n',
      exitCode: 1,
    });
    kubectl.files.set('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   labels: x\n');
    expect(await kubectl.run('create -f bad.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
      exitCode: 1,
    });
  });

  it('reads YAML 1.1 scalars as go-yaml does and flattens Lists', async () => {
    const kubectl = KubectlHarness.create();
    kubectl.files.set(
      'list.yaml',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n  data:\n    a: "x"\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: two\n  spec:\n    ports:\n    - port: 0x50\n',
    );
    expect(await kubectl.run('create -f list.yaml')).toEqual({
      stdout: 'configmap/one created\nservice/two created\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
