import { describe, expect, test } from 'vitest'
import { applyActions, reconcile, type Spec } from './reconcile.ts'

const web: Spec = { image: 'nginx:1.27', replicas: 3, labels: { app: 'web' } }
const api: Spec = { image: 'api:2', replicas: 1, labels: {} }

describe('reconcile', () => {
  const cases: Array<{ name: string; desired: Record<string, Spec>; observed: Record<string, Spec>; actions: unknown[] }> = [
    { name: 'nothing desired and nothing there needs nothing', desired: {}, observed: {}, actions: [] },
    { name: 'a missing object is created', desired: { web }, observed: {}, actions: [{ type: 'create', name: 'web', spec: web }] },
    { name: 'an extra object is deleted', desired: {}, observed: { web }, actions: [{ type: 'delete', name: 'web' }] },
    { name: 'an object that differs only in replicas is updated', desired: { web }, observed: { web: { ...web, replicas: 1 } }, actions: [{ type: 'update', name: 'web', spec: web }] },
    { name: 'an object that differs only in a label is updated', desired: { web }, observed: { web: { ...web, labels: { app: 'old' } } }, actions: [{ type: 'update', name: 'web', spec: web }] },
    { name: 'equal objects, even as distinct copies, need nothing', desired: { web, api }, observed: { web: structuredClone(web), api: structuredClone(api) }, actions: [] },
  ]
  for (const c of cases) {
    test(c.name, () => {
      expect(reconcile(c.desired, c.observed)).toEqual(c.actions)
    })
  }
})

describe('applyActions', () => {
  test('a create of an existing name is AlreadyExists', () => {
    expect(applyActions({ web }, [{ type: 'create', name: 'web', spec: web }])).toMatchObject({ ok: false, error: expect.stringMatching(/^AlreadyExists/) })
  })
  test('an update or delete of a missing name is NotFound', () => {
    expect(applyActions({}, [{ type: 'update', name: 'web', spec: web }])).toMatchObject({ ok: false, error: expect.stringMatching(/^NotFound/) })
    expect(applyActions({}, [{ type: 'delete', name: 'web' }])).toMatchObject({ ok: false, error: expect.stringMatching(/^NotFound/) })
  })
  test('applying does not change the state passed in', () => {
    const observed = { web }
    applyActions(observed, [{ type: 'delete', name: 'web' }])
    expect(observed).toEqual({ web })
  })
})
