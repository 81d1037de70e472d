// Pod-derived work is remembered only for pods that cannot change.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { deepFreeze } from '../api/registry/object.ts'
import { memoizedPerPod } from './pod-memo.ts'

const pod = (): Pod => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] } })

describe('memoizedPerPod', () => {
  test('a frozen pod is computed once', () => {
    let calls = 0
    const cpu = memoizedPerPod((p) => (calls++, p.spec?.containers[0].resources?.requests?.cpu))
    const frozen = deepFreeze(pod())
    expect([cpu(frozen), cpu(frozen), cpu(frozen)]).toEqual(['1', '1', '1'])
    expect(calls).toBe(1)
  })

  test('a pod that can still change is computed every time, so a change shows', () => {
    let calls = 0
    const cpu = memoizedPerPod((p) => (calls++, p.spec?.containers[0].resources?.requests?.cpu))
    const mutable = pod()
    expect(cpu(mutable)).toBe('1')
    mutable.spec!.containers[0].resources!.requests!.cpu = '2'
    expect(cpu(mutable)).toBe('2')
    expect(calls).toBe(2)
    // Frozen on top but not its spec: still not remembered.
    const shallow = Object.freeze({ ...pod() })
    cpu(shallow)
    cpu(shallow)
    expect(calls).toBe(4)
  })
})
