// Kubernetes resource quantities as describe adds and prints them
// (apimachinery resource.Quantity: canonical strings, milli and base values).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export interface Quantity {
  /** Value in base units (cores, bytes). */
  value: number;
  binary: boolean;
}

export function parseQuantity(text: string | undefined): Quantity {
  const match = /^([+-]?\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(text ?? '0');
  if (!match) return { value: 0, binary: false };
  const [, number = '0', suffix = ''] = match;
  const binary = BINARY[suffix];
  if (binary !== undefined) return { value: Number(number) * binary, binary: true };
  return { value: Number(number) * (DECIMAL[suffix] ?? 1), binary: false };
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { value: a.value + b.value, binary: a.value === 0 && a.binary === false ? b.binary : a.binary };
}

export function milliValue(quantity: Quantity): number {
  return Math.ceil(quantity.value * 1000 - 1e-9);
}

/** Quantity.String(): the largest exact suffix of its format. */
export function formatQuantity(quantity: Quantity): string {
  const { value } = quantity;
  if (value === 0) return '0';
  if (quantity.binary) {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const unit = BINARY[suffix] ?? 1;
      if (Number.isInteger(value / unit) && Math.abs(value) >= unit) return `${value / unit}${suffix}`;
    }
    if (Number.isInteger(value)) return String(value);
  }
  if (!Number.isInteger(value)) return `${Math.round(value * 1000)}m`;
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
    const unit = DECIMAL[suffix] ?? 1;
    if (value % unit === 0 && Math.abs(value) >= unit) return `${value / unit}${suffix}`;
  }
  return String(value);
}
