// Cases in the spirit of TestPodRequests in
// staging/src/k8s.io/component-helpers/resource/helpers_test.go and the sidecar examples of
// KEP-753 (restartable init containers), plus GetNonzeroRequests defaults from
// pkg/scheduler/util/pod_resources_test.go.
import { describe, expect, test } from 'vitest'
import { nonZeroDefaults, podRequestsResource, podResource, podRequests } from './pod-requests.ts'
import { makePod } from './testing.ts'

describe('pod requests', () => {
  const cases = [
    {
      name: 'regular containers add up',
      pod: makePod().req({ cpu: '1', memory: '1Gi' }).req({ cpu: '500m', memory: '512Mi' }).obj(),
      cpu: 1500,
      memory: 1610612736,
    },
    {
      name: 'init containers take the max, not the sum, against the containers',
      pod: makePod().req({ cpu: '1' }).initReq({ cpu: '2' }).initReq({ cpu: '3' }).obj(),
      cpu: 3000,
      memory: 0,
    },
    {
      name: 'containers win when their sum exceeds every init container',
      pod: makePod().req({ cpu: '2' }).req({ cpu: '1' }).initReq({ cpu: '2' }).obj(),
      cpu: 3000,
      memory: 0,
    },
    {
      name: 'each resource takes its own max (Result: CPU 3, Memory 3G in fit.go)',
      pod: makePod().req({ cpu: '2', memory: '1G' }).req({ cpu: '1', memory: '1G' }).initReq({ cpu: '2', memory: '1G' }).initReq({ cpu: '2', memory: '3G' }).obj(),
      cpu: 3000,
      memory: 3000000000,
    },
    {
      name: 'a sidecar adds to the containers and keeps running under later init containers',
      pod: makePod().sidecarReq({ cpu: '1' }).initReq({ cpu: '5' }).sidecarReq({ cpu: '1' }).req({ cpu: '1' }).obj(),
      // containers + sidecars = 1 + 1 + 1 = 3; init0 while sidecar0 runs = 5 + 1 = 6
      cpu: 6000,
      memory: 0,
    },
    {
      name: 'an init container before any sidecar does not carry the sidecar',
      pod: makePod().initReq({ cpu: '2' }).sidecarReq({ cpu: '1' }).req({ cpu: '1' }).obj(),
      cpu: 2000,
      memory: 0,
    },
    {
      name: 'overhead is added after the max',
      pod: makePod().req({ cpu: '1' }).initReq({ cpu: '2' }).overhead({ cpu: '250m', memory: '120Mi' }).obj(),
      cpu: 2250,
      memory: 125829120,
    },
  ]
  test.each(cases)('$name', ({ pod, cpu, memory }) => {
    const r = podRequestsResource(pod)
    expect(r.milliCPU).toBe(cpu)
    expect(r.memory).toBe(memory)
  })

  test('extended resources follow the same rules and stay named', () => {
    const r = podRequestsResource(makePod().req({ 'example.com/gpu': '1' }).initReq({ 'example.com/gpu': '2' }).obj())
    expect(r.scalar.get('example.com/gpu')).toBe(2)
  })

  test('a container without a cpu or memory request counts as 100m and 200Mi for scoring only', () => {
    const pod = makePod().container().req({ cpu: '50m' }).obj()
    const res = podResource(pod)
    expect(res.requested.milliCPU).toBe(50)
    expect(res.requested.memory).toBe(0)
    expect(res.nonZeroMilliCPU).toBe(150)
    expect(res.nonZeroMemory).toBe(2 * 200 * 1024 * 1024)
  })

  test('an explicit request of 0 is kept as 0, not replaced by the default', () => {
    const res = podResource(makePod().req({ cpu: '0', memory: '0' }).obj())
    expect(res.nonZeroMilliCPU).toBe(0)
    expect(res.nonZeroMemory).toBe(0)
  })

  test('an init container without requests counts the defaults too', () => {
    const r = podRequests(makePod().req({ cpu: '50m', memory: '10Mi' }).initReq().obj(), { nonMissingContainerRequests: nonZeroDefaults })
    expect(r.get('cpu')).toBe(100)
  })

  test('a pod with no containers requests nothing, even with the defaults', () => {
    expect(podResource(makePod().obj()).nonZeroMilliCPU).toBe(0)
  })
})
