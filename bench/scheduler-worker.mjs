// Worker threads do not share the main thread's module hooks: register tsx's here, then load the
// TypeScript entry (scheduler-worker.ts).
import { register } from 'tsx/esm/api'

register()
await import('./scheduler-worker.ts')
