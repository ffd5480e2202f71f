import type { KubeObject } from '../api/objects';
import { RESOURCES } from '../api/resource-refs';
import { eventDefinition, nodeDefinition } from '../registry/core-kinds';
import { serviceServer } from '../registry/service/service.testing';
import { LOAD_BALANCER_CLEANUP_FINALIZER, ServiceLoadBalancerController } from './load-balancer';

function setup(enabled: boolean) {
  const api = serviceServer({
    definitions: [eventDefinition, nodeDefinition],
    controllers: [new ServiceLoadBalancerController()],
    options: { loadBalancer: { enabled } },
  });
  for (const name of ['controlplane', 'node01']) {
    api.client.create(RESOURCES.nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name } });
  }
  const reasons = (service: string) =>
    api.client
      .list(RESOURCES.events, 'default')
      .filter((event) => (event.involvedObject as { name?: string }).name === service)
      .map((event) => `${String(event.type)} ${String(event.reason)} ${String(event.message)} x${String(event.count)}`);
  const ingress = (service: string) => (api.get(service).status as { loadBalancer?: unknown }).loadBalancer;
  const loadBalancer = (name: string, extra: Record<string, unknown> = {}) =>
    api.create({ metadata: { name }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }], ...extra } });
  return { api, reasons, ingress, loadBalancer };
}

describe('service controller with the simulated cloud', () => {
  it('does nothing without a cloud provider: EXTERNAL-IP stays <pending>', () => {
    const { api, reasons, ingress, loadBalancer } = setup(false);
    loadBalancer('shop-lb');
    expect(ingress('shop-lb')).toEqual({});
    expect(reasons('shop-lb')).toEqual([]);
    expect(api.get('shop-lb').metadata.finalizers).toBeUndefined();
  });

  it('ensures a load balancer with the first free address of the pool', () => {
    const { api, reasons, ingress, loadBalancer } = setup(true);
    loadBalancer('first');
    loadBalancer('second');
    expect(ingress('first')).toEqual({ ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] });
    expect(ingress('second')).toEqual({ ingress: [{ ip: '203.0.113.11', ipMode: 'VIP' }] });
    expect(reasons('first')).toEqual([
      'Normal EnsuringLoadBalancer Ensuring load balancer x1',
      'Normal EnsuredLoadBalancer Ensured load balancer x1',
    ]);
    const event = api.client.list(RESOURCES.events, 'default')[0] as KubeObject;
    expect(event.source).toEqual({ component: 'service-controller' });
    expect(api.get('first').metadata.finalizers).toEqual([LOAD_BALANCER_CLEANUP_FINALIZER]);
  });

  it('leaves other Service types alone', () => {
    const { api, reasons } = setup(true);
    api.create({ metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    expect(reasons('np')).toEqual([]);
  });

  it('honours spec.loadBalancerIP from the pool, and retries with backoff when it cannot', () => {
    const { api, reasons, ingress, loadBalancer } = setup(true);
    loadBalancer('pinned', { loadBalancerIP: '203.0.113.12' });
    expect(ingress('pinned')).toEqual({ ingress: [{ ip: '203.0.113.12', ipMode: 'VIP' }] });

    loadBalancer('elsewhere', { loadBalancerIP: '198.51.100.7' });
    expect(ingress('elsewhere')).toEqual({});
    const failure =
      'Warning SyncLoadBalancerFailed Error syncing load balancer: failed to ensure load balancer: requested ip "198.51.100.7" is neither static nor assigned to the LB';
    expect(reasons('elsewhere')).toEqual(['Normal EnsuringLoadBalancer Ensuring load balancer x1', `${failure} x1`]);
    api.advance(5000);
    expect(reasons('elsewhere')).toContain(`${failure} x2`);
    api.advance(5000);
    expect(reasons('elsewhere')).toContain(`${failure} x2`);
    api.advance(5000);
    expect(reasons('elsewhere')).toContain(`${failure} x3`);
  });

  it('deletes the load balancer when the type changes, freeing its address', () => {
    const { api, reasons, ingress, loadBalancer } = setup(true);
    loadBalancer('web');
    const edited = api.get('web');
    (edited.spec as { type: string }).type = 'ClusterIP';
    expect(api.update(edited as unknown as Record<string, unknown>).status).toBe(200);
    expect(ingress('web')).toEqual({});
    expect(api.get('web').metadata.finalizers).toBeUndefined();
    expect(reasons('web').slice(2)).toEqual([
      'Normal DeletingLoadBalancer Deleting load balancer x1',
      'Normal DeletedLoadBalancer Deleted load balancer x1',
    ]);
    loadBalancer('next');
    expect(ingress('next')).toEqual({ ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] });
  });

  it('cleans up before a deleted Service goes away', () => {
    const { api, reasons, ingress, loadBalancer } = setup(true);
    loadBalancer('web');
    expect(api.remove('web').status).toBe(200);
    expect(api.get('web').kind).toBe('Status');
    expect(reasons('web').slice(2)).toEqual([
      'Normal DeletingLoadBalancer Deleting load balancer x1',
      'Normal DeletedLoadBalancer Deleted load balancer x1',
    ]);
    loadBalancer('next');
    expect(ingress('next')).toEqual({ ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] });
  });
});
