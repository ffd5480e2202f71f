// kubectl's structured output printers: -o yaml|json|name|jsonpath|custom-columns, --sort-by.
export { toYaml } from './go-yaml';
export { toJson, marshalJson } from './json';
export {
  printJsonPath,
  executeJsonPath,
  compileJsonPath,
  PrinterError,
  type JsonPathOptions,
} from './jsonpath/printer';
export { parseJsonPath } from './jsonpath/parser';
export { relaxedJsonPathExpression } from './relaxed-jsonpath';
export {
  customColumnsLines,
  printCustomColumns,
  parseCustomColumnsFile,
  parseCustomColumnsSpec,
  type CustomColumn,
} from './custom-columns';
export { sortByJsonPath } from './sort-by';
export { resourceName, nameWithOperation, type NamedObject } from './name';
export {
  parseOutputFormat,
  OutputFormatError,
  GET_OUTPUT_FORMATS,
  OBJECT_OUTPUT_FORMATS,
  type OutputFormat,
} from './output-format';
export { kubectlList } from './list';
export { printGoTemplate, compileGoTemplate, GoTemplateExecutionError, type GoTemplateOptions } from './go-template';
