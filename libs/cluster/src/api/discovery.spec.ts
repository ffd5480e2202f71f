import { storageVersionHash } from './discovery';

describe('storageVersionHash', () => {
  it('matches what kube-apiserver publishes', () => {
    expect(storageVersionHash('', 'v1', 'Pod')).toBe('xPOwRZ+Yhw8=');
    expect(storageVersionHash('', 'v1', 'Service')).toBe('0/CO1lhkEBI=');
    expect(storageVersionHash('apps', 'v1', 'Deployment')).toBe('8aSe+NMegvE=');
  });
});
