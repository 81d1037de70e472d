// `npm run bench [-- <name>] [-- --json]`: every benchmark, or one; figures as text or as
// `[{ name, value, unit }]`. New benchmarks join the list below.
import { parseArgs } from 'node:util'
import type { Benchmark, Figure } from './figure.ts'
import { apiThroughput } from './api-throughput.ts'
import { gradeOverhead } from './grade-overhead.ts'
import { storeThroughput } from './store-throughput.ts'
import { storeVsEtcd } from './store-vs-etcd.ts'
import { schedulerThroughput } from './scheduler-throughput.ts'

const benchmarks: readonly Benchmark[] = [gradeOverhead, storeThroughput, storeVsEtcd, apiThroughput, schedulerThroughput]

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
  const chosen = positionals.length ? benchmarks.filter((b) => positionals.includes(b.name)) : benchmarks
  const unknown = positionals.filter((p) => !benchmarks.some((b) => b.name === p))
  if (unknown.length) {
    process.stderr.write(`unknown benchmark ${unknown.map((u) => `"${u}"`).join(', ')}; the benchmarks are: ${benchmarks.map((b) => b.name).join(', ')}\n`)
    return 2
  }
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`)
  const figures: Figure[] = []
  for (const benchmark of chosen) {
    log(`${benchmark.name}: ${benchmark.description}`)
    const results = await benchmark.run(log)
    for (const f of results) log(`  ${f.name} = ${f.value} ${f.unit}`)
    figures.push(...results)
  }
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
  return 0
}

process.exitCode = await main()
