// describe.go's output machinery: a tabwriter (minwidth 0, tabwidth 8,
// padding 2) behind a PrefixWriter that indents by level, plus its label,
// annotation and event helpers.
import { translateTimestampSince, type KubeObject } from '@kubelab/cluster';
import { TabWriter } from '../printers/tabwriter';

export interface DescribeReader {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(
    resource: string,
    namespace: string | undefined,
    options?: { labelSelector?: string; fieldSelector?: string },
  ): KubeObject[];
  now(): number;
}

export class PrefixWriter {
  private readonly writer = new TabWriter({ minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' });
  private out = '';

  write(level: number, text: string): void {
    this.writer.write(`${'  '.repeat(level)}${text}`);
  }

  /** Writes what is buffered, so what follows is aligned on its own (describe's w.Flush()). */
  flush(): void {
    this.out += this.writer.flush();
  }

  text(): string {
    this.flush();
    return this.out;
  }
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function sortedKeys(map: Record<string, string>): string[] {
  return Object.keys(map).sort();
}

/** printLabelsMultilineWithIndent. */
export function writeLabels(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  indent = '',
  inner = '\t',
): void {
  w.write(0, `${indent}${title}:${inner}`);
  const keys = sortedKeys(labels ?? {});
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, index) => {
    if (index > 0) w.write(0, `${indent}${inner}`);
    w.write(0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** printAnnotationsMultiline (the last-applied configuration is left out). */
export function writeAnnotations(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations ?? {}).filter((key) => !SKIPPED_ANNOTATIONS.has(key));
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, index) => {
    if (index > 0) w.write(0, '\t');
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

/** Name, Namespace (for namespaced kinds), Labels and Annotations: how most describers begin. */
export function writeObjectHeader(w: PrefixWriter, object: KubeObject, namespaced = true): void {
  const metadata = object.metadata ?? {};
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  if (namespaced) w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
}

/** labels.FormatLabels. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = sortedKeys(labels ?? {});
  return keys.length ? keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',') : '<none>';
}

interface EventShape {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
}

function eventTime(event: EventShape): string {
  return event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? '';
}

/** The events of an object (searchEvents: by involvedObject name, namespace, kind and uid). */
export function eventsFor(reader: DescribeReader, object: KubeObject): KubeObject[] {
  const metadata = object.metadata ?? {};
  const fields = [
    `involvedObject.name=${metadata.name ?? ''}`,
    `involvedObject.namespace=${metadata.namespace ?? ''}`,
    `involvedObject.kind=${object.kind ?? ''}`,
    ...(metadata.uid ? [`involvedObject.uid=${metadata.uid}`] : []),
  ];
  return reader.list('events', metadata.namespace, { fieldSelector: fields.join(',') });
}

/** DescribeEvents. */
export function writeEvents(w: PrefixWriter, events: readonly KubeObject[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...(events as unknown as EventShape[])].sort(
    (a, b) => Date.parse(eventTime(a)) - Date.parse(eventTime(b)),
  );
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const event of sorted) {
    const first = translateTimestampSince(event.eventTime ?? event.firstTimestamp, now);
    let interval = first;
    if (event.series) {
      interval = `${translateTimestampSince(event.series.lastObservedTime, now)} (x${event.series.count ?? 0} over ${first})`;
    } else if ((event.count ?? 0) > 1) {
      interval = `${translateTimestampSince(event.lastTimestamp, now)} (x${event.count ?? 0} over ${first})`;
    }
    const source = event.source?.component || event.reportingController || '';
    w.write(1, `${event.type ?? ''}\t${event.reason ?? ''}\t${interval}\t${source}\t${(event.message ?? '').trim()}\n`);
  }
}
