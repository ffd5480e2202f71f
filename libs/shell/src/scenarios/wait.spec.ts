// kubectl wait: conditions, JSONPath values, deletion and timeouts on the cluster's clock.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl wait', () => {
  it('waits for conditions, values and deletion, and times out like kubectl', async () => {
    await expectTranscript(`
$ kubectl run web --image=nginx
pod/web created

$ kubectl wait --for=condition=Ready pod/web
pod/web condition met

$ kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web
pod/web condition met

$ kubectl create deployment api --image=nginx --replicas=2
deployment.apps/api created

$ kubectl wait --for=condition=Available deployment/api --timeout=60s
deployment.apps/api condition met

$ kubectl run broken --image=nginx:nope
pod/broken created

$ kubectl wait --for=condition=Ready pod/broken --timeout=5s
error: timed out waiting for the condition on pods/broken

$ kubectl delete pod web --wait=false
pod "web" deleted

$ kubectl wait --for=delete pod/web
pod/web deleted
`);
  });
});
