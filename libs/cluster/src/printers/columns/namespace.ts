// Namespaces: printNamespace (STATUS is status.phase).
import { translateTimestampSince } from '../duration';
import { recordAt, str } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

export const namespacePrinter: Printer = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  print(namespace, { now }) {
    return {
      cells: [
        namespace.metadata.name ?? '',
        str(recordAt(namespace, 'status').phase),
        translateTimestampSince(namespace.metadata.creationTimestamp, now),
      ],
    };
  },
};
