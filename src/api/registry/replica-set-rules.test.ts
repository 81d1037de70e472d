// The ReplicaSet rules split validation where the registry needs it: the name checks plus
// validateReplicaSetExceptName must be exactly validateReplicaSet, in the same order.
import { describe, expect, test } from 'vitest'
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { invalid, required } from '../errors/field-errors.ts'
import { defaultReplicaSet } from '../defaults/apps.ts'
import { validateReplicaSet } from '../validation/apps.ts'
import { isDNS1123Subdomain } from '../validation/names.ts'
import { replicaSetKey, validateReplicaSetExceptName, validateReplicaSetStatusUpdate, validateReplicaSetUpdate } from './replica-set-rules.ts'

function rs(name: string | undefined, patch: { replicas?: number; finalizers?: string[]; labels?: Record<string, string>; namespace?: string } = {}): ReplicaSet {
  const obj: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { ...(name === undefined ? {} : { name }), namespace: patch.namespace ?? 'default', ...(patch.finalizers ? { finalizers: patch.finalizers } : {}), ...(patch.labels ? { labels: patch.labels } : {}) },
    spec: { replicas: patch.replicas ?? 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  }
  defaultReplicaSet(obj)
  return obj
}

/** What lesson 04's registry checks itself. */
function nameErrors(obj: ReplicaSet) {
  const name = obj.metadata?.name
  if (!name) return [required('metadata.name', 'name or generateName is required')]
  return isDNS1123Subdomain(name).map((msg) => invalid('metadata.name', name, msg))
}

const cases: { name: string; obj: ReplicaSet; fields: string[] }[] = [
  { name: 'a valid ReplicaSet has no errors', obj: rs('web'), fields: [] },
  { name: 'a name with capitals is the registry\'s to report', obj: rs('Web'), fields: ['metadata.name'] },
  { name: 'a name with an underscore is the registry\'s to report', obj: rs('api_v2'), fields: ['metadata.name'] },
  { name: 'a name ending in a dot is the registry\'s to report', obj: rs('web.'), fields: ['metadata.name'] },
  { name: 'a missing name is the registry\'s to report', obj: rs(undefined), fields: ['metadata.name'] },
  { name: 'negative replicas come from the rules, after the name', obj: rs('Web', { replicas: -1 }), fields: ['metadata.name', 'spec.replicas'] },
  { name: 'a finalizer that is not a qualified name comes from the rules', obj: rs('web', { finalizers: ['bad finalizer'] }), fields: ['metadata.finalizers'] },
  { name: 'a missing namespace comes from the rules', obj: rs('web', { namespace: '' }), fields: ['metadata.namespace'] },
]

describe('replica-set rules', () => {
  test.each(cases)('$name', ({ obj, fields }) => {
    const split = [...nameErrors(obj), ...validateReplicaSetExceptName(obj)]
    expect(split).toEqual(validateReplicaSet(obj))
    expect(split.map((e) => e.field)).toEqual(fields)
  })

  test('the key of a ReplicaSet is /registry/replicasets/<namespace>/<name>', () => {
    expect(replicaSetKey('default', 'web')).toBe('/registry/replicasets/default/web')
  })

  test('an update may not change the selector, but a status update only checks metadata', () => {
    const old = rs('web')
    const next = { ...old, spec: { ...old.spec!, selector: { matchLabels: { app: 'api' } } } }
    expect(validateReplicaSetUpdate(next, old).map((e) => e.field)).toContain('spec.selector')
    expect(validateReplicaSetStatusUpdate(next, old)).toEqual([])
  })

  test('no new finalizer may be added to an object being deleted, by either kind of update', () => {
    const old = rs('web', { finalizers: ['example.com/a'] })
    const deleting: ReplicaSet = { ...old, metadata: { ...old.metadata, deletionTimestamp: '2024-01-01T00:00:00Z', deletionGracePeriodSeconds: 0 } }
    const next: ReplicaSet = { ...deleting, metadata: { ...deleting.metadata, finalizers: ['example.com/a', 'example.com/b'] } }
    expect(validateReplicaSetUpdate(next, deleting).map((e) => e.type)).toContain('FieldValueForbidden')
    expect(validateReplicaSetStatusUpdate(next, deleting).map((e) => e.type)).toContain('FieldValueForbidden')
  })
})
