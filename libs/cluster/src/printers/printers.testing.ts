// Helpers for the printers' specs: objects from plain JSON and one row's cells.
import type { KubeObject, TableCell } from '../api/objects';
import { buildTable } from './table';

export const NOW = Date.parse('2026-11-22T05:46:38Z');

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function object(kind: string, name: string, fields: Record<string, unknown> = {}, meta = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, ...meta }, ...fields };
}

/** The cells of the one row printed for `item` (always the wide set, as the server prints). */
export function cells(item: KubeObject, now = NOW): TableCell[] {
  const row = buildTable(item.kind, [item], { now }).rows[0];
  if (!row) throw new Error('no row printed');
  return row.cells;
}
