// kubectl describe replicaset: the course's exercise as a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl describe replicaset', () => {
  it('describes every ReplicaSet of the namespace with its pods and events', async () => {
    await expectTranscript(`
$ kubectl create deployment web --image=nginx --replicas=2
deployment.apps/web created

$ sleep 10

$ kubectl describe rs
Name:           web-6dc5cd68db
Namespace:      default
Selector:       app=web,pod-template-hash=6dc5cd68db
Labels:         app=web
                pod-template-hash=6dc5cd68db
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=6dc5cd68db
  Containers:
   nginx:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  10s   replicaset-controller  Created pod: web-6dc5cd68db-fhk44
  Normal  SuccessfulCreate  10s   replicaset-controller  Created pod: web-6dc5cd68db-tpf58
`);
  });
});
