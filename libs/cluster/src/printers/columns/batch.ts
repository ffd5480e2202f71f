// Jobs and CronJobs: printJob (STATUS, COMPLETIONS, DURATION) and printCronJob.
import { DOCS } from '../docs';
import { humanDuration, timestampMs, translateTimestampSince } from '../duration';
import { int, optionalInt, optionalStr, recordAt, records, str, type JsonRecord } from '../fields';
import { AGE_COLUMN, column, CONTAINER_COLUMNS, layoutContainerCells, NAME_COLUMN, type Printer } from '../printer';
import { formatLabelSelector } from '../selectors';

/** hasJobCondition: the first condition of the type decides. */
function hasJobCondition(status: JsonRecord, type: string): boolean {
  const condition = records(status.conditions).find((entry) => entry.type === type);
  return condition?.status === 'True';
}

function jobStatus(job: JsonRecord, status: JsonRecord): string {
  if (hasJobCondition(status, 'Complete')) return 'Complete';
  if (hasJobCondition(status, 'Failed')) return 'Failed';
  if (timestampMs(recordAt(job, 'metadata').deletionTimestamp) !== undefined) return 'Terminating';
  if (hasJobCondition(status, 'Suspended')) return 'Suspended';
  if (hasJobCondition(status, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(spec: JsonRecord, status: JsonRecord): string {
  const succeeded = int(status.succeeded);
  const wanted = optionalInt(spec.completions);
  if (wanted !== undefined) return `${succeeded}/${wanted}`;
  const parallelism = int(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(status: JsonRecord, now: number): string {
  const start = timestampMs(status.startTime);
  if (start === undefined) return '';
  const completion = timestampMs(status.completionTime);
  return humanDuration((completion ?? now) - start);
}

export const jobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', DOCS.JobStatus.succeeded),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    column('Selector', 'string', DOCS.JobSpec.selector, { priority: 1 }),
  ],
  print(job, { now }) {
    const spec = recordAt(job, 'spec');
    const status = recordAt(job, 'status');
    return {
      cells: [
        job.metadata.name ?? '',
        jobStatus(job, status),
        completions(spec, status),
        jobDuration(status, now),
        translateTimestampSince(job.metadata.creationTimestamp, now),
        ...layoutContainerCells(recordAt(spec, 'template', 'spec').containers),
        formatLabelSelector(spec.selector),
      ],
    };
  },
};

/** printBoolPtr */
function boolPointer(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    column('Schedule', 'string', DOCS.CronJobSpec.schedule),
    column('Timezone', 'string', DOCS.CronJobSpec.timeZone),
    column('Suspend', 'boolean', DOCS.CronJobSpec.suspend),
    column('Active', 'integer', DOCS.CronJobStatus.active),
    column('Last Schedule', 'string', DOCS.CronJobStatus.lastScheduleTime),
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    column('Selector', 'string', DOCS.JobSpec.selector, { priority: 1 }),
  ],
  print(cronJob, { now }) {
    const spec = recordAt(cronJob, 'spec');
    const status = recordAt(cronJob, 'status');
    const jobSpec = recordAt(spec, 'jobTemplate', 'spec');
    return {
      cells: [
        cronJob.metadata.name ?? '',
        str(spec.schedule),
        optionalStr(spec.timeZone) ?? '<none>',
        boolPointer(spec.suspend),
        Array.isArray(status.active) ? status.active.length : 0,
        typeof status.lastScheduleTime === 'string' ? translateTimestampSince(status.lastScheduleTime, now) : '<none>',
        translateTimestampSince(cronJob.metadata.creationTimestamp, now),
        ...layoutContainerCells(recordAt(jobSpec, 'template', 'spec').containers),
        formatLabelSelector(jobSpec.selector),
      ],
    };
  },
};
