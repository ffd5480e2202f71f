/** `kubelab lab new ID`: a commented lab to start from. */
export function starterLab(id: string): string {
  return `# A kubelab lab (format reference: docs/labs.md). Check it with:
#   npx kubelab lab validate ${id}.yaml
apiVersion: kubelab.dev/v1
kind: Lab
metadata:
  id: ${id}
  title: Expose a pod with a Service
  summary: One or two sentences for the catalogue.
  difficulty: beginner          # beginner | intermediate | advanced
  estimatedMinutes: 10
  tags: [services]
environment:                    # what the learner finds when the lab opens
  nodes: 2                      # controlplane, node01
  objects:                      # created in order, as kubectl create -f would
    - apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: { app: web }
      spec:
        containers:
          - name: nginx
            image: nginx
            ports: [{ containerPort: 80 }]
order: sequential               # or free
tasks:
  - id: expose
    title: Expose the pod
    points: 10
    instructions: |
      Create a ClusterIP Service named \`web\` on port 80 for the \`web\` pod.
    hints:
      - text: Try \`kubectl expose pod web --port=80\`.
        cost: 2
    checks:
      - id: service
        type: resource
        select: { kind: Service, name: web }
        match:
          spec:
            ports: [{ port: 80 }]
        pass: The Service web exposes port 80.
        fail: There is no Service web on port 80.
      - id: endpoints
        type: endpoints
        service: { name: web }
        podSelector: { app: web }
        pass: The Service sends traffic to the web pod.
        fail: The Service does not reach the web pod.
solution:                       # must pass every check
  - kubectl expose pod web --port=80
wrong:                          # each must fail the checks it names
  - name: wrong port
    commands: [kubectl expose pod web --port=8080 --target-port=80]
    fails: [service]
`;
}
