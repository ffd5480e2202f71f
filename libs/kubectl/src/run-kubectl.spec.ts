import { KubectlHarness } from './testing/kubectl.testing';

describe('kubectl command lines', () => {
  const kubectl = KubectlHarness.create();

  it.each([
    ['get -z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"],
    ['get --namespace', "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"],
    ['get -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"],
    [
      'create deployment x --image=nginx -r abc',
      'error: invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl create deployment --help\' for usage.\n',
    ],
    [
      'get -A=maybe',
      'error: invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl get --help\' for usage.\n',
    ],
    ['bogus', 'error: unknown command "bogus" for "kubectl"\n\nDid you mean this?\n\tlogs\n'],
    ['gett pods', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n'],
    ['-n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"],
    ['config foo', 'error: unknown command "foo"\nSee \'kubectl config -h\' for help and examples\n'],
    ['create service foo', 'error: unknown command "foo"\nSee \'kubectl create service -h\' for help and examples\n'],
  ])('kubectl %s fails like kubectl v1.32', async (line, stderr) => {
    const result = await kubectl.run(line);
    expect(result).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('prints help for -h anywhere before --, and for svc aliases', async () => {
    const viaAlias = await kubectl.run('create svc --help');
    expect(viaAlias.stdout).toMatch(/^Create a service using a specified subcommand\.\n/);
    expect((await kubectl.run('get pods -h')).stdout).toMatch(/^Display one or many resources\./);
  });
});
