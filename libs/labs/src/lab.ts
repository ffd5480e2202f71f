// A lab as its author writes it (apiVersion kubelab.dev/v1, kind Lab): what
// the learner starts with, the tasks, how each is checked, and the solution.
// docs/labs.md is the reference; lab-schema.ts is the same in JSON Schema.
import type { KubeObject } from '@kubelab/cluster';

export const LAB_API_VERSION = 'kubelab.dev/v1';

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface LabMetadata {
  /** Lower-case words joined by dashes: `expose-redis`. */
  id: string;
  title: string;
  summary: string;
  difficulty: Difficulty;
  estimatedMinutes: number;
  tags: string[];
  /** Ids of labs to do first. */
  prerequisites: string[];
}

export interface LabEnvironment {
  /** Nodes: controlplane, node01, node02... */
  nodes: number;
  kubeProxyMode: 'iptables' | 'ipvs';
  /** A simulated cloud load balancer assigning these addresses to LoadBalancer Services. */
  loadBalancer: { enabled: boolean; addressPool: string[] };
  namespaces: string[];
  /** Created in order before the learner arrives. */
  objects: KubeObject[];
  /** Files in the learner's home directory (/root), by relative path. */
  files: Record<string, string>;
  history: string[];
  aliases: Record<string, string>;
}

/** Which objects a check looks at. */
export interface ObjectSelector {
  kind: string;
  /** Needed only where a kind name is ambiguous. */
  apiVersion?: string;
  namespace?: string;
  name?: string;
  /** `app=redis,tier in (cache)`, as kubectl's -l. */
  labelSelector?: string;
}

/** Which pod a check acts from or looks at. */
export interface PodSelector {
  namespace?: string;
  name?: string;
  labels?: Record<string, string>;
}

interface CheckBase {
  /** Unique in the lab: `service-port`. */
  id: string;
  /** Shown to the learner when the check passes / fails. */
  pass: string;
  fail: string;
}

export interface ResourceCheck extends CheckBase {
  type: 'resource';
  select: ObjectSelector;
  /** A partial object every selected object must match (maps are subsets). */
  match?: Record<string, unknown>;
  /** Lists in `match`: `ordered` element by element, or `contains`: each expected element somewhere. */
  lists?: 'ordered' | 'contains';
  /** How many objects the selector must find (default: at least one). */
  count?: number | { min?: number; max?: number };
  /** The selection must find nothing. */
  absent?: boolean;
}

export interface ExpressionCheck extends CheckBase {
  type: 'expression';
  select: ObjectSelector;
  /** A kubectl JSONPath: `{.spec.ports[0].port}`. */
  path: string;
  equals?: unknown;
  in?: unknown[];
  /** A regular expression the value (as text) must match. */
  matches?: string;
  greaterThan?: number;
  atLeast?: number;
  lessThan?: number;
  atMost?: number;
}

export interface EndpointsCheck extends CheckBase {
  type: 'endpoints';
  service: { name: string; namespace?: string };
  /** The ready endpoints are exactly the ready pods with these labels... */
  podSelector?: Record<string, string>;
  /** ...or simply some / none. */
  nonEmpty?: boolean;
  empty?: boolean;
}

export type ConnectionOrigin = { outside: true } | { node: string } | { pod: PodSelector };

export interface ConnectionCheck extends CheckBase {
  type: 'reachable' | 'unreachable';
  from: ConnectionOrigin;
  /** `http://redis-service:6379`, `10.96.0.10:53`, `http://192.168.1.2:30080/`. */
  to: string;
  /** The pod that answers must have these labels. */
  answeredBy?: PodSelector;
}

export interface DnsCheck extends CheckBase {
  type: 'dns';
  from: { pod: PodSelector };
  name: string;
  /** The name resolves to this Service's ClusterIP... */
  service?: { name: string; namespace?: string };
  /** ...to the ready pod IPs behind a headless Service... */
  podsOf?: { name: string; namespace?: string };
  /** ...to a CNAME... */
  cname?: string;
  /** ...or to nothing at all. */
  nxdomain?: boolean;
}

export interface EnvCheck extends CheckBase {
  type: 'env';
  pod: PodSelector;
  container?: string;
  name: string;
  value?: string;
  /** The variable must not be set. */
  absent?: boolean;
}

export interface CommandCheck extends CheckBase {
  type: 'command';
  /** A regular expression matched against each command of the learner's history. */
  pattern: string;
  /** No command may match. */
  absent?: boolean;
}

export interface FileCheck extends CheckBase {
  type: 'file';
  /** Relative to /root, or absolute. */
  path: string;
  absent?: boolean;
  /** The file must parse as a manifest partially matching this object. */
  manifest?: Record<string, unknown>;
}

export type Check =
  ResourceCheck | ExpressionCheck | EndpointsCheck | ConnectionCheck | DnsCheck | EnvCheck | CommandCheck | FileCheck;

export type CheckType = Check['type'];

export interface Hint {
  text: string;
  /** Points taken off the task when the hint is revealed. */
  cost: number;
}

export interface LabTask {
  id: string;
  title: string;
  /** Markdown; fenced code blocks can be sent to the terminal. */
  instructions: string;
  points: number;
  hints: Hint[];
  checks: Check[];
}

/** A named wrong attempt and the checks it must fail (it guards against false passes). */
export interface WrongSolution {
  name: string;
  commands: string[];
  fails: string[];
}

export interface Lab {
  apiVersion: typeof LAB_API_VERSION;
  kind: 'Lab';
  metadata: LabMetadata;
  environment: LabEnvironment;
  /** `sequential`: a task opens when the previous one passes. */
  order: 'sequential' | 'free';
  tasks: LabTask[];
  solution: string[];
  wrong: WrongSolution[];
}
