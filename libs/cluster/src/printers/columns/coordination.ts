// Leases: printLease (HOLDER is spec.holderIdentity).
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { recordAt, str } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

export const leasePrinter: Printer = {
  columns: [NAME_COLUMN, column('Holder', 'string', DOCS.LeaseSpec.holderIdentity), AGE_COLUMN],
  print(lease, { now }) {
    return {
      cells: [
        lease.metadata.name ?? '',
        str(recordAt(lease, 'spec').holderIdentity),
        translateTimestampSince(lease.metadata.creationTimestamp, now),
      ],
    };
  },
};
