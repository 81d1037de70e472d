// fieldGetter reads one field exactly as the whole field set has it, for every kind and field.
import { describe, expect, test } from 'vitest'
import { fieldGetter, selectableFields, supportedFieldLabels, type ApiObject } from './selectable-fields.ts'

const objects: ApiObject[] = [
  { kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', hostNetwork: true }, status: { phase: 'Running', podIPs: [{ ip: '10.0.0.7' }], podIP: '10.0.0.9' } } as ApiObject,
  { kind: 'Pod', metadata: { name: 'bare' } } as ApiObject,
  { kind: 'Node', metadata: { name: 'n1' }, spec: { unschedulable: true } } as ApiObject,
  { kind: 'Node', metadata: { name: 'n2' } } as ApiObject,
  { kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, type: 'Opaque' } as ApiObject,
  { kind: 'Namespace', metadata: { name: 'shop' }, status: { phase: 'Terminating' } } as ApiObject,
  { kind: 'Service', metadata: { name: 'svc', namespace: 'shop' }, spec: { clusterIP: '10.96.0.10', type: 'ClusterIP' } } as ApiObject,
  { kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'shop' } },
]

describe('fieldGetter', () => {
  test.each(objects.map((o) => [`${o.kind} ${o.metadata?.name}`, o] as const))('%s: every field reads as in selectableFields', (_, obj) => {
    const fields = selectableFields(obj)
    for (const field of [...supportedFieldLabels(obj.kind!), 'spec.nodeName', 'no.such.field']) {
      expect(fieldGetter(obj.kind!, field)(obj), field).toBe(Object.hasOwn(fields, field) ? fields[field] : '')
    }
  })

  test('a cluster-scoped kind outside the table has no namespace field', () => {
    const obj: ApiObject = { kind: 'PersistentVolume', metadata: { name: 'pv', namespace: 'ignored' } }
    expect(selectableFields(obj, false)['metadata.namespace']).toBeUndefined()
    expect(fieldGetter('PersistentVolume', 'metadata.namespace', false)(obj)).toBe('')
  })
})
