// The reference store runs the shared conformance suite (store-conformance.ts).
import { VirtualClock } from '../sim/virtual-clock.ts'
import { MemoryStore } from './memory-store.ts'
import { describeKeyValueStore } from './store-conformance.ts'

describeKeyValueStore('MemoryStore', () => new MemoryStore({ clock: new VirtualClock() }))
