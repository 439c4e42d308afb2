// Small timing helpers shared by the benchmark scripts.

import { performance } from 'node:perf_hooks';

export const now = () => performance.now();

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}
export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const p95 = (xs: number[]) => quantile(xs, 0.95);

export async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = now();
  const value = await f();
  return { ms: now() - t, value };
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

export const fmt = (ms: number, digits = ms < 10 ? 2 : ms < 100 ? 1 : 0) => (Number.isFinite(ms) ? ms.toFixed(digits) : 'n/a');
