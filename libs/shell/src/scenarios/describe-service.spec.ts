// kubectl describe service: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('kubectl describe service', () => {
  it('shows the Endpoints line that follows the pods', async () => {
    await expectTranscript(`
$ kubectl create deployment nginxsvc --image=nginx --replicas=3
deployment.apps/nginxsvc created

$ kubectl expose deployment nginxsvc --port=80 --type=NodePort
service/nginxsvc exposed

$ sleep 10

$ kubectl describe svc nginxsvc
Name:                     nginxsvc
Namespace:                default
Labels:                   app=nginxsvc
Annotations:              <none>
Selector:                 app=nginxsvc
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.99.7.159
IPs:                      10.99.7.159
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
NodePort:                 <unset>  32242/TCP
Endpoints:                10.244.1.3:80,10.244.1.4:80,10.244.1.5:80
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>

$ kubectl describe service nginxsvc | grep TargetPort
TargetPort:               80/TCP

$ kubectl scale deployment nginxsvc --replicas=5
deployment.apps/nginxsvc scaled

$ sleep 10

$ kubectl describe svc nginxsvc | grep Endpoints
Endpoints:                10.244.1.3:80,10.244.1.4:80,10.244.1.5:80 + 2 more...

$ kubectl describe svc ghost
Error from server (NotFound): services "ghost" not found
`);
  });
});
