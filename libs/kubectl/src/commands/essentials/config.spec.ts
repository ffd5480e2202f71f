import { KubectlHarness } from '../../testing/kubectl.testing';

describe('kubectl config (outputs recorded from kubectl v1.32 on the same kubeconfig)', () => {
  it('shows, switches and edits contexts; the context namespace applies to other commands', async () => {
    const kubectl = KubectlHarness.create();
    expect((await kubectl.run('config view')).stdout).toBe(
      'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://192.168.1.2:6443\n  name: kubernetes\n' +
        'contexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\n' +
        'current-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n' +
        '    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n',
    );
    expect((await kubectl.run('config current-context')).stdout).toBe('kubernetes-admin@kubernetes\n');
    expect((await kubectl.run('config set-context --current --namespace=kube-system')).stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect((await kubectl.run('config get-contexts')).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n',
    );
    expect((await kubectl.run('get svc -o name')).stdout).toBe('service/kube-dns\n');
    expect((await kubectl.run('config view -o jsonpath={.contexts[0].context.namespace}')).stdout).toBe('kube-system');
    expect(await kubectl.run('config use-context nope')).toEqual({
      stdout: '',
      stderr: 'error: no context exists with the name: "nope"\n',
      exitCode: 1,
    });
    expect(
      (await kubectl.run('config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev')).stdout,
    ).toBe('Context "dev" created.\n');
    expect((await kubectl.run('config use-context dev')).stdout).toBe('Switched to context "dev".\n');
    expect((await kubectl.run('config get-contexts dev')).stdout).toBe(
      'CURRENT   NAME   CLUSTER      AUTHINFO           NAMESPACE\n*         dev    kubernetes   kubernetes-admin   dev\n',
    );
  });
});
