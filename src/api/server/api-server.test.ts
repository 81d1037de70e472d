// The API server's request semantics: metadata, optimistic concurrency, validation and its
// Status errors, subresources, admission, Services' cluster IPs.
import type { Deployment } from 'kubernetes-types/apps/v1'
import type { Pod } from 'kubernetes-types/core/v1'
import { describe, expect, test } from 'vitest'
import { ApiError, isApiError } from '../errors/status.ts'
import { pod, startTestServer } from '../testing.ts'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

const deployment = (name: string, replicas = 1): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1' }] } },
  },
})

describe('create and get', () => {
  test('a created object gets a uid, creationTimestamp from the clock, generation 1 and the store revision as resourceVersion', async () => {
    const { client, store } = await startTestServer()
    const created = await client.pods('default').create(pod('web'))
    expect(created.metadata!.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(created.metadata!.creationTimestamp).toBe('2024-01-01T00:00:00Z')
    expect(created.metadata!.generation).toBe(1)
    expect(created.metadata!.resourceVersion).toBe(String(store.revision))
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
    const got = await client.pods('default').get('web')
    expect(got).toEqual(created)
    expect(Object.isFrozen(got) && Object.isFrozen(got.spec!.containers[0])).toBe(true)
  })

  test('objects are stored as JSON under the etcd key layout, without resourceVersion', async () => {
    const { client, store } = await startTestServer()
    await client.pods('default').create(pod('web'))
    await client.nodes().create({ metadata: { name: 'node-1' } })
    await client.services('default').create({ metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } })
    await client.deployments('default').create(deployment('web'))
    const keys = (await store.range({ key: '/registry/', rangeEnd: '/registry0' })).kvs.map((kv) => kv.key)
    expect(keys).toEqual(expect.arrayContaining(['/registry/pods/default/web', '/registry/minions/node-1', '/registry/services/specs/default/web', '/registry/deployments/default/web', '/registry/namespaces/default']))
    const stored = JSON.parse((await store.range({ key: '/registry/pods/default/web' })).kvs[0].value)
    expect(stored.metadata.resourceVersion).toBeUndefined()
    expect(stored.kind).toBe('Pod')
  })

  test('a body JSON cannot carry (a BigInt, a cycle) is 400 BadRequest, on create and on update', async () => {
    const { client } = await startTestServer()
    const withBigInt = { ...pod('big'), metadata: { name: 'big', annotations: { size: 10n } } } as unknown as Pod
    const cyclic = pod('loop') as Pod & { spec: { self?: unknown } }
    cyclic.spec.self = cyclic
    for (const body of [withBigInt, cyclic]) {
      const error = await client.pods('default').create(body).catch((e: unknown) => e)
      expect(isApiError(error, 'BadRequest')).toBe(true)
      expect((error as ApiError).message).toMatch(/^the request body is not valid JSON: /)
    }
    const web = await client.pods('default').create(pod('web'))
    const error = await client.pods('default').update({ ...web, metadata: { ...web.metadata, annotations: { n: 1n } } } as unknown as Pod).catch((e: unknown) => e)
    expect(isApiError(error, 'BadRequest')).toBe(true)
  })

  test('creating an existing name is 409 AlreadyExists, a missing name is 404 NotFound, with the real messages', async () => {
    const { client } = await startTestServer()
    await client.pods('default').create(pod('web'))
    const exists = await failure(client.pods('default').create(pod('web')))
    expect(exists.status).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'AlreadyExists', code: 409, message: 'pods "web" already exists', details: { name: 'web', kind: 'pods' } })
    const missing = await failure(client.pods('default').get('nope'))
    expect(missing.status).toMatchObject({ reason: 'NotFound', code: 404, message: 'pods "nope" not found' })
    const group = await failure(client.deployments('default').get('nope'))
    expect(group.message).toBe('deployments.apps "nope" not found')
  })

  test('generateName gets a 5-character suffix from the seeded random source, the same for the same seed', async () => {
    const a = await startTestServer({ seed: 7 })
    const b = await startTestServer({ seed: 7 })
    const spec = { metadata: { generateName: 'web-' }, spec: pod('x').spec }
    const pa = await a.client.pods('default').create(spec)
    const pb = await b.client.pods('default').create(spec)
    expect(pa.metadata!.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(pa.metadata!.name).toBe(pb.metadata!.name)
    expect(pa.metadata!.uid).toBe(pb.metadata!.uid)
  })

  test('a resourceVersion on a create is a 400', async () => {
    const { client } = await startTestServer()
    const e = await failure(client.pods('default').create({ ...pod('web'), metadata: { name: 'web', resourceVersion: '5' } }))
    expect(e.status).toMatchObject({ reason: 'BadRequest', code: 400, message: 'resourceVersion should not be set on objects to be created' })
  })

  test('a namespace in the object that differs from the request is a 400', async () => {
    const { client } = await startTestServer()
    const e = await failure(client.pods('default').create(pod('x', { namespace: 'other' })))
    expect(e.message).toBe('the namespace of the provided object does not match the namespace sent on the request')
  })
})

describe('validation answers 422 Invalid with causes', () => {
  const cases: [string, Pod, string, { reason: string; field: string }[]][] = [
    [
      'a container without an image',
      { metadata: { name: 'web' }, spec: { containers: [{ name: 'app' }] } },
      'Pod "web" is invalid: spec.containers[0].image: Required value',
      [{ reason: 'FieldValueRequired', field: 'spec.containers[0].image' }],
    ],
    [
      'a pod without containers',
      { metadata: { name: 'web' }, spec: { containers: [] } },
      'Pod "web" is invalid: spec.containers: Required value',
      [{ reason: 'FieldValueRequired', field: 'spec.containers' }],
    ],
    [
      'an uppercase pod name and a bad label value, reported together',
      { metadata: { name: 'Web', labels: { app: '-x' } }, spec: { containers: [{ name: 'app', image: 'x:1' }] } },
      'Pod "Web" is invalid: [metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain',
      [
        { reason: 'FieldValueInvalid', field: 'metadata.name' },
        { reason: 'FieldValueInvalid', field: 'metadata.labels' },
      ],
    ],
    [
      'two containers with the same name and an unsupported restart policy',
      { metadata: { name: 'web' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x:1' }, { name: 'a', image: 'y:1' }] } },
      'Pod "web" is invalid: [spec.containers[1].name: Duplicate value: "a", spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
      [
        { reason: 'FieldValueDuplicate', field: 'spec.containers[1].name' },
        { reason: 'FieldValueNotSupported', field: 'spec.restartPolicy' },
      ],
    ],
  ]
  test.each(cases)('%s', async (_, obj, message, causes) => {
    const { client } = await startTestServer()
    const e = await failure(client.pods('default').create(obj))
    expect(e.status.code).toBe(422)
    expect(e.status.reason).toBe('Invalid')
    expect(e.message.startsWith(message)).toBe(true)
    expect(e.status.details!.causes!.map((c) => ({ reason: c.reason, field: c.field }))).toEqual(causes)
    expect(e.status.details).toMatchObject({ name: obj.metadata!.name, kind: 'Pod' })
  })

  test('a deployment whose selector does not match its template labels is invalid, named with its group', async () => {
    const { client } = await startTestServer()
    const d = deployment('web')
    const e = await failure(client.deployments('default').create({ ...d, spec: { ...d.spec!, selector: { matchLabels: { app: 'other' } } } }))
    expect(e.message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`')
  })

  test('a service name must be a DNS-1035 label', async () => {
    const { client } = await startTestServer()
    const e = await failure(client.services('default').create({ metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }))
    expect(e.status.details!.causes![0]).toMatchObject({ reason: 'FieldValueInvalid', field: 'metadata.name' })
  })

  test('annotations over 256 KiB in total are too long', async () => {
    const { client } = await startTestServer()
    const e = await failure(client.configMaps('default').create({ metadata: { name: 'big', annotations: { a: 'x'.repeat(256 * 1024) } } }))
    expect(e.message).toBe('ConfigMap "big" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes')
  })
})

describe('update and optimistic concurrency', () => {
  test('an update with a stale resourceVersion is a 409 Conflict with the real message', async () => {
    const { client } = await startTestServer()
    const v1 = await client.configMaps('default').create({ metadata: { name: 'c' }, data: { a: '1' } })
    await client.configMaps('default').update({ ...v1, data: { a: '2' } })
    const e = await failure(client.configMaps('default').update({ ...v1, data: { a: '3' } }))
    expect(e.status).toMatchObject({ reason: 'Conflict', code: 409 })
    expect(e.message).toBe('Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again')
  })

  test('an update without resourceVersion applies to the latest version', async () => {
    const { client } = await startTestServer()
    const v1 = await client.configMaps('default').create({ metadata: { name: 'c' }, data: { a: '1' } })
    await client.configMaps('default').update({ ...v1, data: { a: '2' } })
    const v3 = await client.configMaps('default').update({ metadata: { name: 'c' }, data: { a: '3' } })
    expect(v3.data).toEqual({ a: '3' })
    expect(v3.metadata!.uid).toBe(v1.metadata!.uid)
    expect(v3.metadata!.creationTimestamp).toBe(v1.metadata!.creationTimestamp)
  })

  test('an update that changes nothing writes nothing and keeps the resourceVersion', async () => {
    const { client, store } = await startTestServer()
    const v1 = await client.configMaps('default').create({ metadata: { name: 'c' }, data: { a: '1' } })
    const revision = store.revision
    const same = await client.configMaps('default').update(v1)
    expect(same.metadata!.resourceVersion).toBe(v1.metadata!.resourceVersion)
    expect(store.revision).toBe(revision)
  })

  test('generation moves on spec changes only, not on labels or status', async () => {
    const { client } = await startTestServer()
    const d = await client.deployments('default').create(deployment('web'))
    const labelled = await client.deployments('default').update({ ...d, metadata: { ...d.metadata, labels: { tier: 'x' } } })
    expect(labelled.metadata!.generation).toBe(1)
    const status = await client.deployments('default').updateStatus({ ...labelled, status: { observedGeneration: 1, replicas: 1 } })
    expect(status.metadata!.generation).toBe(1)
    expect(status.status).toEqual({ observedGeneration: 1, replicas: 1 })
    const scaled = await client.deployments('default').update({ ...status, spec: { ...status.spec!, replicas: 3 } })
    expect(scaled.metadata!.generation).toBe(2)
    const forged = await client.deployments('default').update({ ...scaled, metadata: { ...scaled.metadata, generation: 99 } })
    expect(forged.metadata!.generation).toBe(2)
  })

  test('a main update cannot change status, and a status update cannot change spec', async () => {
    const { client } = await startTestServer()
    const p = await client.pods('default').create(pod('web'))
    const u = await client.pods('default').update({ ...p, status: { phase: 'Running' } })
    expect(u.status!.phase).toBe('Pending')
    const s = await client.pods('default').updateStatus({ ...u, spec: { ...u.spec!, containers: [{ name: 'app', image: 'evil:1' }] }, status: { ...u.status, phase: 'Running' } })
    expect(s.status!.phase).toBe('Running')
    expect(s.spec!.containers[0].image).toBe('nginx:1.25')
  })

  test('a pod spec is immutable except images (and a few others)', async () => {
    const { client } = await startTestServer()
    const p = await client.pods('default').create(pod('web'))
    const imaged = await client.pods('default').update({ ...p, spec: { ...p.spec!, containers: [{ ...p.spec!.containers[0], image: 'nginx:1.26' }] } })
    expect(imaged.spec!.containers[0].image).toBe('nginx:1.26')
    expect(imaged.metadata!.generation).toBe(2)
    const e = await failure(client.pods('default').update({ ...imaged, spec: { ...imaged.spec!, restartPolicy: 'Never' } }))
    expect(e.message.startsWith('Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`')).toBe(true)
  })

  test('a service clusterIP and a deployment selector cannot change', async () => {
    const { client } = await startTestServer()
    const s = await client.services('default').create({ metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } })
    const e = await failure(client.services('default').update({ ...s, spec: { ...s.spec, clusterIP: '10.96.0.99' } }))
    expect(e.status.details!.causes![0]).toMatchObject({ field: 'spec.clusterIPs[0]', message: 'Invalid value: "10.96.0.99": may not change once set' })
    const d = await client.deployments('default').create(deployment('web'))
    const sel = { matchLabels: { app: 'web', v: '2' } }
    const e2 = await failure(client.deployments('default').update({ ...d, spec: { ...d.spec!, selector: sel, template: { ...d.spec!.template, metadata: { labels: sel.matchLabels } } } }))
    expect(e2.status.details!.causes!.some((c) => c.field === 'spec.selector' && c.message.endsWith('field is immutable'))).toBe(true)
  })

  test('patches: JSON merge, strategic merge by container name, and a patch with a stale resourceVersion conflicts', async () => {
    const { client } = await startTestServer()
    const p = await client.pods('default').create({ ...pod('web'), spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] } })
    const merged = await client.pods('default').patch('web', 'merge', { metadata: { labels: { app: 'web' } } })
    expect(merged.metadata!.labels).toEqual({ app: 'web' })
    const smp = await client.pods('default').patch('web', 'strategic', { spec: { containers: [{ name: 'b', image: 'y:2' }] } })
    expect(smp.spec!.containers.map((c) => c.image)).toEqual(['x:1', 'y:2'])
    const e = await failure(client.pods('default').patch('web', 'merge', { metadata: { resourceVersion: p.metadata!.resourceVersion, labels: { a: 'b' } } }))
    expect(e.status.reason).toBe('Conflict')
    const status = await client.pods('default').patch('web', 'strategic', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, { subresource: 'status' })
    expect(status.status!.conditions).toEqual([{ type: 'Ready', status: 'True' }])
  })

  test('a lease update on a missing object creates it (AllowCreateOnUpdate); a pod update does not', async () => {
    const { client } = await startTestServer()
    const lease = await client.leases('kube-node-lease').update({ metadata: { name: 'node-1' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 } })
    expect(lease.spec!.holderIdentity).toBe('node-1')
    const e = await failure(client.pods('default').update(pod('ghost')))
    expect(e.status.reason).toBe('NotFound')
  })
})

describe('deletion', () => {
  test('an object with finalizers lives until they are removed; removing the last one deletes it', async () => {
    const { client, clock } = await startTestServer()
    await client.configMaps('default').create({ metadata: { name: 'c', finalizers: ['example.com/hold'] } })
    clock.advance(5000)
    const deleting = await client.configMaps('default').delete('c')
    expect(deleting.metadata!.deletionTimestamp).toBe('2024-01-01T00:00:05Z')
    expect(deleting.metadata!.deletionGracePeriodSeconds).toBe(0)
    const still = await client.configMaps('default').get('c')
    expect(still.metadata!.finalizers).toEqual(['example.com/hold'])
    const e = await failure(client.configMaps('default').update({ ...still, metadata: { ...still.metadata, finalizers: ['example.com/hold', 'example.com/new'] } }))
    expect(e.status.reason).toBe('Invalid')
    await client.configMaps('default').update({ ...still, metadata: { ...still.metadata, finalizers: [] } })
    expect((await failure(client.configMaps('default').get('c'))).status.reason).toBe('NotFound')
  })

  test('a scheduled pod is deleted gracefully: deletionTimestamp = now + grace, then gone on a 0-second delete', async () => {
    const { client } = await startTestServer()
    await client.pods('default').create(pod('web'))
    await client.pods('default').bind({ metadata: { name: 'web' }, target: { name: 'node-1' } })
    const deleting = await client.pods('default').delete('web')
    expect(deleting.metadata!.deletionTimestamp).toBe('2024-01-01T00:00:30Z')
    expect(deleting.metadata!.deletionGracePeriodSeconds).toBe(30)
    const longer = await client.pods('default').delete('web', { gracePeriodSeconds: 60 })
    expect(longer.metadata!.deletionGracePeriodSeconds).toBe(30)
    await client.pods('default').delete('web', { gracePeriodSeconds: 0 })
    expect((await failure(client.pods('default').get('web'))).status.reason).toBe('NotFound')
  })

  test('an unscheduled pod is deleted at once; preconditions that do not hold are a Conflict', async () => {
    const { client } = await startTestServer()
    const p = await client.pods('default').create(pod('web'))
    const e = await failure(client.pods('default').delete('web', { preconditions: { uid: 'other' } }))
    expect(e.message).toBe(`Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: other, UID in object meta: ${p.metadata!.uid}`)
    await client.pods('default').delete('web')
    expect((await failure(client.pods('default').delete('web'))).status.reason).toBe('NotFound')
  })

  test('foreground and orphan propagation add their finalizers', async () => {
    const { client } = await startTestServer()
    await client.deployments('default').create(deployment('web'))
    const d = await client.deployments('default').delete('web', { propagationPolicy: 'Foreground' })
    expect(d.metadata!.finalizers).toEqual(['foregroundDeletion'])
  })
})

describe('binding', () => {
  test('a binding sets spec.nodeName once, adds PodScheduled, and a second binding is a Conflict', async () => {
    const { client } = await startTestServer()
    const p = await client.pods('default').create(pod('web'))
    const ok = await client.pods('default').bind({ metadata: { name: 'web', annotations: { note: 'x' } }, target: { kind: 'Node', name: 'node-1' } })
    expect(ok.status).toBe('Success')
    const bound = await client.pods('default').get('web')
    expect(bound.spec!.nodeName).toBe('node-1')
    expect(bound.metadata!.annotations).toEqual({ note: 'x' })
    expect(bound.metadata!.generation).toBe(p.metadata!.generation)
    expect(bound.status!.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }])
    const e = await failure(client.pods('default').bind({ metadata: { name: 'web' }, target: { name: 'node-2' } }))
    expect(e.status).toMatchObject({ reason: 'Conflict', code: 409, message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"' })
    expect((await failure(client.pods('default').bind({ metadata: { name: 'ghost' }, target: { name: 'n' } }))).status.reason).toBe('NotFound')
  })
})

describe('admission and namespaces', () => {
  test('default, kube-system, kube-public and kube-node-lease exist from the start, Active, with their name label', async () => {
    const { client } = await startTestServer()
    const names = (await client.namespaces().list()).items.map((n) => n.metadata!.name)
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    const ns = await client.namespaces().get('default')
    expect(ns.status).toEqual({ phase: 'Active' })
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] })
    expect(ns.metadata!.labels).toEqual({ 'kubernetes.io/metadata.name': 'default' })
  })

  test('creating in a missing namespace is NotFound; in a terminating one Forbidden; immortal namespaces cannot be deleted', async () => {
    const { client } = await startTestServer()
    expect((await failure(client.pods('nope').create(pod('web')))).message).toBe('namespaces "nope" not found')
    await client.namespaces().create({ metadata: { name: 'team' } })
    const deleting = await client.namespaces().delete('team')
    expect(deleting.status!.phase).toBe('Terminating')
    const e = await failure(client.pods('team').create(pod('web')))
    expect(e.status).toMatchObject({ reason: 'Forbidden', code: 403, message: 'pods "web" is forbidden: unable to create new content in namespace team because it is being terminated' })
    expect(e.status.details!.causes).toEqual([{ reason: 'NamespaceTerminating', message: 'namespace team is being terminated', field: 'metadata.namespace' }])
    const ns = await client.namespaces().get('team')
    await client.namespaces().finalize({ ...ns, spec: { finalizers: [] } })
    expect((await failure(client.namespaces().get('team'))).status.reason).toBe('NotFound')
    expect((await failure(client.namespaces().delete('kube-system'))).message).toBe('namespaces "kube-system" is forbidden: this namespace may not be deleted')
  })

  test('DefaultTolerationSeconds adds not-ready and unreachable NoExecute tolerations for 300 s unless already tolerated', async () => {
    const { client } = await startTestServer()
    const plain = await client.pods('default').create(pod('a'))
    expect(plain.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ])
    const all = await client.pods('default').create({ ...pod('b'), spec: { ...pod('b').spec!, tolerations: [{ operator: 'Exists' }] } })
    expect(all.spec!.tolerations).toEqual([{ operator: 'Exists' }])
    const one = await client.pods('default').create({ ...pod('c'), spec: { ...pod('c').spec!, tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] } })
    expect(one.spec!.tolerations!.map((t) => `${t.key}:${t.tolerationSeconds}`)).toEqual(['node.kubernetes.io/unreachable:10', 'node.kubernetes.io/not-ready:300'])
  })
})

describe('services', () => {
  test('cluster IPs come from 10.96.0.0/12, distinct, deterministic per seed; a taken IP is refused; deletes release', async () => {
    const a = await startTestServer({ seed: 3 })
    const b = await startTestServer({ seed: 3 })
    const ips: string[] = []
    for (const name of ['s1', 's2', 's3']) {
      const sa = await a.client.services('default').create({ metadata: { name }, spec: { ports: [{ port: 80 }] } })
      const sb = await b.client.services('default').create({ metadata: { name }, spec: { ports: [{ port: 80 }] } })
      expect(sa.spec!.clusterIP).toBe(sb.spec!.clusterIP)
      ips.push(sa.spec!.clusterIP!)
    }
    expect(new Set(ips).size).toBe(3)
    for (const ip of ips) {
      const [o1, o2] = ip.split('.').map(Number)
      expect(o1).toBe(10)
      expect(o2 >= 96 && o2 <= 111).toBe(true)
    }
    const e = await failure(a.client.services('default').create({ metadata: { name: 'dup' }, spec: { clusterIP: ips[0], ports: [{ port: 80 }] } }))
    expect(e.status.reason).toBe('Invalid')
    await a.client.services('default').delete('s1')
    const again = await a.client.services('default').create({ metadata: { name: 'dup' }, spec: { clusterIP: ips[0], ports: [{ port: 80 }] } })
    expect(again.spec!.clusterIP).toBe(ips[0])
    const headless = await a.client.services('default').create({ metadata: { name: 'h' }, spec: { clusterIP: 'None', selector: { app: 'x' } } })
    expect(headless.spec!.clusterIPs).toEqual(['None'])
    const np = await a.client.services('default').create({ metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } })
    expect(np.spec!.ports![0].nodePort! >= 30000 && np.spec!.ports![0].nodePort! <= 32767).toBe(true)
  })

  test('errors are ApiErrors, never strings', async () => {
    const { client } = await startTestServer()
    const e = await failure(client.resource('pods', 'default').get('x'))
    expect(isApiError(e)).toBe(true)
  })
})
