// The label selector parser of k8s.io/apimachinery/pkg/labels v0.32
// (Lexer, Parser, Parse): same tokens, same recovery, same error texts.
import {
  BINARY_OPERATORS,
  labelKeyError,
  requirementErrors,
  aggregateMessage,
  selectorOf,
  SelectorParseError,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-requirement';
import { compareGoStrings } from '../api/validation/names';
import { fieldErrorMessage } from '../api/field-errors';

enum Token {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
]);

interface ScannedItem {
  token: Token;
  literal: string;
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

function isSpecialSymbol(char: string): boolean {
  return '=!(),><'.includes(char) && char.length === 1;
}

// Go's lexer reads bytes and treats byte 0 as the end of input; a NUL in the
// text therefore ends an identifier too. Kept for identical tokenization.
const END = '\0';

class Lexer {
  private position = 0;

  constructor(private readonly text: string) {}

  private read(): string {
    if (this.position < this.text.length) return this.text[this.position++] ?? END;
    return END;
  }

  private unread(): void {
    this.position--;
  }

  private scanIdOrKeyword(): ScannedItem {
    let buffer = '';
    for (;;) {
      const char = this.read();
      if (char === END) break;
      if (isSpecialSymbol(char) || isWhitespace(char)) {
        this.unread();
        break;
      }
      buffer += char;
    }
    const token = STRING_TO_TOKEN.get(buffer);
    return token === undefined ? { token: Token.Identifier, literal: buffer } : { token, literal: buffer };
  }

  /** The longest operator made of special symbols ("!=", "==", ...). */
  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined;
    let buffer = '';
    for (;;) {
      const char = this.read();
      if (char === END) break;
      if (!isSpecialSymbol(char)) {
        this.unread();
        break;
      }
      buffer += char;
      const token = STRING_TO_TOKEN.get(buffer);
      if (token !== undefined) {
        last = { token, literal: buffer };
      } else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? { token: Token.Error, literal: `error expected: keyword found '${buffer}'` };
  }

  lex(): ScannedItem {
    let char = this.read();
    while (isWhitespace(char)) char = this.read();
    if (char === END) return { token: Token.EndOfString, literal: '' };
    this.unread();
    return isSpecialSymbol(char) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }
}

/** Whether 'in'/'notin' read as operators (KeyAndOperator) or as plain values (Values). */
type ParserContext = 'keyAndOperator' | 'values';

class Parser {
  private readonly items: ScannedItem[] = [];
  private position = 0;

  constructor(text: string) {
    const lexer = new Lexer(text);
    for (;;) {
      const item = lexer.lex();
      this.items.push(item);
      if (item.token === Token.EndOfString) break;
    }
  }

  private item(index: number, context: ParserContext): ScannedItem {
    const item = this.items[index] ?? { token: Token.EndOfString, literal: '' };
    if (context === 'values' && (item.token === Token.In || item.token === Token.NotIn)) {
      return { token: Token.Identifier, literal: item.literal };
    }
    return item;
  }

  private lookahead(context: ParserContext): ScannedItem {
    return this.item(this.position, context);
  }

  private consume(context: ParserContext): ScannedItem {
    this.position++;
    return this.item(this.position - 1, context);
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { token, literal } = this.lookahead('values');
      if (token === Token.Identifier || token === Token.DoesNotExist) {
        try {
          requirements.push(this.parseRequirement());
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new SelectorParseError(`unable to parse requirement: ${reason}`);
        }
        const next = this.consume('values');
        if (next.token === Token.EndOfString) return requirements;
        if (next.token === Token.Comma) {
          const after = this.lookahead('values');
          if (after.token !== Token.Identifier && after.token !== Token.DoesNotExist) {
            throw new SelectorParseError(`found '${after.literal}', expected: identifier after ','`);
          }
        } else {
          throw new SelectorParseError(`found '${next.literal}', expected: ',' or 'end of string'`);
        }
      } else if (token === Token.EndOfString) {
        return requirements;
      } else {
        throw new SelectorParseError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return requirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): sorted, without duplicates.
    return requirement(key, operator, [...values].sort(compareGoStrings));
  }

  private parseKeyAndInferOperator(): { key: string; operator: LabelOperator | undefined } {
    let operator: LabelOperator | undefined;
    let item = this.consume('values');
    if (item.token === Token.DoesNotExist) {
      operator = '!';
      item = this.consume('values');
    }
    if (item.token !== Token.Identifier) throw new Error(`found '${item.literal}', expected: identifier`);
    // The parser's own key check reports at Go's nil path, printed "<nil>".
    const keyError = labelKeyError(item.literal, '<nil>');
    if (keyError) throw new Error(fieldErrorMessage(keyError));
    const next = this.lookahead('values').token;
    if ((next === Token.EndOfString || next === Token.Comma) && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  }

  private parseOperator(): LabelOperator {
    const { token, literal } = this.consume('keyAndOperator');
    const operator = OPERATOR_OF_TOKEN.get(token);
    if (operator === undefined) throw new Error(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return operator;
  }

  private parseValues(): Set<string> {
    const open = this.consume('values');
    if (open.token !== Token.OpenPar) throw new Error(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.lookahead('values');
    if (token === Token.Identifier || token === Token.Comma) {
      const values = this.parseIdentifiersList();
      if (this.consume('values').token !== Token.ClosedPar) throw new Error(`found '${literal}', expected: ')'`);
      return values;
    }
    if (token === Token.ClosedPar) {
      this.consume('values');
      return new Set(['']);
    }
    throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
  }

  /** A possibly empty list of possibly empty identifiers: "(a,,b)", "(,)". */
  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { token, literal } = this.consume('values');
      if (token === Token.Identifier) {
        values.add(literal);
        const next = this.lookahead('values');
        if (next.token === Token.Comma) continue;
        if (next.token === Token.ClosedPar) return values;
        throw new Error(`found '${next.literal}', expected: ',' or ')'`);
      } else if (token === Token.Comma) {
        if (values.size === 0) values.add('');
        const next = this.lookahead('values').token;
        if (next === Token.ClosedPar) {
          values.add('');
          return values;
        }
        if (next === Token.Comma) {
          this.consume('values');
          values.add('');
        }
      } else {
        throw new Error(`found '${literal}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const ahead = this.lookahead('values').token;
    if (ahead === Token.EndOfString || ahead === Token.Comma) return new Set(['']);
    const { token, literal } = this.consume('values');
    if (token === Token.Identifier) return new Set([literal]);
    throw new Error(`found '${literal}', expected: identifier`);
  }
}

const OPERATOR_OF_TOKEN: ReadonlyMap<Token, LabelOperator> = new Map<Token, LabelOperator>([
  [Token.In, 'in'],
  [Token.Equals, '='],
  [Token.DoubleEquals, '=='],
  [Token.GreaterThan, 'gt'],
  [Token.LessThan, 'lt'],
  [Token.NotIn, 'notin'],
  [Token.NotEquals, '!='],
]);

/** NewRequirement as the parser calls it (nil path); its errors become the parse error's reason. */
function requirement(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const errors = requirementErrors(key, operator, values, undefined);
  if (errors.length) throw new Error(aggregateMessage(errors));
  return { key, operator, values };
}

/** labels.Parse. Throws SelectorParseError whose message is Go's error text. */
export function parseLabelSelector(text: string): LabelSelector {
  return selectorOf(new Parser(text).parse());
}
