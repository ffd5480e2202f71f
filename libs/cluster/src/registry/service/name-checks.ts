// The apimachinery name, number and address checks Service validation
// uses, gathered in one place (messages come from api/validation).
import { validateLabels } from '../../api/validation/labels';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidCIDR,
  isValidIP,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
} from '../../api/validation/names';

/** ValidateServiceName: a DNS-1035 label. */
export const serviceNameErrors = nameIsDNS1035Label;

export const dns1123LabelErrors = isDNS1123Label;
export const dns1123SubdomainErrors = isDNS1123Subdomain;
export const qualifiedNameErrors = isQualifiedName;
export const portNumErrors = isValidPortNum;
export const portNameErrors = isValidPortName;
export const ipErrors = isValidIP;
export const cidrErrors = isValidCIDR;
/** ValidateLabels (spec.selector). */
export const labelsErrors = validateLabels;
