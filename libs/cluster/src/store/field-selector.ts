// Field selectors as k8s.io/apimachinery/pkg/fields v0.32 has them:
// `a=b,c!=d` with `\,` `\=` `\\` escapes in values, Go's error texts,
// matching against an object's selectable fields and canonical printing.
import { compareGoStrings } from '../api/validation/names';
import { SelectorParseError } from './label-requirement';

export { SelectorParseError } from './label-requirement';

/** selection.Equals or selection.NotEquals; `==` parses to '='. */
export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

/** AND of its requirements; none selects everything. Requirements keep the order of the sorted terms. */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
}

/** The API server's error for a field its kind cannot select on. */
export function unsupportedFieldLabel(name: string): string {
  return `field label not supported: ${name}`;
}

/** fields.EscapeValue. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (char) => `\\${char}`);
}

/** fields.UnescapeValue; throws SelectorParseError with Go's texts. */
export function unescapeFieldValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let inSlash = false;
  for (const char of value) {
    if (inSlash) {
      if (char !== '\\' && char !== ',' && char !== '=') {
        throw new SelectorParseError(`invalid field selector: invalid escape sequence: \\${char}`);
      }
      out += char;
      inSlash = false;
    } else if (char === '\\') {
      inSlash = true;
    } else if (char === ',' || char === '=') {
      // Go prints the rune with %v: its code point number.
      throw new SelectorParseError(`invalid field selector: unescaped character in value: ${char.charCodeAt(0)}`);
    } else {
      out += char;
    }
  }
  if (inSlash) throw new SelectorParseError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** splitTerms: commas split terms unless escaped; the escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (inSlash) inSlash = false;
    else if (char === '\\') inSlash = true;
    else if (char === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

// `==` before `=` so that a value never keeps a leading '='.
const TERM_OPERATORS = ['!=', '==', '='] as const;

/** splitTerm: the first operator found splits field from (still escaped) value. */
function splitTerm(term: string): { field: string; operator: FieldOperator; value: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const operator of TERM_OPERATORS) {
      if (term.startsWith(operator, i)) {
        return {
          field: term.slice(0, i),
          operator: operator === '!=' ? '!=' : '=',
          value: term.slice(i + operator.length),
        };
      }
    }
  }
  return undefined;
}

/** fields.ParseSelector. Throws SelectorParseError whose message is Go's error text. */
export function parseFieldSelector(selector: string): FieldSelector {
  const terms = splitTerms(selector).sort(compareGoStrings);
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new SelectorParseError(`invalid selector: '${selector}'; can't understand '${term}'`);
    requirements.push({ field: split.field, operator: split.operator, value: unescapeFieldValue(split.value) });
  }
  // Go's parse ends with an identity Transform, which drops terms with neither field nor value.
  return transformFieldSelector({ requirements }, (field, value) => [field, value]);
}

/**
 * Selector.Transform: rewrites each term (a kind's field label conversion,
 * which throws for an unsupported field); a term left with neither field nor
 * value is dropped.
 */
export function transformFieldSelector(
  selector: FieldSelector,
  transform: (field: string, value: string) => readonly [string, string],
): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const requirement of selector.requirements) {
    const [field, value] = transform(requirement.field, requirement.value);
    if (field === '' && value === '') continue;
    requirements.push({ field, operator: requirement.operator, value });
  }
  return { requirements };
}

/** fields.SelectorFromSet: `field=value` for each entry (sorted by field here; Go uses map order). */
export function fieldSelectorFromSet(set: Readonly<Record<string, string>>): FieldSelector {
  return {
    requirements: Object.keys(set)
      .sort(compareGoStrings)
      .map((field) => ({ field, operator: '=', value: set[field] ?? '' })),
  };
}

/** A missing field reads as '' (fields.Set.Get). */
export function matchesFieldSelector(selector: FieldSelector, fields: Readonly<Record<string, string>>): boolean {
  return selector.requirements.every((requirement) => {
    const actual = Object.prototype.hasOwnProperty.call(fields, requirement.field) ? fields[requirement.field] : '';
    return requirement.operator === '=' ? actual === requirement.value : actual !== requirement.value;
  });
}

/** Selector.Empty(). */
export function isEmptyFieldSelector(selector: FieldSelector): boolean {
  return selector.requirements.length === 0;
}

/** Selector.RequiresExactMatch: the value an `=` term demands of `field`, if any. */
export function fieldSelectorRequiresExactMatch(selector: FieldSelector, field: string): string | undefined {
  return selector.requirements.find((requirement) => requirement.field === field && requirement.operator === '=')
    ?.value;
}

/** Selector.String(): `field=value` terms joined by ',', values escaped. */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.requirements
    .map((requirement) => `${requirement.field}${requirement.operator}${escapeFieldValue(requirement.value)}`)
    .join(',');
}
