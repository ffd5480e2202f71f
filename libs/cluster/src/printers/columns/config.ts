// ConfigMaps, Secrets and ServiceAccounts: counts of their keys and secrets.
import { isRecord } from '../../api/objects';
import { DOCS } from '../docs';
import { translateTimestampSince } from '../duration';
import { keyCount, str } from '../fields';
import { AGE_COLUMN, column, NAME_COLUMN, type Printer } from '../printer';

export const configMapPrinter: Printer = {
  columns: [NAME_COLUMN, column('Data', 'string', DOCS.ConfigMap.data), AGE_COLUMN],
  print(configMap, { now }) {
    return {
      cells: [
        configMap.metadata.name ?? '',
        keyCount(configMap.data) + keyCount(configMap.binaryData),
        translateTimestampSince(configMap.metadata.creationTimestamp, now),
      ],
    };
  },
};

/** len(Data) of the internal Secret, into which v1 conversion merges stringData. */
function secretKeyCount(data: unknown, stringData: unknown): number {
  const keys = new Set([
    ...(isRecord(data) ? Object.keys(data) : []),
    ...(isRecord(stringData) ? Object.keys(stringData) : []),
  ]);
  return keys.size;
}

export const secretPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', DOCS.Secret.type),
    column('Data', 'string', DOCS.Secret.data),
    AGE_COLUMN,
  ],
  print(secret, { now }) {
    return {
      cells: [
        secret.metadata.name ?? '',
        str(secret.type),
        secretKeyCount(secret.data, secret.stringData),
        translateTimestampSince(secret.metadata.creationTimestamp, now),
      ],
    };
  },
};

export const serviceAccountPrinter: Printer = {
  columns: [NAME_COLUMN, column('Secrets', 'string', DOCS.ServiceAccount.secrets), AGE_COLUMN],
  print(account, { now }) {
    return {
      cells: [
        account.metadata.name ?? '',
        Array.isArray(account.secrets) ? account.secrets.length : 0,
        translateTimestampSince(account.metadata.creationTimestamp, now),
      ],
    };
  },
};
