// What the JSON Schema cannot say about a lab: unique ids, references that
// resolve, one expectation per check, regular expressions that compile.
import type { Check, Lab } from './lab';

export interface RuleProblem {
  path: Array<string | number>;
  /** A field named under `path` (unknown fields), for pointing at its key. */
  key?: string;
  message: string;
}

const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export function labRuleProblems(lab: Lab): RuleProblem[] {
  return [...idProblems(lab), ...environmentProblems(lab), ...lab.tasks.flatMap(taskProblems), ...wrongProblems(lab)];
}

function idProblems(lab: Lab): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const tasks = new Map<string, number>();
  const checks = new Map<string, string>();
  if (lab.metadata.prerequisites.includes(lab.metadata.id)) {
    problems.push({ path: ['metadata', 'prerequisites'], message: 'a lab cannot be its own prerequisite' });
  }
  lab.tasks.forEach((task, taskIndex) => {
    const earlier = tasks.get(task.id);
    if (earlier !== undefined) {
      problems.push({
        path: ['tasks', taskIndex, 'id'],
        message: `duplicate task id "${task.id}" (also tasks[${earlier}])`,
      });
    } else tasks.set(task.id, taskIndex);
    task.checks.forEach((check, checkIndex) => {
      const where = `tasks[${taskIndex}].checks[${checkIndex}]`;
      const first = checks.get(check.id);
      if (first !== undefined) {
        problems.push({
          path: ['tasks', taskIndex, 'checks', checkIndex, 'id'],
          message: `duplicate check id "${check.id}" (also ${first})`,
        });
      } else checks.set(check.id, where);
    });
  });
  return problems;
}

function environmentProblems(lab: Lab): RuleProblem[] {
  const created = new Set([...BUILT_IN_NAMESPACES, ...lab.environment.namespaces]);
  return lab.environment.objects.flatMap((object, index): RuleProblem[] => {
    const namespace = object.metadata.namespace;
    if (typeof namespace !== 'string' || created.has(namespace) || object.kind === 'Namespace') return [];
    return [
      {
        path: ['environment', 'objects', index, 'metadata', 'namespace'],
        message: `namespace "${namespace}" is not created by the environment; add it to environment.namespaces`,
      },
    ];
  });
}

function taskProblems(task: Lab['tasks'][number], taskIndex: number): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const hintCost = task.hints.reduce((total, hint) => total + hint.cost, 0);
  if (hintCost > task.points) {
    problems.push({
      path: ['tasks', taskIndex, 'hints'],
      message: `the hints cost ${hintCost} points, more than the task's ${task.points}`,
    });
  }
  task.checks.forEach((check, checkIndex) => {
    for (const problem of checkProblems(check)) {
      problems.push({ ...problem, path: ['tasks', taskIndex, 'checks', checkIndex, ...problem.path] });
    }
  });
  return problems;
}

/** Exactly one (or at least one) of these fields must be given. */
function choose(check: object, fields: string[], rule: 'exactly one' | 'at least one'): RuleProblem[] {
  const given = fields.filter((field) => (check as Record<string, unknown>)[field] !== undefined);
  if (given.length === 1 || (rule === 'at least one' && given.length > 1)) return [];
  const names = fields.join(', ');
  return [
    { path: [], message: given.length === 0 ? `needs ${rule} of: ${names}` : `give only one of: ${given.join(', ')}` },
  ];
}

function regexProblem(field: string, pattern: string | undefined): RuleProblem[] {
  if (pattern === undefined) return [];
  try {
    new RegExp(pattern);
    return [];
  } catch (error) {
    return [{ path: [field], message: `invalid regular expression: ${(error as Error).message}` }];
  }
}

function checkProblems(check: Check): RuleProblem[] {
  switch (check.type) {
    case 'resource':
      return check.absent && (check.count !== undefined || check.match !== undefined)
        ? [{ path: ['absent'], message: 'absent cannot be combined with count or match' }]
        : [];
    case 'expression':
      return [
        ...choose(check, ['equals', 'in', 'matches', 'greaterThan', 'atLeast', 'lessThan', 'atMost'], 'at least one'),
        ...regexProblem('matches', check.matches),
      ];
    case 'endpoints':
      return choose(check, ['podSelector', 'nonEmpty', 'empty'], 'exactly one');
    case 'dns':
      return choose(check, ['service', 'podsOf', 'cname', 'nxdomain'], 'exactly one');
    case 'env':
      return check.absent && check.value !== undefined
        ? [{ path: ['value'], message: 'a variable that must be absent has no value' }]
        : [];
    case 'command':
      return regexProblem('pattern', check.pattern);
    case 'file':
      return check.absent && check.manifest !== undefined
        ? [{ path: ['manifest'], message: 'a file that must be absent has no manifest' }]
        : [];
    case 'reachable':
    case 'unreachable':
      return /^([a-z]+:\/\/)?[^\s/:]+(:\d{1,5})?(\/\S*)?$/i.test(check.to)
        ? []
        : [{ path: ['to'], message: 'must be a URL (http://name:port/path) or host:port' }];
  }
}

function wrongProblems(lab: Lab): RuleProblem[] {
  const ids = lab.tasks.flatMap((task) => task.checks.map((check) => check.id));
  return lab.wrong.flatMap((wrong, wrongIndex) =>
    wrong.fails.flatMap((id, failIndex): RuleProblem[] => {
      if (ids.includes(id)) return [];
      const near = ids.find((candidate) => candidate.includes(id) || id.includes(candidate));
      return [
        {
          path: ['wrong', wrongIndex, 'fails', failIndex],
          message: `no check has the id "${id}"${near ? `; did you mean "${near}"?` : ''}`,
        },
      ];
    }),
  );
}
