#!/usr/bin/env bash
# Re-records the printers' golden fixtures with real kubectl v1.32, offline.
# `kubectl label --local -f <file> foo=bar --overwrite -o <format>` prints any object unchanged
# (every input already carries the label foo=bar), so it exercises the real printers without a server.
set -u
cd "$(dirname "$0")"
K=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
mkdir -p objects yaml json jsonpath gotemplate

# Objects built by kubectl's own generators (JSON in, expected YAML out).
gen() { # name, args...
  local name=$1; shift
  "$K" --dry-run=client -o json "$@" > "objects/$name.json"
  "$K" --dry-run=client -o yaml "$@" > "yaml/$name.yaml"
}
gen configmap create configmap cm --from-literal=a='a long text value that keeps going and going past the eighty column mark for sure' \
  --from-literal=b=yes --from-literal=c=$'multi\nline\n' --from-literal=d=$'no trailing\nnewline' --from-literal=e=80 \
  --from-literal=f='key: value' --from-literal=g='' --from-literal=h=$'two\n\n' --from-literal=i=' spaced '
gen secret create secret generic sec --from-literal=user=admin --from-literal=password='s3cr3t!'
gen deployment create deployment web --image=nginx:1.25 --replicas=3 --port=80
gen service-nodeport create service nodeport np --tcp=80:8080 --node-port=30080
gen job create job j --image=busybox -- sh -c 'echo hi'
gen cronjob create cronjob cj --image=busybox --schedule='*/5 * * * *' -- date

# Hand-written objects through the local label round trip.
for f in inputs/*.json; do
  name=$(basename "$f" .json)
  "$K" label --local -f "$f" foo=bar --overwrite -o yaml > "yaml/$name.yaml"
  "$K" label --local -f "$f" foo=bar --overwrite -o json > "json/$name.json"
done
for f in objects/*.json; do
  name=$(basename "$f" .json)
  "$K" label --local -f "$f" foo=bar --overwrite -o json > "json/$name.json"
done

# Templates: each line of <kind>-cases.txt is "<input file>\t<template>[\t<extra flags>]"; outputs are numbered.
record_templates() { # kind, flag
  local kind=$1 flag=$2 n=0
  rm -f "$kind"/*.out
  while IFS=$'\t' read -r input template flags; do
    n=$((n + 1))
    local id; id=$(printf '%03d' "$n")
    "$K" label --local -f "$input" foo=bar --overwrite -o "$flag=$template" ${flags:-} > "$kind/$id.stdout" 2> "$kind/$id.stderr"
    echo $? > "$kind/$id.rc"
  done < "$kind-cases.txt"
}
record_templates jsonpath jsonpath
record_templates gotemplate go-template
