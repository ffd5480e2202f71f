#!/bin/sh
# Re-records the real kubectl v1.32's output for every line of cases.txt (run from anywhere; works offline).
set -u
cd "$(dirname "$0")/files" || exit 1
K=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
out=../golden.json
echo '[' > "$out"
first=1
while IFS= read -r line; do
  [ -z "$line" ] && continue
  # shellcheck disable=SC2086
  stdout=$(KUBECONFIG=/dev/null $K $line 2>/tmp/record-stderr; echo "rc=$?")
  rc=${stdout##*rc=}
  stdout=${stdout%rc=*}
  [ $first = 1 ] || echo ',' >> "$out"
  first=0
  python3 -c 'import json,sys; print(json.dumps({"args": sys.argv[1], "stdout": sys.argv[2], "stderr": open("/tmp/record-stderr").read(), "exitCode": int(sys.argv[3])}, indent=1), end="")' "$line" "$stdout" "$rc" >> "$out"
done < ../cases.txt
echo ']' >> "$out"
