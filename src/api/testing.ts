// Builders for the API server's tests: a server over a fresh MemoryStore on a VirtualClock with
// a seeded Random, and small object builders.
import type { Pod } from 'kubernetes-types/core/v1'
import { MemoryStore } from '../store/index.ts'
import { Random, VirtualClock } from '../sim/index.ts'
import { ApiClient } from './client.ts'
import { ApiServer, type ApiServerOptions } from './server/api-server.ts'

export interface TestCluster {
  readonly clock: VirtualClock
  readonly store: MemoryStore
  readonly server: ApiServer
  readonly client: ApiClient
}

export async function startTestServer(options: Partial<Omit<ApiServerOptions, 'store' | 'clock'>> & { seed?: number } = {}): Promise<TestCluster> {
  const clock = new VirtualClock(Date.UTC(2024, 0, 1))
  const store = new MemoryStore({ clock })
  const server = await ApiServer.start({ store, clock, random: new Random(options.seed ?? 42), ...options })
  return { clock, store, server, client: new ApiClient(server) }
}

export function pod(name: string, extra: { labels?: Record<string, string>; image?: string; nodeName?: string; namespace?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(extra.namespace ? { namespace: extra.namespace } : {}), ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: { containers: [{ name: 'app', image: extra.image ?? 'nginx:1.25' }], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
  }
}

/** Let queued watch deliveries (microtasks) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await new Promise<void>((resolve) => queueMicrotask(resolve))
}
