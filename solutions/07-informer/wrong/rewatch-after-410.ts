// Wrong: on a 410 Expired it waits and watches again from the same resourceVersion, which is gone for good, so it never recovers.
import type { WatchStreamEvent } from '../../../src/client/index.ts'
import { Informer as Correct } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override onEvent(event: WatchStreamEvent, epoch: number): void {
    if (event.type !== 'ERROR' || epoch !== this.epoch || !this.running) return super.onEvent(event, epoch)
    this.watchHandle = undefined
    this.timer = this.options.clock.setTimer(this.options.backoff.nextDelayMs(), () => void this.watchFrom(epoch))
  }
}
