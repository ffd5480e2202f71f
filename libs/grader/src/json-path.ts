// The part of kubectl's JSONPath that checks need: `{.spec.ports[0].port}`,
// `[*]`, `..name`, `['key.with.dots']` and filters `[?(@.name=="http")]`.
// Returns every value the path reaches.

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'descend'; name: string }
  | { kind: 'filter'; path: string[]; operator: '==' | '!='; value: string };

export class JsonPathError extends Error {}

export function parseJsonPath(source: string): Step[] {
  let text = source.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (text.startsWith('$')) text = text.slice(1);
  const steps: Step[] = [];
  const pattern =
    /^(?:\.\.([\w-]+)|\.([\w-]+)|\.\*|\[(\d+)\]|\[\*\]|\['([^']*)'\]|\[\?\(@((?:\.[\w-]+)+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([\w.-]+))\)\])/;
  while (text.length > 0) {
    const match = pattern.exec(text);
    if (!match) throw new JsonPathError(`unsupported JSONPath at "${text}"`);
    const [all, descend, field, index, quoted, filterPath, operator, double, single, bare] = match;
    if (descend !== undefined) steps.push({ kind: 'descend', name: descend });
    else if (field !== undefined) steps.push({ kind: 'field', name: field });
    else if (index !== undefined) steps.push({ kind: 'index', index: Number(index) });
    else if (quoted !== undefined) steps.push({ kind: 'field', name: quoted });
    else if (filterPath !== undefined) {
      steps.push({
        kind: 'filter',
        path: filterPath.slice(1).split('.'),
        operator: operator === '!=' ? '!=' : '==',
        value: double ?? single ?? bare ?? '',
      });
    } else steps.push({ kind: 'all' });
    text = text.slice(all.length);
  }
  return steps;
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return [];
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function descendants(value: unknown, name: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown) => {
    const own = field(node, name);
    if (own !== undefined) found.push(own);
    for (const child of children(node)) visit(child);
  };
  visit(value);
  return found;
}

export function evaluateJsonPath(steps: Step[], root: unknown): unknown[] {
  let current = [root];
  for (const step of steps) {
    current = current.flatMap((value): unknown[] => {
      switch (step.kind) {
        case 'field': {
          const next = field(value, step.name);
          return next === undefined ? [] : [next];
        }
        case 'index':
          return Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
        case 'all':
          return children(value);
        case 'descend':
          return descendants(value, step.name);
        case 'filter':
          return children(value).filter((item) => {
            const got = step.path.reduce<unknown>((node, name) => field(node, name), item);
            const same =
              (typeof got === 'string' || typeof got === 'number' || typeof got === 'boolean') &&
              String(got) === step.value;
            return step.operator === '==' ? same : !same;
          });
      }
    });
  }
  return current;
}
