// Services created imperatively: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('Services created imperatively', () => {
  it('exposes pods and deployments, generates manifests, and reaches the service', async () => {
    await expectTranscript(`
$ kubectl run redis --image=redis:alpine --labels=tier=db
pod/redis created

$ kubectl expose pod redis --port=6379 --name redis-service --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    tier: db
  name: redis-service
spec:
  ports:
  - port: 6379
    protocol: TCP
    targetPort: 6379
  selector:
    tier: db
status:
  loadBalancer: {}

$ kubectl expose pod redis --port=6379 --name redis-service
service/redis-service exposed

$ kubectl create service clusterip redis --tcp=6379:6379 --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: redis
  name: redis
spec:
  ports:
  - name: 6379-6379
    port: 6379
    protocol: TCP
    targetPort: 6379
  selector:
    app: redis
  type: ClusterIP
status:
  loadBalancer: {}

$ kubectl create service nodeport nginx --tcp=80:80 --node-port=30080 --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: nginx
  name: nginx
spec:
  ports:
  - name: 80-80
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginx
  type: NodePort
status:
  loadBalancer: {}

$ kubectl run httpd --image=httpd:alpine --port=80 --expose --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  name: httpd
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: httpd
status:
  loadBalancer: {}
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: httpd
  name: httpd
spec:
  containers:
  - image: httpd:alpine
    name: httpd
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}

$ kubectl run httpd --image=httpd:alpine --port=80 --expose
service/httpd created
pod/httpd created

$ kubectl run custom-nginx --image=nginx --port=8080 --dry-run=client -o yaml
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: custom-nginx
  name: custom-nginx
spec:
  containers:
  - image: nginx
    name: custom-nginx
    ports:
    - containerPort: 8080
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}

$ kubectl create deployment nginxsvc --image=nginx --replicas=3
deployment.apps/nginxsvc created

$ kubectl expose deployment nginxsvc --port=80
service/nginxsvc exposed

$ sleep 10

$ kubectl get svc
NAME            TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)    AGE
httpd           ClusterIP   10.106.112.251   <none>        80/TCP     10s
kubernetes      ClusterIP   10.96.0.1        <none>        443/TCP    3h
nginxsvc        ClusterIP   10.106.135.251   <none>        80/TCP     10s
redis-service   ClusterIP   10.100.7.173     <none>        6379/TCP   10s

$ kubectl get endpoints
NAME            ENDPOINTS                                   AGE
httpd           10.244.1.4:80                               10s
kubernetes      192.168.1.2:6443                            3h
nginxsvc        10.244.1.3:80,10.244.1.6:80,10.244.1.7:80   10s
redis-service   10.244.1.5:6379                             10s

$ kubectl get svc nginxsvc -o=yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2026-11-22T10:00:00Z"
  labels:
    app: nginxsvc
  name: nginxsvc
  namespace: default
  resourceVersion: "150"
  uid: 39b42e7b-ed77-4c1d-b2dd-0ec2645a2540
spec:
  clusterIP: 10.106.135.251
  clusterIPs:
  - 10.106.135.251
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginxsvc
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}

$ minikube ip
192.168.1.2

$ echo $(minikube ip)
192.168.1.2

$ curl -s http://$(kubectl get svc nginxsvc -o jsonpath='{.spec.clusterIP}') | grep title
<title>Welcome to nginx!</title>

$ kubectl get svc redis-service -o jsonpath='{.spec.selector}'
{"tier":"db"}`);
  });
});
