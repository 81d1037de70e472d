// What every benchmark reports: named figures, each a value with its unit. Speed is reported as a
// ratio against a baseline measured in the same run, because these machines are shared and noisy.
export interface Figure {
  readonly name: string
  readonly value: number
  readonly unit: string
}

export interface Benchmark {
  readonly name: string
  readonly description: string
  run(log: (line: string) => void): Promise<Figure[]>
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
