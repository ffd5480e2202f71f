// kubectl describe endpointslices and serviceaccounts: the course's exercise as a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl describe endpointslices and serviceaccounts', () => {
  it('describes the slices behind a service and the default service account', async () => {
    await expectTranscript(`
$ kubectl create deployment web --image=nginx --replicas=2
deployment.apps/web created

$ kubectl expose deployment web --port=80 --target-port=80 --name=web
service/web exposed

$ sleep 10

$ kubectl get endpointslices -l kubernetes.io/service-name=web
NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE
web-sfgnh   IPv4          80      10.244.1.3,10.244.1.4   10s

$ kubectl describe endpointslices -l kubernetes.io/service-name=web
Name:         web-sfgnh
Namespace:    default
Labels:       app=web
              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-11-22T10:00:02Z
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  10.244.1.3
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-6dc5cd68db-tpf58
    NodeName:   node01
    Zone:       <unset>
  - Addresses:  10.244.1.4
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-6dc5cd68db-fhk44
    NodeName:   node01
    Zone:       <unset>
Events:         <none>

$ kubectl describe sa default
Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   <none>
Tokens:              <none>
Events:              <none>
`);
  });
});
