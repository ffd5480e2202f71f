import { maskPathToken } from './cluster-paths';

describe('maskPathToken', () => {
  it('masks the token of a sandbox endpoint path and leaves other URLs alone', () => {
    expect(maskPathToken('/clusters/0b1c/token/kubelab_secret/api/v1/pods?watch=1')).toBe(
      '/clusters/0b1c/token/[redacted]/api/v1/pods?watch=1',
    );
    expect(maskPathToken('/clusters/0b1c/api/v1/pods')).toBe('/clusters/0b1c/api/v1/pods');
    expect(maskPathToken('/api/v1/sandboxes/token/x')).toBe('/api/v1/sandboxes/token/x');
  });
});
