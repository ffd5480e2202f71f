// Service discovery: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('Service discovery', () => {
  it('finds services through environment variables and DNS, across namespaces and headless', async () => {
    await expectTranscript(`
$ kubectl run early --image=busybox --restart=Never -- sleep 3600
pod/early created

$ kubectl create deployment redis-master --image=redis
deployment.apps/redis-master created

$ kubectl expose deployment redis-master --port=6379
service/redis-master exposed

$ kubectl run late --image=busybox --restart=Never -- sleep 3600
pod/late created

$ sleep 10

$ kubectl run envcheck --image=busybox --rm -it --restart=Never -- sh
< env | grep REDIS_MASTER | sort
< exit
If you don't see a command prompt, try pressing enter.
/ # env | grep REDIS_MASTER | sort
REDIS_MASTER_PORT=tcp://10.101.34.123:6379
REDIS_MASTER_PORT_6379_TCP=tcp://10.101.34.123:6379
REDIS_MASTER_PORT_6379_TCP_ADDR=10.101.34.123
REDIS_MASTER_PORT_6379_TCP_PORT=6379
REDIS_MASTER_PORT_6379_TCP_PROTO=tcp
REDIS_MASTER_SERVICE_HOST=10.101.34.123
REDIS_MASTER_SERVICE_PORT=6379
/ # exit
pod "envcheck" deleted

$ kubectl create namespace prod
namespace/prod created

$ kubectl create deployment nginxsvc --image=nginx -n prod
deployment.apps/nginxsvc created

$ kubectl expose deployment nginxsvc --port=80 -n prod
service/nginxsvc exposed

$ sleep 10

$ kubectl run dns --image=busybox --rm -it --restart=Never -- sh
< nslookup nginxsvc.prod.svc.cluster.local | grep -A1 Name
< wget -qO- nginxsvc.prod | grep title
< wget -qO- nginxsvc
< cat /etc/resolv.conf
< exit
If you don't see a command prompt, try pressing enter.
/ # nslookup nginxsvc.prod.svc.cluster.local | grep -A1 Name
Name:	nginxsvc.prod.svc.cluster.local
Address: 10.106.74.169
/ # wget -qO- nginxsvc.prod | grep title
<title>Welcome to nginx!</title>
/ # wget -qO- nginxsvc
wget: bad address 'nginxsvc'
/ # cat /etc/resolv.conf
search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
/ # exit
pod "dns" deleted

$ kubectl create service clusterip web-headless --clusterip=None --tcp=80:80
service/web-headless created

$ kubectl create deployment web-headless --image=nginx --replicas=2
deployment.apps/web-headless created

$ sleep 10

$ kubectl get svc web-headless
NAME           TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
web-headless   ClusterIP   None         <none>        80/TCP    10s

$ kubectl get endpoints web-headless
NAME           ENDPOINTS                      AGE
web-headless   10.244.1.10:80,10.244.1.9:80   10s

$ kubectl run dig --image=busybox --rm -it --restart=Never -- nslookup web-headless
If you don't see a command prompt, try pressing enter.
Server:		10.96.0.10
Address:	10.96.0.10:53

Name:	web-headless.default.svc.cluster.local
Address: 10.244.1.9
Name:	web-headless.default.svc.cluster.local
Address: 10.244.1.10

** server can't find web-headless.svc.cluster.local: NXDOMAIN

** server can't find web-headless.cluster.local: NXDOMAIN


** server can't find web-headless.svc.cluster.local: NXDOMAIN

** server can't find web-headless.cluster.local: NXDOMAIN

pod "dig" deleted
`);
  });
});
