// Field errors as k8s.io/apimachinery/pkg/util/validation/field words them:
// `<path>: <Type>[: <value>][: <detail>]`.

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueForbidden'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'FieldValueTypeInvalid'
  | 'InternalError';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueForbidden: 'Forbidden',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

/** Types whose message never shows the bad value. */
const VALUE_HIDDEN: ReadonlySet<FieldErrorType> = new Set([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

/**
 * A bad value as Go would print it. Strings print quoted (%q), numbers and
 * booleans bare; anything else is pre-rendered with `goValue()` because its
 * text depends on the Go type (`map[string]string{"app":"web"}`).
 */
export type BadValue = string | number | boolean | null | GoRendered | undefined;

export interface GoRendered {
  readonly go: string;
}

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly badValue?: BadValue;
  readonly detail: string;
}

/** A value whose Go `%#v` rendering is given verbatim. */
export function goValue(text: string): GoRendered {
  return { go: text };
}

/** `map[string]string{"a":"b"}` with keys sorted, as `%#v` prints a Go map. */
export function goStringMap(map: Record<string, string> | undefined): GoRendered {
  if (!map) return goValue('map[string]string(nil)');
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${goQuote(key)}:${goQuote(map[key] ?? '')}`);
  return goValue(`map[string]string{${entries.join(', ')}}`);
}

/** `[]string{"a", "b"}` as `%#v` prints a string slice (`type` for named ones: `[]core.IPFamily`); nil is `[]string(nil)`. */
export function goStringSlice(values: readonly string[] | undefined, type = '[]string'): GoRendered {
  if (!values) return goValue(`${type}(nil)`);
  return goValue(`${type}{${values.map(goQuote).join(', ')}}`);
}

/** `%#v` prints a non-nil pointer as its address; one fixed stand-in keeps messages deterministic. */
const GO_POINTER_ADDRESS = '0xc000a4e3c0';

/** A pointer field inside a `%#v` struct: `(*bool)(nil)` or `(*bool)(0xc000a4e3c0)`. */
export function goPointer(type: string, isNil: boolean): string {
  return `(*${type})(${isNil ? 'nil' : GO_POINTER_ADDRESS})`;
}

const GO_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/**
 * Non-ASCII code points Go's unicode.IsPrint rejects that plausibly occur in
 * user input (C1 controls, non-ASCII spaces, line/paragraph separators, common
 * format characters, private use). Not Go's full table.
 */
function isGoNonPrintable(code: number): boolean {
  return (
    (code >= 0x80 && code <= 0xa0) ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

/** Go's %q for a string: double-quoted with Go escapes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const short = GO_SHORT_ESCAPES[char];
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (short) out += short;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (isGoNonPrintable(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    // A lone surrogate cannot reach Go: its JSON decoder makes it U+FFFD.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else out += char;
  }
  return `${out}"`;
}

function renderValue(value: BadValue): string {
  // ErrorBody turns a nil value (or nil pointer) into the string "null", then prints it with %q.
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.go;
}

/** The error's text without its field path (apimachinery's ErrorBody). */
export function fieldErrorBody(error: FieldError): string {
  let text = TYPE_TEXT[error.type];
  if (!VALUE_HIDDEN.has(error.type) && error.badValue !== undefined) {
    text += `: ${renderValue(error.badValue)}`;
  }
  if (error.detail) text += `: ${error.detail}`;
  return text;
}

export function fieldErrorMessage(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

export const fieldErrors = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail }),
  invalid: (field: string, badValue: BadValue, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    badValue: badValue ?? null,
    detail,
  }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail }),
  notSupported: (field: string, badValue: BadValue, supported: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    badValue: badValue ?? null,
    detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '',
  }),
  duplicate: (field: string, badValue: BadValue): FieldError => ({
    type: 'FieldValueDuplicate',
    field,
    badValue: badValue ?? null,
    detail: '',
  }),
  tooLong: (field: string, maxLength: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    detail: `may not be more than ${maxLength} bytes`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    badValue: actual,
    detail: `must have at most ${max} items`,
  }),
  notFound: (field: string, badValue: BadValue): FieldError => ({
    type: 'FieldValueNotFound',
    field,
    badValue: badValue ?? null,
    detail: '',
  }),
  internal: (field: string, detail: string): FieldError => ({ type: 'InternalError', field, detail }),
};

/** Builds field paths the way field.Path prints them: `spec.ports[0].name`, `metadata.labels[app]`. */
export class FieldPath {
  private constructor(private readonly text: string) {}

  static root(name: string): FieldPath {
    return new FieldPath(name);
  }

  child(...names: string[]): FieldPath {
    let text = this.text;
    for (const name of names) text = text ? `${text}.${name}` : name;
    return new FieldPath(text);
  }

  index(position: number): FieldPath {
    return new FieldPath(`${this.text}[${position}]`);
  }

  key(name: string): FieldPath {
    return new FieldPath(`${this.text}[${name}]`);
  }

  toString(): string {
    return this.text;
  }
}
