// A shared informer over the engine's real API server, through the client adapter.
import { describe, expect, test } from 'vitest'
import { pod, startTestServer } from '../api/testing.ts'
import { listerWatcherFromClient } from './api-lister-watcher.ts'
import { Lister } from './lister.ts'
import { SharedIndexInformer } from './shared-informer.ts'
import { drive } from './sim-driver.ts'

describe('listerWatcherFromClient', () => {
  test('an informer over the API server lists the pods there, then follows creations and deletions', async () => {
    const { clock, client } = await startTestServer()
    await client.pods('default').create(pod('web-1', { labels: { app: 'web' } }))
    const informer = new SharedIndexInformer({ listerWatcher: listerWatcherFromClient(client.pods()), clock })
    const told: string[] = []
    informer.addEventHandler({ onAdd: (p) => told.push(`add ${p.metadata?.name}`), onDelete: () => told.push('delete') })
    informer.run()
    await drive(clock, { forMs: 1000 })
    expect(informer.hasSynced()).toBe(true)
    await client.pods('default').create(pod('web-2', { labels: { app: 'web' } }))
    await client.pods('default').delete('web-1', { gracePeriodSeconds: 0 })
    await drive(clock, { forMs: 1000 })
    expect(told).toEqual(['add web-1', 'add web-2', 'delete'])
    expect(new Lister(informer.getIndexer()).byNamespace('default').list().map((p) => p.metadata?.name)).toEqual(['web-2'])
    informer.stop()
  })
})
