#!/usr/bin/env bash
# Re-records the custom-columns goldens with real kubectl v1.32. custom-columns is only offered by
# `kubectl get`, so a tiny fake API server (fake-apiserver.py) serves the PodList of each case.
# Each line of customcolumns-cases.txt is "<PodList file>\t<columns spec>[\t<extra flags>]".
set -u
cd "$(dirname "$0")"
K=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
PORT=${PORT:-18089}
mkdir -p customcolumns
rm -f customcolumns/*
config=$(mktemp)
cat > "$config" <<YAML
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:$PORT"}}]
users: [{name: u, user: {}}]
contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
current-context: x
YAML
n=0
while IFS=$'\t' read -r input spec flags; do
  n=$((n + 1))
  id=$(printf '%03d' "$n")
  python3 fake-apiserver.py "$PORT" "$input" & server=$!
  sleep 0.5
  "$K" --kubeconfig "$config" get pods -o "custom-columns=$spec" ${flags:-} > "customcolumns/$id.stdout" 2> "customcolumns/$id.stderr"
  echo $? > "customcolumns/$id.rc"
  kill "$server"
  wait "$server" 2> /dev/null
done < customcolumns-cases.txt
rm -f "$config"
