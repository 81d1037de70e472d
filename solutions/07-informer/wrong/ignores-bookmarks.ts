// Wrong: ignores BOOKMARK events, so its resume point lags behind and a reopened watch asks for a version the server may already have forgotten (410 storms).
import type { WatchStreamEvent } from '../../../src/client/index.ts'
import { Informer as Correct } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override onEvent(event: WatchStreamEvent, epoch: number): void {
    if (event.type === 'BOOKMARK') return
    super.onEvent(event, epoch)
  }
}
