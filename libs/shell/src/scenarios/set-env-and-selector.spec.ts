// kubectl set env and set selector: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl set env and set selector', () => {
  it('changes the environment of a template and the selector of a service', async () => {
    await expectTranscript(`
$ kubectl create deployment web --image=nginx
deployment.apps/web created

$ kubectl set env deployment/web MODE=prod LEVEL=debug
deployment.apps/web env updated

$ kubectl set env deployment/web --list
# Deployment web, container nginx
MODE=prod
LEVEL=debug

$ kubectl set env deployment/web LEVEL-
deployment.apps/web env updated

$ kubectl set env deployment/web --list
# Deployment web, container nginx
MODE=prod

$ kubectl create configmap settings --from-literal=color=blue
configmap/settings created

$ kubectl set env deployment/web --from=configmap/settings --prefix=APP_
deployment.apps/web env updated

$ kubectl set env deployment/web --list
# Deployment web, container nginx
MODE=prod
# APP_COLOR from configmap settings, key color

$ kubectl expose deployment web --port=80
service/web exposed

$ kubectl set selector svc web app=other
service/web selector updated

$ kubectl get svc web -o jsonpath='{.spec.selector}'
{"app":"other"}
$ kubectl set selector svc web 'app=web,version=v2'
service/web selector updated

$ kubectl get svc web -o jsonpath='{.spec.selector}'
{"app":"web","version":"v2"}
$ kubectl set selector svc web 'app=web,version'
error: match expression [{version Exists []}] not supported on this object
`);
  });
});
