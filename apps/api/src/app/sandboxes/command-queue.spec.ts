import { CommandQueue, QueueFullError } from './command-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('CommandQueue', () => {
  it('runs jobs one at a time in arrival order, even when one fails', async () => {
    const queue = new CommandQueue(10);
    const events: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      events.push('first starts');
      await gate.promise;
      events.push('first ends');
      throw new Error('first failed');
    });
    const second = queue.run(() => {
      events.push('second runs');
      return Promise.resolve(2);
    });
    expect(queue.size).toBe(2);
    await Promise.resolve();
    expect(events).toEqual(['first starts']);
    gate.resolve();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
    await Promise.resolve();
    expect(queue.idle).toBe(true);
  });

  it('refuses a job when too many are waiting', async () => {
    const queue = new CommandQueue(1);
    const gate = deferred();
    const running = queue.run(() => gate.promise);
    const waiting = queue.run(() => Promise.resolve());
    await expect(queue.run(() => Promise.resolve())).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await Promise.all([running, waiting]);
  });
});
