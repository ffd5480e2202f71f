// kubectl proxy and port-forward: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl proxy and port-forward', () => {
  it('reaches the API and services through local ports opened by background jobs', async () => {
    await expectTranscript(`
$ kubectl create deployment web --image=nginx
deployment.apps/web created

$ kubectl expose deployment web --port=80
service/web exposed

$ sleep 5

$ kubectl proxy &
Starting to serve on 127.0.0.1:8001

$ curl -s localhost:8001/api/v1/namespaces/default/services/web | grep '"clusterIP"'
    "clusterIP": "10.105.109.186"

$ curl -s localhost:8001/api/v1/namespaces/default/services/web:80/proxy/ | grep title
<title>Welcome to nginx!</title>

$ curl -s http://127.0.0.1:8001/version | grep gitVersion
  "gitVersion": "v1.32.0",

$ kubectl port-forward svc/web 8080:80 &
Forwarding from 127.0.0.1:8080 -> 80
Forwarding from [::1]:8080 -> 80

$ curl -s localhost:8080 | grep title
Handling connection for 8080
<title>Welcome to nginx!</title>

$ jobs
[1]-  Running                 kubectl proxy &
[2]+  Running                 kubectl port-forward svc/web 8080:80 &

$ kill %1 %2

$ curl localhost:8001/api
curl: (7) Failed to connect to localhost port 8001 after 0 ms: Connection refused
`);
  });
});
