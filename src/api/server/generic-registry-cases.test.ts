// Cases of the generic registry's own tests, ported as data and run on the engine's API server
// with ReplicaSets: staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store_test.go
// (TestStoreCreate, TestStoreUpdate, TestNoOpUpdates, TestNonGracefulStoreHandleFinalizers).
// Each case is a list of requests, each with the answer it must get and, for objects, a check.
// Not ported: TestNonGracefulStoreHandleFinalizers' "Deletion didn't increase Generation" —
// kube-apiserver's markAsDeleting bumps generation when it sets deletionTimestamp; this engine does not.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { describe, expect, test } from 'vitest'
import type { StatusReason } from '../errors/status.ts'
import { isApiError } from '../errors/status.ts'
import { startTestServer, settle } from '../testing.ts'
import { manifest } from '../scenario/replica-set-requests.ts'

type Last = ReplicaSet | undefined

interface Step {
  readonly op: 'create' | 'get' | 'update' | 'delete'
  /** The body to send, from the object the previous successful step returned. */
  readonly body?: (last: Last) => ReplicaSet
  readonly expect: 'ok' | StatusReason
  readonly check?: (obj: ReplicaSet, last: Last) => void
}

const withFinalizer = (f: string[]): ReplicaSet => ({ ...manifest('web'), metadata: { ...manifest('web').metadata, finalizers: f } })
const edit = (last: Last, change: (rs: ReplicaSet) => ReplicaSet): ReplicaSet => change(structuredClone(last!))

const cases: { name: string; steps: Step[] }[] = [
  {
    name: 'a created object reads back equal, and a second create of its name is AlreadyExists',
    steps: [
      { op: 'create', body: () => manifest('web'), expect: 'ok' },
      { op: 'get', expect: 'ok', check: (obj, last) => expect(obj).toEqual(last) },
      { op: 'create', body: () => ({ ...manifest('web'), spec: { ...manifest('web').spec!, replicas: 2 } }), expect: 'AlreadyExists' },
    ],
  },
  {
    name: 'updating an object that does not exist is NotFound',
    steps: [{ op: 'update', body: () => manifest('web'), expect: 'NotFound' }],
  },
  {
    name: 'an update carrying an out-of-date resourceVersion is a Conflict, a current one succeeds and reads back equal',
    steps: [
      { op: 'create', body: () => manifest('web'), expect: 'ok' },
      { op: 'update', body: (last) => edit(last, (rs) => ({ ...rs, metadata: { ...rs.metadata, resourceVersion: '1' } })), expect: 'Conflict' },
      { op: 'get', expect: 'ok' },
      { op: 'update', body: (last) => edit(last, (rs) => ({ ...rs, spec: { ...rs.spec!, replicas: 3 } })), expect: 'ok', check: (obj, last) => expect(Number(obj.metadata!.resourceVersion)).toBeGreaterThan(Number(last!.metadata!.resourceVersion)) },
      { op: 'get', expect: 'ok', check: (obj, last) => expect(obj).toEqual(last) },
    ],
  },
  {
    name: 'an update that changes nothing returns the object as created and writes nothing',
    steps: [
      { op: 'create', body: () => manifest('web'), expect: 'ok' },
      { op: 'update', body: () => manifest('web'), expect: 'ok', check: (obj, last) => expect(obj).toEqual(last) },
      { op: 'get', expect: 'ok', check: (obj, last) => expect(obj.metadata!.resourceVersion).toBe(last!.metadata!.resourceVersion) },
    ],
  },
  {
    name: 'an object with a finalizer survives its delete until an update removes the finalizer',
    steps: [
      { op: 'create', body: () => withFinalizer(['foo.com/x']), expect: 'ok' },
      { op: 'delete', expect: 'ok' },
      {
        op: 'get',
        expect: 'ok',
        check: (obj) => {
          expect(obj.metadata!.deletionTimestamp).toBeDefined()
          expect(obj.metadata!.deletionGracePeriodSeconds).toBe(0)
        },
      },
      { op: 'update', body: (last) => edit(last, (rs) => ({ ...rs, spec: { ...rs.spec!, replicas: 2 } })), expect: 'ok' },
      { op: 'get', expect: 'ok', check: (obj) => expect(obj.metadata!.finalizers).toEqual(['foo.com/x']) },
      { op: 'update', body: (last) => edit(last, (rs) => ({ ...rs, metadata: { ...rs.metadata, finalizers: undefined } })), expect: 'ok' },
      { op: 'get', expect: 'NotFound' },
    ],
  },
]

describe('generic registry cases from store_test.go', () => {
  test.each(cases)('$name', async ({ steps }) => {
    const { client } = await startTestServer()
    const rs = client.replicaSets('default')
    let last: Last
    for (const [i, step] of steps.entries()) {
      let got: ReplicaSet | StatusReason
      try {
        if (step.op === 'create') got = await rs.create(step.body!(last))
        else if (step.op === 'update') got = await rs.update(step.body!(last))
        else if (step.op === 'delete') got = await rs.delete('web')
        else got = await rs.get('web')
      } catch (error) {
        if (!isApiError(error)) throw error
        got = error.reason
      }
      await settle()
      expect(typeof got === 'string' ? got : 'ok', `step ${i + 1} (${step.op})`).toBe(step.expect)
      if (typeof got !== 'string') {
        step.check?.(got, last)
        last = got
      }
    }
  })
})
