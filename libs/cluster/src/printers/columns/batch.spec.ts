import type { KubeObject } from '../../api/objects';
import { ago, cells, NOW } from '../printers.testing';

function batch(kind: string, name: string, fields: Record<string, unknown>, meta = {}): KubeObject {
  return { apiVersion: 'batch/v1', kind, metadata: { name, creationTimestamp: ago(-1.9), ...meta }, ...fields };
}

const template = {
  spec: {
    containers: [
      { name: 'fake-job-container1', image: 'fake-job-image1' },
      { name: 'fake-job-container2', image: 'fake-job-image2' },
    ],
  },
};

describe('job printer', () => {
  // printers_test.go TestPrintJob, with the 1.32 STATUS column
  it('prints completions, duration and the wide columns', () => {
    const job = batch('Job', 'job1', {
      spec: { completions: 2, template, selector: { matchLabels: { 'job-label': 'job-label-value' } } },
      status: { succeeded: 1 },
    });
    expect(cells(job)).toEqual([
      'job1',
      'Running',
      '1/2',
      '',
      '0s',
      'fake-job-container1,fake-job-container2',
      'fake-job-image1,fake-job-image2',
      'job-label=job-label-value',
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string, string, string]>([
    ['no completions', {}, { succeeded: 0 }, 'Running', '0/1', ''],
    ['parallel work queue', { parallelism: 3 }, { succeeded: 1 }, 'Running', '1/1 of 3', ''],
    [
      'a finished job',
      { completions: 1 },
      {
        succeeded: 1,
        startTime: ago(40 * 60),
        completionTime: ago(10 * 60),
        conditions: [{ type: 'Complete', status: 'True' }],
      },
      'Complete',
      '1/1',
      '30m',
    ],
    ['a running job', { completions: 1 }, { startTime: ago(20 * 60) }, 'Running', '0/1', '20m'],
    ['a failed job', { completions: 1 }, { conditions: [{ type: 'Failed', status: 'True' }] }, 'Failed', '0/1', ''],
    [
      'a suspended job',
      { completions: 1 },
      { conditions: [{ type: 'Suspended', status: 'True' }] },
      'Suspended',
      '0/1',
      '',
    ],
    [
      'a job about to fail',
      { completions: 1 },
      { conditions: [{ type: 'FailureTarget', status: 'True' }] },
      'FailureTarget',
      '0/1',
      '',
    ],
  ])('prints %s', (_name, spec, status, expectedStatus, expectedCompletions, expectedDuration) => {
    expect(cells(batch('Job', 'j', { spec, status })).slice(1, 4)).toEqual([
      expectedStatus,
      expectedCompletions,
      expectedDuration,
    ]);
  });

  it('prints Terminating for a deleted job that has not finished', () => {
    const job = batch('Job', 'j', { spec: {}, status: {} }, { deletionTimestamp: ago(1) });
    expect(cells(job)[1]).toBe('Terminating');
  });
});

describe('cronjob printer', () => {
  it('prints schedule, time zone, suspend, active jobs and last schedule', () => {
    const cronJob = batch('CronJob', 'nightly', {
      spec: {
        schedule: '0 3 * * *',
        suspend: false,
        jobTemplate: { spec: { template } },
      },
      status: { active: [{ name: 'nightly-1' }], lastScheduleTime: ago(300) },
    });
    expect(cells(cronJob)).toEqual([
      'nightly',
      '0 3 * * *',
      '<none>',
      'False',
      1,
      '5m',
      '0s',
      'fake-job-container1,fake-job-container2',
      'fake-job-image1,fake-job-image2',
      '<none>',
    ]);
    const unset = batch('CronJob', 'c', { spec: { schedule: '@hourly', timeZone: 'Etc/UTC' }, status: {} });
    expect(cells(unset, NOW).slice(2, 6)).toEqual(['Etc/UTC', '<unset>', 0, '<none>']);
  });
});
