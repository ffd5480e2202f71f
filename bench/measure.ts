// Timing helpers shared by the benchmarks: samples in microseconds, sorted.

function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function timeEach(count: number, run: (index: number) => void): number[] {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = nowNs();
    run(index);
    samples.push(Number(nowNs() - started) / 1000);
  }
  return samples.sort((a, b) => a - b);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function report(name: string, samplesUs: number[]): void {
  const format = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  console.log(
    `${name.padEnd(44)} median ${format(percentile(samplesUs, 50)).padStart(10)}   p99 ${format(percentile(samplesUs, 99)).padStart(10)}   (n=${samplesUs.length})`,
  );
}

/** Like timeEach, for asynchronous work. */
export async function timeEachAsync(count: number, run: (index: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = nowNs();
    await run(index);
    samples.push(Number(nowNs() - started) / 1000);
  }
  return samples.sort((a, b) => a - b);
}
