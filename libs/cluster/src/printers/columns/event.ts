// Events: printEvent (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, and wide
// SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME). events.k8s.io/v1 Events are
// read through their conversion to the core type the printer sees.
import type { KubeObject } from '../../api/objects';
import { DOCS } from '../docs';
import { timestampMs, translateTimestampSince } from '../duration';
import { int, optionalRecord, recordAt, str, type JsonRecord } from '../fields';
import { column, NAME_COLUMN, type Printer } from '../printer';

/** The fields of core Event that printEvent reads. */
interface EventView {
  involvedObject: JsonRecord;
  message: string;
  source: JsonRecord;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series: JsonRecord | undefined;
  type: string;
  reason: string;
  reportingController: string;
  reportingInstance: string;
}

function eventView(event: Readonly<KubeObject>): EventView {
  const common = {
    eventTime: event.eventTime,
    series: optionalRecord(event, 'series'),
    type: str(event.type),
    reason: str(event.reason),
    reportingInstance: str(event.reportingInstance),
  };
  if (event.apiVersion === 'events.k8s.io/v1') {
    return {
      ...common,
      involvedObject: recordAt(event, 'regarding'),
      message: str(event.note),
      source: recordAt(event, 'deprecatedSource'),
      firstTimestamp: event.deprecatedFirstTimestamp,
      lastTimestamp: event.deprecatedLastTimestamp,
      count: int(event.deprecatedCount),
      reportingController: str(event.reportingController),
    };
  }
  return {
    ...common,
    involvedObject: recordAt(event, 'involvedObject'),
    message: str(event.message),
    source: recordAt(event, 'source'),
    firstTimestamp: event.firstTimestamp,
    lastTimestamp: event.lastTimestamp,
    count: int(event.count),
    reportingController: str(event.reportingComponent),
  };
}

/** formatEventSource: component (or reporting controller), then `, host` (or reporting instance). */
function eventSource(view: EventView): string {
  const component = str(view.source.component) || view.reportingController;
  const instance = str(view.source.host) || view.reportingInstance;
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: Printer = {
  columns: [
    column('Last Seen', 'string', DOCS.Event.lastTimestamp),
    column('Type', 'string', DOCS.Event.type),
    column('Reason', 'string', DOCS.Event.reason),
    column('Object', 'string', DOCS.Event.involvedObject),
    column('Subobject', 'string', DOCS.ObjectReference.fieldPath, { priority: 1 }),
    column('Source', 'string', DOCS.Event.source, { priority: 1 }),
    column('Message', 'string', DOCS.Event.message),
    column('First Seen', 'string', DOCS.Event.firstTimestamp, { priority: 1 }),
    column('Count', 'string', DOCS.Event.count, { priority: 1 }),
    { ...NAME_COLUMN, priority: 1 },
  ],
  print(event, { now }) {
    const view = eventView(event);
    const firstSeen =
      timestampMs(view.firstTimestamp) !== undefined
        ? translateTimestampSince(view.firstTimestamp, now)
        : translateTimestampSince(view.eventTime, now);
    let lastSeen =
      timestampMs(view.lastTimestamp) !== undefined ? translateTimestampSince(view.lastTimestamp, now) : firstSeen;
    let count = view.count;
    if (view.series) {
      lastSeen = translateTimestampSince(view.series.lastObservedTime, now);
      count = int(view.series.count);
    } else if (count === 0) {
      // Singleton events don't have a count set in the new API.
      count = 1;
    }
    const kind = str(view.involvedObject.kind).toLowerCase();
    const name = str(view.involvedObject.name);
    return {
      cells: [
        lastSeen,
        view.type,
        view.reason,
        name ? `${kind}/${name}` : kind,
        str(view.involvedObject.fieldPath),
        eventSource(view),
        view.message.trim(),
        firstSeen,
        count,
        event.metadata.name ?? '',
      ],
    };
  },
};
