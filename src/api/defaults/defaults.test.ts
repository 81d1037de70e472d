// Defaulting, with cases after pkg/apis/core/v1/defaults_test.go and pkg/apis/apps/v1/defaults_test.go.
import type { Deployment } from 'kubernetes-types/apps/v1'
import type { Pod, Service } from 'kubernetes-types/core/v1'
import { describe, expect, test } from 'vitest'
import { defaultDeployment, defaultReplicaSet } from './apps.ts'
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultPod, defaultService, imageTag } from './core.ts'

describe('container imagePullPolicy follows the image tag', () => {
  const cases: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.9', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v1', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
    ['nginx:latest@sha256:0123456789abcdef', 'Always'],
  ]
  test.each(cases)('image %s gets %s', (image, policy) => {
    const pod: Pod = { spec: { containers: [{ name: 'c', image }] } }
    defaultPod(pod)
    expect(pod.spec!.containers[0].imagePullPolicy).toBe(policy)
  })

  test('an explicit policy is kept', () => {
    const pod: Pod = { spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] } }
    defaultPod(pod)
    expect(pod.spec!.containers[0].imagePullPolicy).toBe('Never')
    expect(imageTag('a/b:c')).toBe('c')
  })
})

describe('pod defaults', () => {
  test('an empty pod spec gets the documented defaults', () => {
    const pod: Pod = { spec: { containers: [{ name: 'c', image: 'nginx:1', ports: [{ containerPort: 80 }] }] } }
    defaultPod(pod)
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'c',
          image: 'nginx:1',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    })
  })

  test('host network pods get hostPort = containerPort', () => {
    const pod: Pod = { spec: { hostNetwork: true, containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 8080 }] }] } }
    defaultPod(pod)
    expect(pod.spec!.containers[0].ports![0].hostPort).toBe(8080)
  })

  test('requests default to limits when only limits are set', () => {
    const pod: Pod = { spec: { containers: [{ name: 'c', image: 'x:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } }
    defaultPod(pod)
    expect(pod.spec!.containers[0].resources!.requests).toEqual({ cpu: '1', memory: '1Gi' })
  })

  test('probes get timeout 1, period 10, success 1, failure 3, and httpGet path / and scheme HTTP', () => {
    const pod: Pod = { spec: { containers: [{ name: 'c', image: 'x:1', livenessProbe: { httpGet: { port: 80 } } }] } }
    defaultPod(pod)
    expect(pod.spec!.containers[0].livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
  })

  test('a volume with no source gets an emptyDir', () => {
    const pod: Pod = { spec: { containers: [], volumes: [{ name: 'v' }] } }
    defaultPod(pod)
    expect(pod.spec!.volumes![0]).toEqual({ name: 'v', emptyDir: {} })
  })
})

describe('service defaults', () => {
  test('type ClusterIP, sessionAffinity None, protocol TCP and targetPort = port', () => {
    const svc: Service = { spec: { ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 5353 }] } }
    defaultService(svc)
    expect(svc.spec).toEqual({
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 53, protocol: 'UDP', targetPort: 5353 },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    })
  })

  test('NodePort services get externalTrafficPolicy Cluster; ClientIP affinity gets a 10800 s timeout', () => {
    const svc: Service = { spec: { type: 'NodePort', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } }
    defaultService(svc)
    expect(svc.spec!.externalTrafficPolicy).toBe('Cluster')
    expect(svc.spec!.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } })
  })
})

describe('apps defaults', () => {
  test('a deployment gets 1 replica, RollingUpdate 25%/25%, 10 revisions and a 600 s deadline', () => {
    const d: Deployment = { spec: { selector: { matchLabels: { app: 'a' } }, template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } }
    defaultDeployment(d)
    expect(d.spec!.replicas).toBe(1)
    expect(d.spec!.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } })
    expect(d.spec!.revisionHistoryLimit).toBe(10)
    expect(d.spec!.progressDeadlineSeconds).toBe(600)
    expect(d.spec!.template.spec!.restartPolicy).toBe('Always')
    expect(d.spec!.template.spec!.enableServiceLinks).toBeUndefined()
  })

  test('a Recreate deployment gets no rollingUpdate; explicit replicas 0 stays 0', () => {
    const d: Deployment = { spec: { replicas: 0, strategy: { type: 'Recreate' }, selector: {}, template: {} } }
    defaultDeployment(d)
    expect(d.spec!.strategy).toEqual({ type: 'Recreate' })
    expect(d.spec!.replicas).toBe(0)
  })

  test('a replica set gets 1 replica', () => {
    const rs = { spec: { selector: {} } }
    defaultReplicaSet(rs)
    expect(rs.spec).toEqual({ selector: {}, replicas: 1 })
  })
})

describe('volume defaults', () => {
  test('a PV gets reclaim policy Retain and volume mode Filesystem; a PVC gets Filesystem', () => {
    const pv = { spec: {} }
    defaultPersistentVolume(pv)
    expect(pv.spec).toEqual({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' })
    const pvc = { spec: {} }
    defaultPersistentVolumeClaim(pvc)
    expect(pvc.spec).toEqual({ volumeMode: 'Filesystem' })
  })
})
