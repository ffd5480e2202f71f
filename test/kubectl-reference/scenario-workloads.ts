// Manifests the `workloads-describe` scenario writes: the workload kinds with
// their own describers (DaemonSet, StatefulSet, ReplicationController), with
// tolerations, node selectors, spread constraints and claim templates.

export const WORKLOADS: Record<string, string> = {
  'workloads.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  labels:
    app: agent
  annotations:
    owner: team-a
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      - operator: Exists
      - key: dedicated
        operator: Equal
        value: infra
        effect: NoExecute
        tolerationSeconds: 30
      containers:
      - name: agent
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
        resources:
          limits:
            memory: 64Mi
          requests:
            cpu: 50m
            memory: 32Mi
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 0
  template:
    metadata:
      labels:
        app: db
        tier: data
      annotations:
        note: stateful
    spec:
      nodeSelector:
        kubernetes.io/os: linux
        disk: any
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: zone
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels:
            app: db
      - maxSkew: 2
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: ScheduleAnyway
      containers:
      - name: redis
        image: redis
        ports:
        - containerPort: 6379
          name: redis
        env:
        - name: MODE
          value: replica
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: store
spec:
  serviceName: store
  replicas: 1
  selector:
    matchLabels:
      app: store
  template:
    metadata:
      labels:
        app: store
    spec:
      priorityClassName: system-cluster-critical
      containers:
      - name: store
        image: nginx
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
      labels:
        kind: cache
    spec:
      accessModes: ["ReadWriteOnce"]
      storageClassName: standard
      resources:
        requests:
          storage: 1Gi
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: 2
  selector:
    app: legacy
  template:
    metadata:
      labels:
        app: legacy
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
`,
};
