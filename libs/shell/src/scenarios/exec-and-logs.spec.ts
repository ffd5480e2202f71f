// Inside pods: kubectl exec and logs: a terminal transcript.
import { expectTranscript } from '../testing/transcript.testing';

describe('Inside pods: kubectl exec and logs', () => {
  it('runs programs and shells inside containers with their own tools and network', async () => {
    await expectTranscript(`
$ kubectl run busybox --image=busybox --restart=Never -- sleep 3600
pod/busybox created

$ kubectl run web --image=nginx --port=80 --expose
service/web created
pod/web created

$ sleep 5

$ kubectl exec busybox -- nslookup web
Server:		10.96.0.10
Address:	10.96.0.10:53

Name:	web.default.svc.cluster.local
Address: 10.110.99.156

** server can't find web.svc.cluster.local: NXDOMAIN

** server can't find web.cluster.local: NXDOMAIN


** server can't find web.svc.cluster.local: NXDOMAIN

** server can't find web.cluster.local: NXDOMAIN

command terminated with exit code 1

$ kubectl exec busybox -- wget -qO- web | grep title
<title>Welcome to nginx!</title>

$ kubectl exec web -- curl -s localhost | grep title
<title>Welcome to nginx!</title>

$ kubectl exec web -- ping -c 1 web
OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown
command terminated with exit code 126

$ kubectl exec busybox -- false
command terminated with exit code 1

$ kubectl exec busybox ls
error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
See 'kubectl exec -h' for help and examples

$ kubectl exec -it busybox -- sh
< hostname
< exit
/ # hostname
busybox
/ # exit

$ kubectl exec ghost -- ls
Error from server (NotFound): pods "ghost" not found

$ kubectl logs web | head -3
/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
`);
  });
});
