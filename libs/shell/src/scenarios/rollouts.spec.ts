// Rollouts: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('Rollouts', () => {
  it('follows a rolling update, its history, an undo and a restart', async () => {
    await expectTranscript(`
$ kubectl create deployment web --image=nginx:1.26 --replicas=3
deployment.apps/web created

$ kubectl rollout status deployment web
Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...
Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
deployment "web" successfully rolled out

$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated

$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out

$ kubectl rollout history deployment web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>

$ kubectl rollout undo deployment web
deployment.apps/web rolled back

$ kubectl rollout status deployment web --watch=false
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...

$ kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
nginx:1.26

$ kubectl rollout restart deployment web
deployment.apps/web restarted

$ kubectl rollout history deploy/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
2         <none>
3         <none>
4         <none>
`);
  });
});
