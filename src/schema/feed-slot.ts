// What every subscription to a change feed does first: take one of the
// caller's subscription slots (a credential counts as its principal wherever
// it calls from; without one, the address counts), then wait until this
// process listens, giving the slot back if it never will.
import type { Context } from '../context.js';
import type { SubscriptionSlots } from '../limits/subscription-slots.js';

export async function takeFeedSlot(ctx: Context, feed: { slots: SubscriptionSlots; ready: Promise<void> }) {
  const key = await ctx.caller.key();
  const release = feed.slots.take({ key, anonymous: key === ctx.caller.addressKey });
  try {
    await feed.ready;
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
