// The scheduler benchmark's runs work at a small size: every pod is bound, in one thread and with
// the scheduler in a worker thread (each run throws if a pod fails to schedule or is missed).
import { describe, expect, test } from 'vitest'
import { SchedulerThread } from './scheduler-thread.ts'
import { bareCreateAndBind, cycleAlone, endToEnd, endToEndOneThread } from './scheduler-throughput.ts'

describe('scheduler-throughput runs', () => {
  test('end to end in one thread binds every pod', async () => {
    expect(await endToEndOneThread(20, 200)).toBeGreaterThan(0)
  })

  test('end to end with the scheduler in a worker thread binds every pod, run after run', async () => {
    const thread = new SchedulerThread()
    try {
      for (let run = 0; run < 2; run++) {
        let busy: number[] = []
        expect(await endToEnd(20, 200, thread, (server, scheduler) => (busy = [server, scheduler]))).toBeGreaterThan(0)
        expect(busy).toHaveLength(2)
        for (const share of busy) expect(share).toBeGreaterThan(0)
      }
    } finally {
      await thread.close()
    }
  }, 60_000)

  test('the cycle alone and bare create+bind complete', async () => {
    expect(cycleAlone(20, 200)).toBeGreaterThan(0)
    expect(await bareCreateAndBind(20, 200)).toBeGreaterThan(0)
  })
})
