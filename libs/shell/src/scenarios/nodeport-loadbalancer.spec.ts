// NodePort, LoadBalancer and ExternalName services: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('NodePort, LoadBalancer and ExternalName services', () => {
  it('opens node ports on every node, leaves the load balancer pending, and maps names', async () => {
    await expectTranscript(`
$ kubectl create deployment nginx --image=nginx
deployment.apps/nginx created

$ kubectl expose deployment/nginx --port=80 --type=NodePort
service/nginx exposed

$ sleep 5

$ kubectl get svc nginx -o jsonpath='{.spec.type} {.spec.ports[0].port}'; echo
NodePort 80

$ cat > service-definition-1.yaml <<EOF
> apiVersion: v1
> kind: Service
> metadata:
>   name: myapp-service
> spec:
>   type: NodePort
>   ports:
>   - targetPort: 80
>     port: 80
>     nodePort: 30008
>   selector:
>     app: nginx
> EOF

$ kubectl create -f service-definition-1.yaml
service/myapp-service created

$ kubectl get svc myapp-service
NAME            TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE
myapp-service   NodePort   10.99.134.245   <none>        80:30008/TCP   0s

$ curl -s http://192.168.1.2:30008 | grep -o '<title>.*</title>'
<title>Welcome to nginx!</title>

$ curl -s http://192.168.1.3:30008 | grep -o '<title>.*</title>'
<title>Welcome to nginx!</title>

$ kubectl create -f service-definition-1.yaml
The Service "myapp-service" is invalid: spec.ports[0].nodePort: Invalid value: 30008: provided port is already allocated

$ kubectl create service nodeport web --tcp=80:80 --node-port=30008
error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30008: provided port is already allocated

$ curl http://192.168.1.2:31999
curl: (7) Failed to connect to 192.168.1.2 port 31999 after 0 ms: Connection refused

$ kubectl create deployment k8s-demo --image=nginx
deployment.apps/k8s-demo created

$ kubectl expose deployments k8s-demo --port 8080 --type LoadBalancer
service/k8s-demo exposed

$ kubectl get svc k8s-demo
NAME       TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)          AGE
k8s-demo   LoadBalancer   10.97.90.133   <pending>     8080:30887/TCP   0s

$ kubectl create service externalname my-database --external-name my-database.example.com
service/my-database created

$ kubectl get svc my-database
NAME          TYPE           CLUSTER-IP   EXTERNAL-IP               PORT(S)   AGE
my-database   ExternalName   <none>       my-database.example.com   <none>    0s

$ kubectl create service clusterip demo --tcp=80:80
service/demo created

$ kubectl get endpoints demo
NAME   ENDPOINTS   AGE
demo   <none>      0s
`);
  });
});
