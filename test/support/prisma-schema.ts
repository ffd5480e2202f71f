// prisma/schema.prisma -> the subset of Prisma's DMMF that the schema-drift
// test compares (test/schema-drift.e2e.spec.ts explains why we parse it).

export interface Attribute {
  /** Without the leading @ or @@: "id", "db.Uuid", "relation", "unique"... */
  name: string;
  /** The text between the parentheses, if any. */
  args: string | undefined;
}

export type FieldKind = 'scalar' | 'enum' | 'object';
export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface Field {
  name: string;
  /** The column: @map or the field name (relation fields have none). */
  dbName: string;
  kind: FieldKind;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  /** The raw @default(...) argument: "now()", "uuid()", "\"{}\"", "learner"... */
  default: string | undefined;
  /** @db.X(args) */
  nativeType: { name: string; args: string[] } | undefined;
  relationName: string | undefined;
  relationFromFields: string[];
  relationToFields: string[];
  relationOnDelete: ReferentialAction | undefined;
  relationOnUpdate: ReferentialAction | undefined;
}

export interface Model {
  name: string;
  /** @@map, or undefined when the table is named after the model. */
  mappedName: string | undefined;
  fields: Field[];
  /** Field names of @@id([...]). */
  compoundId: string[] | undefined;
  /** Field names of each @@unique([...]). */
  compoundUniques: string[][];
  /** Field names of each @@index([...]). */
  indexes: string[][];
}

export interface EnumType {
  name: string;
  dbName: string;
  values: { name: string; dbName: string }[];
}

export interface DataModel {
  models: Model[];
  enums: EnumType[];
}

export const SCALAR_TYPES = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
]);
export const REFERENTIAL_ACTIONS = new Set<string>(['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault']);

export class UnsupportedSchemaError extends Error {
  constructor(what: string) {
    super(`the schema-drift check does not understand ${what}; extend test/support/prisma-schema.ts`);
  }
}

/** Removes a // (or ///) comment, leaving // inside string literals alone. */
export function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '/' && line[i + 1] === '/') {
      return line.slice(0, i);
    }
  }
  return line;
}

/** Each character outside string literals, with the bracket depth once it is read. */
function* bracketDepths(text: string, from = 0): Generator<{ index: number; char: string; depth: number }> {
  let depth = 0;
  let inString = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index] ?? '';
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    yield { index, char, depth };
  }
}

/** Index of the parenthesis closing the one at `open`, skipping strings and nested brackets. */
export function closingParen(text: string, open: number): number {
  for (const { index, char, depth } of bracketDepths(text, open)) {
    if ((char === ')' || char === ']') && depth === 0) return index;
  }
  throw new UnsupportedSchemaError(`unbalanced parentheses in "${text}"`);
}

/** "@id @default(uuid()) @db.Uuid" -> [{ name: 'id' }, { name: 'default', args: 'uuid()' }, ...] */
export function parseAttributes(text: string, prefix: '@' | '@@'): Attribute[] {
  const attributes: Attribute[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const match = /^(@{1,2})([A-Za-z][\w.]*)/.exec(rest);
    if (!match || match[1] !== prefix) throw new UnsupportedSchemaError(`"${rest}"`);
    const name = match[2] ?? '';
    rest = rest.slice(match[0].length);
    let args: string | undefined;
    if (rest.startsWith('(')) {
      const close = closingParen(rest, 0);
      args = rest.slice(1, close).trim();
      rest = rest.slice(close + 1);
    }
    attributes.push({ name, args });
    rest = rest.trim();
  }
  return attributes;
}

/** Splits on commas that are not inside brackets, parentheses or strings. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const { index, char, depth } of bracketDepths(text)) {
    if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** Positional and named (`key: value`) arguments of an attribute. */
export function parseArgs(args: string | undefined): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const part of splitTopLevel(args ?? '')) {
    const match = /^(\w+)\s*:\s*([\s\S]*)$/.exec(part);
    if (match) named.set(match[1] ?? '', (match[2] ?? '').trim());
    else positional.push(part);
  }
  return { positional, named };
}

export function stringLiteral(text: string): string {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'string') throw new UnsupportedSchemaError(`${text} where a string was expected`);
  return parsed;
}

/** "[a, b(sort: Desc)]" -> ["a", "b"] */
export function fieldList(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']'))
    throw new UnsupportedSchemaError(`"${text}" where a field list was expected`);
  return splitTopLevel(trimmed.slice(1, -1)).map((item) => item.replace(/\(.*\)$/s, '').trim());
}

/** The main argument of @map("x") / @@map(name: "x") / @@unique([..]) / @@unique(fields: [..]). */
export function mainArg(attribute: Attribute, key: string): string | undefined {
  const { positional, named } = parseArgs(attribute.args);
  return positional[0] ?? named.get(key);
}

export function parseSchema(text: string): DataModel {
  interface Block {
    keyword: string;
    name: string;
    lines: string[];
  }
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const rawLine of text.split('\n')) {
    const line = stripComment(rawLine).trim();
    if (!line) continue;
    if (!current) {
      const open = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
      if (!open) throw new UnsupportedSchemaError(`the line "${line}" outside any block`);
      current = { keyword: open[1] ?? '', name: open[2] ?? '', lines: [] };
    } else if (line === '}') {
      blocks.push(current);
      current = undefined;
    } else {
      current.lines.push(line);
    }
  }
  if (current) throw new UnsupportedSchemaError(`the unterminated block ${current.name}`);

  for (const block of blocks) {
    if (!['model', 'enum', 'generator', 'datasource'].includes(block.keyword)) {
      throw new UnsupportedSchemaError(`${block.keyword} blocks (${block.name})`);
    }
  }
  const modelNames = new Set(blocks.filter((b) => b.keyword === 'model').map((b) => b.name));

  const enums: EnumType[] = blocks
    .filter((block) => block.keyword === 'enum')
    .map((block) => {
      let dbName = block.name;
      const values: EnumType['values'] = [];
      for (const line of block.lines) {
        if (line.startsWith('@@')) {
          for (const attribute of parseAttributes(line, '@@')) {
            if (attribute.name !== 'map') throw new UnsupportedSchemaError(`@@${attribute.name} on enum ${block.name}`);
            dbName = stringLiteral(mainArg(attribute, 'name') ?? '');
          }
          continue;
        }
        const value = /^(\w+)\s*(.*)$/.exec(line);
        if (!value) throw new UnsupportedSchemaError(`the enum value "${line}"`);
        const name = value[1] ?? '';
        const map = parseAttributes(value[2] ?? '', '@').find((a) => a.name === 'map');
        values.push({ name, dbName: map ? stringLiteral(mainArg(map, 'name') ?? '') : name });
      }
      return { name: block.name, dbName, values };
    });
  const enumNames = new Set(enums.map((e) => e.name));

  const models: Model[] = blocks
    .filter((block) => block.keyword === 'model')
    .map((block) => {
      const model: Model = {
        name: block.name,
        mappedName: undefined,
        fields: [],
        compoundId: undefined,
        compoundUniques: [],
        indexes: [],
      };
      for (const line of block.lines) {
        if (line.startsWith('@@')) {
          for (const attribute of parseAttributes(line, '@@')) {
            const fields = (): string[] => fieldList(mainArg(attribute, 'fields') ?? '');
            if (attribute.name === 'map') model.mappedName = stringLiteral(mainArg(attribute, 'name') ?? '');
            else if (attribute.name === 'id') model.compoundId = fields();
            else if (attribute.name === 'unique') model.compoundUniques.push(fields());
            else if (attribute.name === 'index') model.indexes.push(fields());
            else throw new UnsupportedSchemaError(`@@${attribute.name} on model ${block.name}`);
          }
          continue;
        }
        const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(?:\s+(.*))?$/.exec(line);
        if (!match) throw new UnsupportedSchemaError(`the field "${line}" in model ${block.name}`);
        const [, name = '', type = '', list, optional, rest = ''] = match;
        const kind: FieldKind = modelNames.has(type) ? 'object' : enumNames.has(type) ? 'enum' : 'scalar';
        if (kind === 'scalar' && !SCALAR_TYPES.has(type))
          throw new UnsupportedSchemaError(`the type ${type} of ${block.name}.${name}`);
        const attributes = parseAttributes(rest, '@');
        const find = (attributeName: string): Attribute | undefined => attributes.find((a) => a.name === attributeName);
        for (const attribute of attributes) {
          if (
            !['id', 'unique', 'default', 'map', 'updatedAt', 'relation', 'ignore'].includes(attribute.name) &&
            !attribute.name.startsWith('db.')
          ) {
            throw new UnsupportedSchemaError(`@${attribute.name} on ${block.name}.${name}`);
          }
          if (attribute.name === 'ignore') throw new UnsupportedSchemaError(`@ignore on ${block.name}.${name}`);
        }
        const map = find('map');
        const native = attributes.find((a) => a.name.startsWith('db.'));
        const relation = find('relation');
        const relationArgs = parseArgs(relation?.args);
        const action = (key: string): ReferentialAction | undefined => {
          const value = relationArgs.named.get(key);
          if (value === undefined) return undefined;
          if (!REFERENTIAL_ACTIONS.has(value))
            throw new UnsupportedSchemaError(`${key}: ${value} on ${block.name}.${name}`);
          return value as ReferentialAction;
        };
        const explicitRelationName = relationArgs.positional[0] ?? relationArgs.named.get('name');
        model.fields.push({
          name,
          dbName: map ? stringLiteral(mainArg(map, 'name') ?? '') : name,
          kind,
          type,
          isRequired: optional === undefined,
          isList: list !== undefined,
          isId: find('id') !== undefined,
          isUnique: find('unique') !== undefined,
          isUpdatedAt: find('updatedAt') !== undefined,
          default: find('default')?.args,
          nativeType: native ? { name: native.name.slice(3), args: splitTopLevel(native.args ?? '') } : undefined,
          relationName:
            kind === 'object'
              ? explicitRelationName
                ? stringLiteral(explicitRelationName)
                : [block.name, type].sort().join('To')
              : undefined,
          relationFromFields: relationArgs.named.has('fields') ? fieldList(relationArgs.named.get('fields') ?? '') : [],
          relationToFields: relationArgs.named.has('references')
            ? fieldList(relationArgs.named.get('references') ?? '')
            : [],
          relationOnDelete: action('onDelete'),
          relationOnUpdate: action('onUpdate'),
        });
      }
      return model;
    });
  return { models, enums };
}
