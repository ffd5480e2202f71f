// `$(VAR)` references in env values, command and args, expanded exactly as
// third_party/forked/golang/expansion does: `$$` escapes a `$`, an unknown
// or unterminated reference stays as written.

const OPERATOR = '$';

/** Expands `$(NAME)` with `lookup`; a name it does not know is left as `$(NAME)`. */
export function expandKubernetesVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input.charAt(cursor) !== OPERATOR || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input.charAt(cursor + 1);
    let advance = 1;
    if (next === OPERATOR) {
      out += OPERATOR;
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$(';
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else {
      out += OPERATOR + next;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** kubecontainer.ExpandContainerCommandAndArgs: `$(VAR)` in command and args from the container's environment. */
export function expandCommandLine(words: readonly string[], env: ReadonlyArray<readonly [string, string]>): string[] {
  const values = new Map(env.map(([name, value]) => [name, value] as const));
  return words.map((word) => expandKubernetesVars(word, (name) => values.get(name)));
}
