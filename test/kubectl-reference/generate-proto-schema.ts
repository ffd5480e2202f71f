// Generates libs/cluster/src/http/protobuf/schema-*.ts, the wire schema the
// HTTP adapter needs to read the protobuf bodies kubectl's typed clients send
// (`kubectl create deployment|service|configmap|secret`): field numbers and
// wire types from k8s.io/api and k8s.io/apimachinery v0.32.0 generated.proto,
// JSON names, pointers and omitempty from the Go struct tags in types.go.
// Run: node -r ./tools/swc-register.cjs test/kubectl-reference/generate-proto-schema.ts
// after `fetch github:kubernetes/api` and `github:kubernetes/apimachinery` (mirrors under /work/.mirror).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TAG = 'v0.32.0';
const API = process.env['K8S_API_GIT'] ?? '/work/.mirror/kubernetes+api/repo';
const MACHINERY = process.env['K8S_APIMACHINERY_GIT'] ?? '/work/.mirror/kubernetes+apimachinery/repo';
const OUT = join(__dirname, '../../libs/cluster/src/http/protobuf');

interface Package {
  file: string;
  proto: string;
  types: string[];
  git: string;
  roots: string[];
}

const PACKAGES: Package[] = [
  {
    file: 'meta',
    proto: 'pkg/apis/meta/v1/generated.proto',
    types: ['pkg/apis/meta/v1/types.go'],
    git: MACHINERY,
    roots: ['DeleteOptions'],
  },
  {
    file: 'core',
    proto: 'core/v1/generated.proto',
    types: ['core/v1/types.go'],
    git: API,
    roots: [
      'Pod',
      'Service',
      'ConfigMap',
      'Secret',
      'Namespace',
      'ServiceAccount',
      'Endpoints',
      'ReplicationController',
      'Node',
      'Binding',
      'Event',
    ],
  },
  {
    file: 'apps',
    proto: 'apps/v1/generated.proto',
    types: ['apps/v1/types.go'],
    git: API,
    roots: ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision'],
  },
  {
    file: 'discovery',
    proto: 'discovery/v1/generated.proto',
    types: ['discovery/v1/types.go'],
    git: API,
    roots: ['EndpointSlice'],
  },
  {
    file: 'autoscaling',
    proto: 'autoscaling/v1/generated.proto',
    types: ['autoscaling/v1/types.go'],
    git: API,
    roots: ['Scale'],
  },
  { file: 'policy', proto: 'policy/v1/generated.proto', types: ['policy/v1/types.go'], git: API, roots: ['Eviction'] },
];

/** Wrapper messages the decoder converts by hand (Time, Quantity, IntOrString, RawExtension...). */
const SPECIAL = new Set([
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1',
  'k8s.io.apimachinery.pkg.api.resource.Quantity',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
  'k8s.io.apimachinery.pkg.runtime.RawExtension',
]);

const show = (git: string, path: string): string =>
  execFileSync('git', ['--git-dir', git, 'show', `${TAG}:${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 });

interface ProtoField {
  name: string;
  number: number;
  type: string;
  repeated: boolean;
  map?: [string, string];
}

function parseProto(text: string): { pkg: string; messages: Map<string, ProtoField[]> } {
  const pkg = /^package ([\w.]+);/m.exec(text)?.[1] ?? '';
  const messages = new Map<string, ProtoField[]>();
  let current: ProtoField[] | undefined;
  for (const line of text.split('\n')) {
    const start = /^message (\w+) \{/.exec(line);
    if (start?.[1]) messages.set(start[1], (current = []));
    else if (line === '}') current = undefined;
    const field = /^\s+(optional|repeated) ([\w.]+) (\w+) = (\d+);/.exec(line);
    if (field && current)
      current.push({
        name: field[3] ?? '',
        number: Number(field[4]),
        type: field[2] ?? '',
        repeated: field[1] === 'repeated',
      });
    const map = /^\s+map<([\w.]+), ([\w.]+)> (\w+) = (\d+);/.exec(line);
    if (map && current)
      current.push({
        name: map[3] ?? '',
        number: Number(map[4]),
        type: 'map',
        repeated: false,
        map: [map[1] ?? '', map[2] ?? ''],
      });
  }
  return { pkg, messages };
}

/** Per struct and protobuf field number: is the Go field a pointer, is its JSON omitempty. */
function parseGoTags(text: string): Map<string, Map<number, { pointer: boolean; omitempty: boolean; json: string }>> {
  const structs = new Map<string, Map<number, { pointer: boolean; omitempty: boolean; json: string }>>();
  let current: Map<number, { pointer: boolean; omitempty: boolean; json: string }> | undefined;
  for (const line of text.split('\n')) {
    const start = /^type (\w+) struct \{/.exec(line);
    if (start?.[1]) structs.set(start[1], (current = new Map()));
    else if (line === '}') current = undefined;
    if (!current) continue;
    const tags = /`(.*)`/.exec(line)?.[1];
    const proto = tags && /protobuf:"\w+,(\d+),/.exec(tags);
    if (!tags || !proto) continue;
    const json = /json:"([^,"]*)((?:,[^"]*)?)"/.exec(tags);
    const declaration = line.slice(0, line.indexOf('`')).trim().split(/\s+/);
    const type = declaration.length > 1 ? (declaration[1] ?? '') : (declaration[0] ?? '');
    current.set(Number(proto[1]), {
      pointer: type.startsWith('*'),
      omitempty: (json?.[2] ?? '').includes('omitempty'),
      json: json?.[1] ?? '',
    });
  }
  return structs;
}

const SCALARS = new Set([
  'string',
  'int32',
  'int64',
  'bool',
  'bytes',
  'double',
  'float',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
]);

function qualify(type: string, pkg: string): string {
  if (SCALARS.has(type)) return type;
  return type.startsWith('.') ? type.slice(1) : `${pkg}.${type}`;
}

const all = new Map<string, { file: string; fields: string[] }>();
const rootsByFile = new Map<string, string[]>();
for (const entry of PACKAGES) {
  const { pkg, messages } = parseProto(show(entry.git, entry.proto));
  const tags = new Map<string, Map<number, { pointer: boolean; omitempty: boolean; json: string }>>();
  for (const file of entry.types)
    for (const [name, fields] of parseGoTags(show(entry.git, file))) tags.set(name, fields);
  rootsByFile.set(
    entry.file,
    entry.roots.map((root) => `${pkg}.${root}`),
  );
  for (const [name, fields] of messages) {
    const goFields = tags.get(name);
    const encoded = fields.map((field) => {
      const go = goFields?.get(field.number);
      const flags = `${field.repeated ? 'r' : ''}${go?.pointer ? 'p' : ''}${go?.omitempty ? 'o' : ''}`;
      const type = field.map
        ? `map<${qualify(field.map[0], pkg)},${qualify(field.map[1], pkg)}>`
        : qualify(field.type, pkg);
      return `${field.number}:${go?.json || field.name}:${type}:${flags}`;
    });
    all.set(`${pkg}.${name}`, { file: entry.file, fields: encoded });
  }
}

// Only what the roots reach, so the tables stay small.
const reached = new Set<string>();
const pending = [...rootsByFile.values()].flat();
while (pending.length) {
  const name = pending.pop() ?? '';
  if (reached.has(name) || SPECIAL.has(name)) continue;
  const message = all.get(name);
  if (!message) throw new Error(`no message ${name}`);
  reached.add(name);
  for (const field of message.fields) {
    for (const type of (field.split(':')[2] ?? '').replace(/^map<|>$/g, '').split(','))
      if (!SCALARS.has(type)) pending.push(type);
  }
}

for (const entry of PACKAGES) {
  const lines = [...reached]
    .filter((name) => all.get(name)?.file === entry.file)
    .sort()
    .map((name) => `  '${name}': '${all.get(name)?.fields.join(' ')}',`);
  const constant = `${entry.file.toUpperCase()}_MESSAGES`;
  writeFileSync(
    join(OUT, `schema-${entry.file}.ts`),
    `// Generated by test/kubectl-reference/generate-proto-schema.ts from Kubernetes ${TAG}: do not edit.\n` +
      `// Each field: number:jsonName:type:flags (r repeated, p Go pointer, o omitempty).\n` +
      `export const ${constant}: Record<string, string> = {\n${lines.join('\n')}\n};\n`,
  );
}
console.log(`${reached.size} messages`);
