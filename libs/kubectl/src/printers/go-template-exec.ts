// Go text/template's executor (text/template/exec.go, Go 1.23) over decoded JSON values. Every `at()` call
// mirrors Go's `s.at(node)`, because errors quote the node the executor last stood on.
import { FUNCTIONS, FuncError, truth, type Param } from './go-template-funcs';
import { sprint } from './go-template-fmt';
import { goQuote } from './jsonpath/go-values';
import {
  nodeString,
  type BranchNode,
  type CommandNode,
  type Node,
  type NumberNode,
  type PipeNode,
} from './go-template-nodes';
import type { ParsedTemplate } from './go-template-parse';
import {
  concrete,
  element,
  fromJson,
  INVALID,
  isTrue,
  sortedKeys,
  typeName,
  unwrap,
  type GoValue,
} from './go-template-values';
import { utf8Encode } from '@kubelab/cluster';

/** An execution error; `message` is Go's ExecError text. */
export class TemplateExecError extends Error {}

const MISSING = { k: 'missing' } as const;
type Final = GoValue | typeof MISSING;
/** A parameter type, or null for Go's untyped evalArg(dot, nil, node). */
type ArgType = Param | null;

/** Unwinds to the enclosing range, as Go panics with walkBreak / walkContinue. */
class BreakSignal extends Error {}
class ContinueSignal extends Error {}

const utf8Length = (s: string): number => utf8Encode(s).length;

/** Executes the template over `data` and returns the output; on error `partial` holds what was written. */
export function executeTemplate(tmpl: ParsedTemplate, data: unknown, missingKeyError: boolean): string {
  const state = new State(tmpl, missingKeyError, data);
  return state.run();
}

export class PartialOutputError extends TemplateExecError {
  constructor(
    message: string,
    readonly partial: string,
  ) {
    super(message);
  }
}

class State {
  private node: Node | null = null;
  private vars: Array<{ name: string; value: GoValue }>;
  private out = '';
  private name = 'output';
  private readonly root: GoValue;

  constructor(
    private readonly tmpl: ParsedTemplate,
    private readonly missingKeyError: boolean,
    data: unknown,
  ) {
    this.root = fromJson(data) ?? INVALID;
    this.vars = [{ name: '$', value: this.root }];
  }

  run(): string {
    try {
      this.walk(this.root, this.tmpl.root);
    } catch (e) {
      if (e instanceof TemplateExecError) throw new PartialOutputError(e.message, this.out);
      throw e;
    }
    return this.out;
  }

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${message}`);
    const text = this.tmpl.text.slice(0, this.node.pos);
    const newline = text.lastIndexOf('\n');
    const column = utf8Length(newline < 0 ? text : text.slice(newline + 1));
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    const context = nodeString(this.node);
    throw new TemplateExecError(
      `template: output:${line}:${column}: executing ${goQuote(this.name)} at <${context}>: ${message}`,
    );
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]?.name === name) return this.vars[i]?.value ?? INVALID;
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: GoValue): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: GoValue): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(concrete(val))) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars = this.vars.slice(0, mark);
    }
  }

  private walkRange(dot: GoValue, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = unwrap(this.evalPipeline(dot, r.pipe));
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const oneIteration = (index: GoValue, elem: GoValue): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]?.ident[0] ?? '', decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? '', elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          this.vars = this.vars.slice(0, mark);
        }
      };
      if (val.k === 'slice' && val.v.length > 0) {
        val.v.forEach((raw, i) => oneIteration({ k: 'int', v: BigInt(i) }, element(raw)));
        return;
      }
      if (val.k === 'map' && sortedKeys(val.v).length > 0) {
        for (const key of sortedKeys(val.v)) oneIteration({ k: 'string', v: key }, element(val.v[key]));
        return;
      }
      if (val.k !== 'slice' && val.k !== 'map' && val.k !== 'invalid') {
        this.errorf(`range can't iterate over ${sprint([concrete(val)])}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      this.vars = this.vars.slice(0, outer);
    }
  }

  private walkTemplate(dot: GoValue, t: Node & { type: 'template' }): void {
    this.at(t);
    const tmpl = this.tmpl.defined.get(t.name);
    if (!tmpl) this.errorf(`template ${goQuote(t.name)} not defined`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const [vars, name] = [this.vars, this.name];
    this.vars = [{ name: '$', value: newDot }];
    this.name = t.name;
    try {
      this.walk(newDot, tmpl);
    } finally {
      [this.vars, this.name] = [vars, name];
    }
  }

  private evalPipeline(dot: GoValue, pipe: PipeNode | null): GoValue {
    if (!pipe) return INVALID;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = unwrap(this.evalCommand(dot, cmd, value));
    const result = value.k === 'missing' ? INVALID : value;
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? '';
      if (pipe.isAssign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private notAFunction(args: Node[] | null, final: Final): void {
    const first = args?.[0];
    if (first && (args.length > 1 || final !== MISSING)) {
      this.errorf(`can't give argument to non-function ${nodeString(first)}`);
    }
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const args = cmd.args;
    const first = args[0];
    if (!first) this.errorf('empty command');
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, args, final);
      case 'chain':
        return this.evalChainNode(dot, first, args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, args, final);
      case 'pipe':
        this.notAFunction(args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, args, final);
      default:
        break;
    }
    this.at(first);
    this.notAFunction(args, final);
    switch (first.type) {
      case 'bool':
        return { k: 'bool', v: first.value };
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through: errorf never returns
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return { k: 'string', v: first.text };
      default:
        this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
    }
  }

  private idealConstant(constant: NumberNode): GoValue {
    this.at(constant);
    const text = constant.text;
    const hexInt = /^[+-]?0[xX]/.test(text) && !/[pP]/.test(text);
    if (constant.isFloat && !hexInt && !text.startsWith("'") && /[.eEpP]/.test(text)) {
      return { k: 'float64', v: constant.float };
    }
    if (constant.isInt) return { k: 'int', v: constant.int };
    if (constant.isUint) this.errorf(`${text} overflows int`);
    return INVALID;
  }

  private evalChainNode(dot: GoValue, chain: Node & { type: 'chain' }, args: Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: GoValue, v: Node & { type: 'variable' }, args: Node[] | null, final: Final): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0] ?? '');
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    node: Node,
    ident: string[],
    args: Node[] | null,
    final: Final,
  ): GoValue {
    let value = receiver;
    ident.forEach((name, i) => {
      const last = i === ident.length - 1;
      value = this.evalField(name, node, last ? args : null, last ? final : MISSING, value);
    });
    return value;
  }

  private evalField(fieldName: string, node: Node, args: Node[] | null, final: Final, receiver: GoValue): GoValue {
    if (receiver.k === 'invalid') {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    const typ = typeName(receiver);
    const value = concrete(receiver);
    if (value === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (value.k === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (value.v[fieldName] !== undefined) return element(value.v[fieldName]);
      if (this.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: GoValue,
    node: Node & { type: 'identifier' },
    cmd: Node,
    args: Node[] | null,
    final: Final,
  ): GoValue {
    this.at(node);
    const name = node.ident;
    const fn = FUNCTIONS.get(name);
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    let numFixed = argNodes.length;
    if (fn.variadic) {
      numFixed = fn.params.length - 1;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length - 1} got ${argNodes.length}`);
      }
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (name === 'and' || name === 'or') {
      let v: GoValue = INVALID;
      for (const arg of argNodes) {
        v = this.evalArg(dot, 'rv', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'rv');
      return v;
    }
    const last = fn.params[fn.params.length - 1] ?? 'any';
    const argv = argNodes.map((arg, i) => this.evalArg(dot, i < numFixed ? (fn.params[i] ?? last) : last, arg));
    if (final !== MISSING) {
      const t = fn.variadic && numIn - 1 >= numFixed ? last : (fn.params[numIn - 1] ?? last);
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(cmd);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  private validateType(value: Final, typ: ArgType): GoValue {
    if (value.k === 'missing' || value.k === 'invalid') {
      if (typ === null || typ === 'rv') return INVALID;
      if (typ === 'any') return { k: 'iface', elem: null };
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ !== 'string' || value.k === 'string') return value;
    if (value.k === 'iface' && value.elem?.k === 'string') return value.elem;
    const got = value.k === 'iface' && value.elem ? value.elem : value;
    this.errorf(`wrong type for value; expected string; got ${typeName(got)}`);
  }

  private evalArg(dot: GoValue, typ: ArgType, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'rv') return INVALID;
        if (typ === 'any') return { k: 'iface', elem: null };
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      // falls through: errorf never returns
      case 'field':
        this.at(n);
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
      default:
        break;
    }
    if (typ === 'string') {
      if (n.type === 'string') return { k: 'string', v: n.text };
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case 'bool':
        return { k: 'bool', v: n.value };
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return { k: 'string', v: n.text };
      default:
        this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
    }
  }

  private printValue(node: Node, v: GoValue): void {
    this.at(node);
    const value = concrete(v);
    this.out += value === null && v.k !== 'iface' ? '<no value>' : sprint([value]);
  }
}
