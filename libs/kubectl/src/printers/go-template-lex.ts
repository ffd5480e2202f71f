// Go text/template's lexer (text/template/parse/lex.go, Go 1.23), run eagerly into a token list.

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // Keywords.
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

export const isKeyword = (t: ItemType): boolean => Object.values(KEYWORDS).includes(t);

/** item.String(): how the parser names a token in "unexpected ..." errors. */
export function itemString(item: Item): string {
  if (item.typ === 'EOF') return 'EOF';
  if (item.typ === 'error') return item.val;
  if (isKeyword(item.typ)) return `<${item.val}>`;
  if (item.val.length > 10) return `${goQuoteTruncated(item.val, 10)}...`;
  return goQuoteSimple(item.val);
}

function goQuoteSimple(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

function goQuoteTruncated(s: string, runes: number): string {
  return goQuoteSimple(Array.from(s).slice(0, runes).join(''));
}

const SPACE = ' \t\r\n';
const isSpace = (r: string): boolean => r !== '' && SPACE.includes(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const hasLeftTrimMarker = (s: string): boolean => s.length >= 2 && s[0] === '-' && isSpace(s[1] ?? '');
const hasRightTrimMarker = (s: string): boolean => s.length >= 2 && isSpace(s[0] ?? '') && s[1] === '-';
const LEFT = '{{';
const RIGHT = '}}';

type StateFn = (() => StateFn) | null;

/** Lexes the whole template; the list ends with an EOF or an error item. */
export function lexTemplate(input: string, breakOK: boolean, continueOK: boolean): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const lineAt = (p: number): number => 1 + (input.slice(0, p).match(/\n/g)?.length ?? 0);
  const emit = (typ: ItemType): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const ignore = (): void => {
    start = pos;
  };
  const errorf = (message: string): StateFn => {
    items.push({ typ: 'error', pos: start, val: message, line: lineAt(start) });
    return null;
  };
  let width = 0; // Width of the last rune read; 0 at EOF, so backup() is then a no-op as with Go's atEOF.
  const next = (): string => {
    if (pos >= input.length) {
      width = 0;
      return '';
    }
    const ch = String.fromCodePoint(input.codePointAt(pos) ?? 0);
    width = ch.length;
    pos += width;
    return ch;
  };
  const backup = (): void => {
    pos -= width;
  };
  const peek = (): string => {
    const r = next();
    backup();
    return r;
  };
  const accept = (valid: string): boolean => {
    const r = next();
    if (r !== '' && valid.includes(r)) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const r = next();
      if (r === '' || !valid.includes(r)) break;
    }
    backup();
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    const rest = input.slice(pos);
    if (hasRightTrimMarker(rest) && rest.slice(2).startsWith(RIGHT)) return { delim: true, trim: true };
    return { delim: rest.startsWith(RIGHT), trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (isSpace(r) || r === '') return true;
    if ('.,|:)('.includes(r)) return true;
    return input.slice(pos).startsWith(RIGHT);
  };

  const lexText = (): StateFn => {
    const x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(input.slice(pos + LEFT.length))) {
          const text = input.slice(start, pos);
          trim = text.length - text.replace(/[ \t\r\n]+$/, '').length;
        }
        pos -= trim;
        if (pos > start) emit('text');
        pos += trim;
        ignore();
      }
      return lexLeftDelim;
    }
    pos = input.length;
    if (pos > start) emit('text');
    emit('EOF');
    return null;
  };

  const lexLeftDelim = (): StateFn => {
    pos += LEFT.length;
    const trim = hasLeftTrimMarker(input.slice(pos));
    const afterMarker = trim ? 2 : 0;
    if (input.slice(pos + afterMarker).startsWith('/*')) {
      pos += afterMarker;
      ignore();
      return lexComment;
    }
    emit('leftDelim');
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment = (): StateFn => {
    pos += 2;
    const i = input.indexOf('*/', pos);
    if (i < 0) return errorf('unclosed comment');
    pos = i + 2;
    const { delim, trim } = atRightDelim();
    if (!delim) return errorf('comment ends before closing delimiter');
    if (trim) pos += 2;
    pos += RIGHT.length;
    if (trim) pos += leftTrimLength(input.slice(pos));
    ignore();
    return lexText;
  };

  const lexRightDelim = (): StateFn => {
    const { trim } = atRightDelim();
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length;
    emit('rightDelim');
    if (trim) {
      pos += leftTrimLength(input.slice(pos));
      ignore();
    }
    return lexText;
  };

  const lexInsideAction = (): StateFn => {
    if (atRightDelim().delim) {
      if (parenDepth === 0) return lexRightDelim;
      return errorf('unclosed left paren');
    }
    const r = next();
    if (r === '') return errorf('unclosed action');
    if (isSpace(r)) {
      backup();
      return lexSpace;
    }
    if (r === '=') emit('assign');
    else if (r === ':') {
      if (next() !== '=') return errorf('expected :=');
      emit('declare');
    } else if (r === '|') emit('pipe');
    else if (r === '"') return lexQuote;
    else if (r === '`') return lexRawQuote;
    else if (r === '$') return lexVariable;
    else if (r === "'") return lexChar;
    else if (r === '.' && pos < input.length && !/[0-9]/.test(input[pos] ?? '')) return lexField;
    else if (r === '.' || r === '+' || r === '-' || /[0-9]/.test(r)) {
      backup();
      return lexNumber;
    } else if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier;
    } else if (r === '(') {
      emit('leftParen');
      parenDepth++;
    } else if (r === ')') {
      emit('rightParen');
      parenDepth--;
      if (parenDepth < 0) return errorf(`unexpected right paren ${unicodeName(r)}`);
    } else if ((r.codePointAt(0) ?? 0) <= 0x7f && /[\x20-\x7e]/.test(r)) emit('char');
    else return errorf(`unrecognized character in action: ${unicodeName(r)}`);
    return lexInsideAction;
  };

  const lexSpace = (): StateFn => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input.slice(pos - 1)) && input.slice(pos + 1).startsWith(RIGHT)) {
      backup();
      if (numSpaces === 1) return lexRightDelim;
    }
    emit('space');
    return lexInsideAction;
  };

  const lexIdentifier = (): StateFn => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      const word = input.slice(start, pos);
      if (!atTerminator()) return errorf(`bad character ${unicodeName(r)}`);
      const key = KEYWORDS[word];
      if (key && key !== 'dot') {
        emit((key === 'break' && !breakOK) || (key === 'continue' && !continueOK) ? 'identifier' : key);
      } else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return lexInsideAction;
    }
  };

  const lexFieldOrVariable = (typ: 'field' | 'variable'): StateFn => {
    if (atTerminator()) {
      emit(typ === 'variable' ? 'variable' : 'dot');
      return lexInsideAction;
    }
    let r: string;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) return errorf(`bad character ${unicodeName(r)}`);
    emit(typ);
    return lexInsideAction;
  };
  const lexField = (): StateFn => lexFieldOrVariable('field');
  const lexVariable = (): StateFn => {
    if (atTerminator()) {
      emit('variable');
      return lexInsideAction;
    }
    return lexFieldOrVariable('variable');
  };

  const lexQuoted = (quote: string, message: string): StateFn => {
    for (;;) {
      const r = next();
      if (r === '\\') {
        const e = next();
        if (e !== '' && e !== '\n') continue;
        return errorf(message);
      }
      if (r === '' || r === '\n') return errorf(message);
      if (r === quote) break;
    }
    emit(quote === '"' ? 'string' : 'charConstant');
    return lexInsideAction;
  };
  const lexQuote = (): StateFn => lexQuoted('"', 'unterminated quoted string');
  const lexChar = (): StateFn => lexQuoted("'", 'unterminated character constant');
  const lexRawQuote = (): StateFn => {
    const end = input.indexOf('`', pos);
    if (end < 0) {
      pos = input.length;
      return errorf('unterminated raw quoted string');
    }
    pos = end + 1;
    emit('rawString');
    return lexInsideAction;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };
  const lexNumber = (): StateFn => {
    if (!scanNumber()) return errorf(`bad number syntax: ${goQuoteSimple(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        return errorf(`bad number syntax: ${goQuoteSimple(input.slice(start, pos))}`);
      }
      emit('complex');
    } else emit('number');
    return lexInsideAction;
  };

  for (let state: StateFn = lexText; state;) state = state();
  return items;
}

function leftTrimLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, '').length;
}

/** Go's %#U. */
function unicodeName(r: string): string {
  const c = r.codePointAt(0) ?? 0;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}
