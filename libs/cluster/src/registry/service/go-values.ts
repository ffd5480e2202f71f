// Bad values as Go's %#v prints the Service types they come from, for
// field errors whose value is not a plain string or number.
import { goQuote, goValue, type GoRendered } from '../../api/field-errors';

/** The (protocol, port) key ValidateService reports for a duplicate port. */
export function goServicePortKey(protocol: string, port: number): GoRendered {
  return goValue(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
      `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

/** A *string bad value: dereferenced, or `null` when nil. */
export function goOptional(value: string | undefined): string | null {
  return value === undefined ? null : value;
}
