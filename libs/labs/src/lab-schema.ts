// The lab format as JSON Schema (draft-07), published for editors and
// validated on every load. Defaults here fill what an author leaves out.
import { LAB_API_VERSION } from './lab';

type Schema = Record<string, unknown>;

const text = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const nonEmptyText = (description: string): Schema => text(description, { minLength: 1 });
const stringMap = (description: string): Schema => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string' },
});
const object = (properties: Record<string, Schema>, required: string[] = [], description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

/** A dotted IPv4 address. */
const IPV4 = '^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$';

/** DNS-1123 label: what Kubernetes accepts as a namespace or most object names. */
export const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

const objectSelector = object(
  {
    kind: nonEmptyText('Kind of the objects: Service, Pod, Deployment...'),
    apiVersion: text('Group/version, where the kind alone is ambiguous'),
    namespace: text('Namespace (default: default, for namespaced kinds)'),
    name: text('Exact name'),
    labelSelector: text('A label selector as kubectl -l takes it: app=redis,tier!=cache'),
  },
  ['kind'],
);

const podSelector = object(
  {
    namespace: text('Namespace (default: default)'),
    name: text('Exact name'),
    labels: stringMap('Labels the pod must have'),
  },
  [],
  'A pod by name or by labels',
);

const service = object({ name: nonEmptyText('Service name'), namespace: text('Namespace (default: default)') }, [
  'name',
]);

const checkBase: Record<string, Schema> = {
  id: text('Unique in the lab', { pattern: DNS_LABEL }),
  pass: nonEmptyText('Shown when the check passes'),
  fail: nonEmptyText('Shown when it fails (the grader adds its diagnosis)'),
};

function check(type: string, description: string, properties: Record<string, Schema>, required: string[]): Schema {
  return object(
    { type: { const: type }, ...checkBase, ...properties },
    ['type', 'id', 'pass', 'fail', ...required],
    description,
  );
}

const connection = (type: 'reachable' | 'unreachable', description: string): Schema =>
  check(
    type,
    description,
    {
      from: {
        description: 'Where the connection starts: outside the cluster, a node, or a pod',
        oneOf: [
          object({ outside: { const: true } }, ['outside']),
          object({ node: nonEmptyText('Node name') }, ['node']),
          object({ pod: podSelector }, ['pod']),
        ],
      },
      to: nonEmptyText('A URL (http://redis-service:6379) or host:port'),
      answeredBy: { ...podSelector, description: 'The pod that answers must match' },
    },
    ['from', 'to'],
  );

const CHECKS: Schema[] = [
  check(
    'resource',
    'Objects exist (or not) and partially match',
    {
      select: objectSelector,
      match: { type: 'object', description: 'A partial object: maps are subsets, absent fields are not assumed' },
      lists: { enum: ['ordered', 'contains'], default: 'ordered', description: 'How lists in match compare' },
      count: {
        description: 'How many objects must be selected',
        oneOf: [
          { type: 'integer', minimum: 0 },
          object({ min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } }),
        ],
      },
      absent: { type: 'boolean', description: 'Nothing may be selected' },
    },
    ['select'],
  ),
  check(
    'expression',
    'A value inside an object compares as expected',
    {
      select: objectSelector,
      path: nonEmptyText('A kubectl JSONPath: {.spec.ports[0].port}'),
      equals: { description: 'Equal to this value (numbers and numeric strings compare as numbers)' },
      in: { type: 'array', description: 'One of these values' },
      matches: text('A regular expression the value must match'),
      greaterThan: { type: 'number' },
      atLeast: { type: 'number' },
      lessThan: { type: 'number' },
      atMost: { type: 'number' },
    },
    ['select', 'path'],
  ),
  check(
    'endpoints',
    "A Service's ready endpoints",
    {
      service,
      podSelector: stringMap('The endpoints are exactly the ready pods with these labels'),
      nonEmpty: { type: 'boolean' },
      empty: { type: 'boolean' },
    },
    ['service'],
  ),
  connection('reachable', 'A connection succeeds (through the simulated network)'),
  connection('unreachable', 'A connection fails'),
  check(
    'dns',
    'A name resolves from a pod as expected',
    {
      from: object({ pod: podSelector }, ['pod']),
      name: nonEmptyText('The name to resolve'),
      service: { ...service, description: "The answer is this Service's ClusterIP" },
      podsOf: { ...service, description: 'The answer is the ready pod IPs behind this headless Service' },
      cname: text('The answer is this CNAME'),
      nxdomain: { const: true, description: 'The name does not exist' },
    },
    ['from', 'name'],
  ),
  check(
    'env',
    'A pod has (or lacks) an environment variable',
    {
      pod: podSelector,
      container: text('Container name (default: the first)'),
      name: nonEmptyText('Variable name'),
      value: text('Its value'),
      absent: { type: 'boolean' },
    },
    ['pod', 'name'],
  ),
  check(
    'command',
    "The learner's history contains (or lacks) a command",
    { pattern: nonEmptyText('A regular expression'), absent: { type: 'boolean' } },
    ['pattern'],
  ),
  check(
    'file',
    "A file in the learner's home exists, or parses as a manifest that partially matches",
    {
      path: nonEmptyText('Relative to /root, or absolute'),
      absent: { type: 'boolean' },
      manifest: { type: 'object', description: 'A partial object the file must parse to' },
    },
    ['path'],
  ),
];

export const CHECK_TYPES = CHECKS.map(
  (schema) => ((schema['properties'] as Schema)['type'] as { const: string }).const,
);

/** The lab format, JSON Schema draft-07 (`docs/lab.schema.json` is this, written out). */
export const LAB_JSON_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kubelab.dev/schemas/lab-v1.json',
  title: 'kubelab lab',
  ...object(
    {
      apiVersion: { const: LAB_API_VERSION },
      kind: { const: 'Lab' },
      metadata: object(
        {
          id: text('Lower-case words joined by dashes', { pattern: DNS_LABEL, maxLength: 63 }),
          title: nonEmptyText('Shown in the catalogue'),
          summary: text('One or two sentences', { default: '' }),
          difficulty: { enum: ['beginner', 'intermediate', 'advanced'], default: 'beginner' },
          estimatedMinutes: { type: 'integer', minimum: 1, maximum: 600, default: 15 },
          tags: { type: 'array', items: { type: 'string', pattern: DNS_LABEL }, default: [] },
          prerequisites: { type: 'array', items: { type: 'string', pattern: DNS_LABEL }, default: [] },
        },
        ['id', 'title'],
      ),
      environment: {
        ...object({
          nodes: { type: 'integer', minimum: 1, maximum: 10, default: 2 },
          kubeProxyMode: { enum: ['iptables', 'ipvs'], default: 'iptables' },
          loadBalancer: {
            ...object({
              enabled: { type: 'boolean', default: false },
              addressPool: {
                type: 'array',
                items: { type: 'string', pattern: IPV4 },
                default: ['203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13'],
              },
            }),
            default: {},
          },
          namespaces: { type: 'array', items: { type: 'string', pattern: DNS_LABEL }, default: [] },
          objects: {
            type: 'array',
            description: 'Manifests created in order before the learner arrives',
            items: {
              type: 'object',
              required: ['apiVersion', 'kind', 'metadata'],
              properties: {
                apiVersion: nonEmptyText('apiVersion'),
                kind: nonEmptyText('kind'),
                metadata: { type: 'object', required: ['name'], properties: { name: nonEmptyText('Object name') } },
              },
            },
            default: [],
          },
          files: { ...stringMap("Files in the learner's home directory, by path"), default: {} },
          history: { type: 'array', items: { type: 'string' }, default: [] },
          aliases: { ...stringMap('Shell aliases'), default: {} },
        }),
        default: {},
      },
      order: { enum: ['sequential', 'free'], default: 'free' },
      tasks: {
        type: 'array',
        minItems: 1,
        items: object(
          {
            id: text('Unique in the lab', { pattern: DNS_LABEL }),
            title: nonEmptyText('Task title'),
            instructions: nonEmptyText('Markdown'),
            points: { type: 'integer', minimum: 0, default: 10 },
            hints: {
              type: 'array',
              default: [],
              items: object({ text: nonEmptyText('The hint'), cost: { type: 'integer', minimum: 0, default: 0 } }, [
                'text',
              ]),
            },
            checks: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['type'],
                properties: { type: { type: 'string' } },
                discriminator: { propertyName: 'type' },
                oneOf: CHECKS,
              },
            },
          },
          ['id', 'title', 'instructions', 'checks'],
        ),
      },
      solution: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      wrong: {
        type: 'array',
        default: [],
        items: object(
          {
            name: nonEmptyText('What this attempt gets wrong'),
            commands: { type: 'array', items: { type: 'string' } },
            fails: { type: 'array', minItems: 1, items: { type: 'string' } },
          },
          ['name', 'commands', 'fails'],
        ),
      },
    },
    ['apiVersion', 'kind', 'metadata', 'tasks', 'solution'],
  ),
};
