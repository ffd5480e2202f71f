// The List kubectl get builds for -o yaml/json/jsonpath when several objects (or a list) are printed.

export function kubectlList(items: readonly unknown[], resourceVersion = ''): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion } };
}
