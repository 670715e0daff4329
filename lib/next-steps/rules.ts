/**
 * The next contact steps of one buyer: a pure function of (buyer, history, now, settings).
 *
 * One conversation step at a time, from where the conversation stands (the buyer spoke last: a
 * reply; a quote, sample or order in flight: its follow-ups; the seller spoke last: follow-ups of
 * that reply), plus the steps that stand beside it (get a channel the seller owns; remind before
 * the usual reorder time). When nothing else is due, a buyer silent for `dormantDays` is due a
 * re-engagement. Every due time is moved to the buyer's next working hour in their own zone.
 * Internal notes are not contacts and move nothing.
 */
import { DEFAULT_WEEKEND, isValidZone, localZone, weekendForCountry, zoneForCountry } from './zones';
import { placeInWorkingHours, type WorkWindow } from './working-hours';
import { minutesOf, type NextStepSettings } from './settings';
import { distinctOrderTimes, reorderIntervalDays } from './reorder';
import { channelOfPlatform } from '../platform-channel';
import {
  OWNED_CHANNELS,
  type NextStep,
  type StepAction,
  type StepBuyer,
  type StepChannel,
  type StepFollows,
  type StepHistory,
  type StepKind,
  type StepPriority,
  type StepTouchpoint,
} from './types';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;


/** The touchpoint a Done on each action logs; null: the step is only marked done (dismissed). */
export const DONE_KIND: Record<StepAction, StepKind | null> = {
  reply: 'first-reply',
  'follow-up-reply': 'follow-up',
  'follow-up-quote': 'follow-up',
  'propose-dormant': null,
  'ask-sample-arrived': 'follow-up',
  'ask-sample-feedback': 'follow-up',
  'shipping-update': 'follow-up',
  'ask-order-feedback': 'follow-up',
  'reorder-reminder': 'follow-up',
  're-engage': 'catalogue-sent',
  'get-own-channel': null,
};

const isOwned = (c: StepChannel) => OWNED_CHANNELS.includes(c);

/** The seller's zone: the setting, else the browser's (a zone Intl does not know falls back too). */
export function sellerZone(settings: Pick<NextStepSettings, 'sellerTimeZone'>): string {
  const z = settings.sellerTimeZone;
  if (z && isValidZone(z)) return z;
  return localZone();
}

/** Where and when the buyer works: the per-buyer override, else their country, else the seller's zone. */
export function buyerWindow(
  buyer: Pick<StepBuyer, 'id' | 'country'>,
  settings: NextStepSettings,
): { window: WorkWindow; buyerZone: string | null } {
  const o = settings.buyerHours[buyer.id];
  const overrideZone = o?.timeZone && isValidZone(o.timeZone) ? o.timeZone : null;
  const buyerZone = overrideZone ?? zoneForCountry(buyer.country);
  const usable = buyerZone && isValidZone(buyerZone) ? buyerZone : null;
  return {
    buyerZone: usable,
    window: {
      zone: usable ?? sellerZone(settings),
      start: minutesOf(o?.start ?? settings.workStart),
      end: minutesOf(o?.end ?? settings.workEnd),
      weekend: o?.weekend ?? (buyer.country ? weekendForCountry(buyer.country) : DEFAULT_WEEKEND),
    },
  };
}

/** Every channel the buyer can be reached on: the seller's own first, then LinkedIn, platforms, others used. */
export function knownChannels(buyer: StepBuyer, touchpoints: readonly StepTouchpoint[]): StepChannel[] {
  const out: StepChannel[] = [];
  const add = (c: StepChannel | undefined) => {
    if (c && !out.includes(c)) out.push(c);
  };
  if (buyer.emails.length) add('email');
  if (buyer.whatsapp) add('whatsapp');
  if (buyer.wechat) add('wechat');
  if (buyer.phones.length) add('phone');
  for (const t of touchpoints) if (isOwned(t.channel)) add(t.channel);
  if (buyer.linkedin) add('linkedin');
  for (const p of buyer.platformIds) add(channelOfPlatform(p.platform));
  for (const t of touchpoints) if (t.channel !== 'other') add(t.channel);
  return out;
}

interface Draft {
  key: string;
  action: StepAction;
  channel: StepChannel;
  raw: number;
  priority: StepPriority;
  follows: StepFollows;
  attempt?: number;
  intervalDays?: number;
  urgentAt?: number;
}

export function nextSteps(buyer: StepBuyer, history: StepHistory, now: number, settings: NextStepSettings): NextStep[] {
  if (buyer.stage === 'lost') return [];
  const s = settings;
  const tps = history.touchpoints
    .filter((t) => t.kind !== 'note')
    .slice()
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inquiries = new Map(history.inquiries.map((i) => [i.id, i]));
  const known = knownChannels(buyer, tps);
  const ownedKnown = known.filter(isOwned);

  /** `prefer` when the seller owns it, else the first channel the seller owns, else `prefer`. */
  const ownedFirst = (prefer: StepChannel | null): StepChannel =>
    (prefer && isOwned(prefer) ? prefer : ownedKnown[0]) ?? prefer ?? known[0] ?? 'email';
  /** A known channel other than `avoid`, owned first; `avoid` itself when there is no other. */
  const another = (avoid: StepChannel): StepChannel => known.find((c) => c !== avoid) ?? avoid;

  const follows = (t: StepTouchpoint): StepFollows => {
    const inq = t.inquiryId ? inquiries.get(t.inquiryId) : undefined;
    return inq
      ? { type: 'inquiry', id: inq.id, kind: t.kind, channel: t.channel, at: t.at, subject: inq.subject ?? inq.productTitle }
      : { type: 'touchpoint', id: t.id, kind: t.kind, channel: t.channel, at: t.at, subject: null };
  };

  const drafts: Draft[] = [];
  let lastIn = -1;
  for (let i = tps.length - 1; i >= 0; i--) if (tps[i]!.direction === 'in') { lastIn = i; break; }
  const outs = tps.slice(lastIn + 1); // all outbound: what the seller sent since the buyer last spoke
  const lastIndexOf = (pred: (t: StepTouchpoint) => boolean) => {
    for (let i = tps.length - 1; i >= 0; i--) if (pred(tps[i]!)) return i;
    return -1;
  };
  const ordIdx = lastIndexOf((t) => t.kind === 'order' || t.kind === 'payment');
  const orderIdx = lastIndexOf((t) => t.kind === 'order');
  const sampleIdx = lastIndexOf((t) => t.kind === 'sample-sent');
  const receivedIdx = lastIndexOf((t) => t.kind === 'sample-received');
  const quoteIdx = lastIndexOf((t) => t.kind === 'quote-sent');
  /** Follow-ups at fixed days after the anchor, never within a day of the previous (late) one. */
  const followUp = (anchor: StepTouchpoint, sent: readonly StepTouchpoint[], days: readonly number[], n: number) => {
    const base = anchor.at + days[n]! * DAY_MS;
    const last = sent[sent.length - 1];
    return last ? Math.max(base, last.at + DAY_MS) : base;
  };
  const after = (idx: number) => tps.slice(idx + 1);

  // --- the conversation step ---
  const last = tps[tps.length - 1];
  const orderPhase = ordIdx >= 0 && (lastIn <= ordIdx || after(ordIdx).every((t) => t.direction === 'out' || t.kind === 'payment'));
  if (last && last.direction === 'in' && last.kind !== 'order' && last.kind !== 'payment' && last.kind !== 'sample-received') {
    // The buyer spoke last: reply, urgently once half the reply time is gone.
    const f = follows(last);
    drafts.push({
      key: `reply:${last.id}`,
      action: 'reply',
      channel: ownedFirst(last.channel),
      raw: last.at + s.replyDueHours * HOUR_MS,
      priority: now >= last.at + s.replyUrgentHours * HOUR_MS ? 0 : 1,
      urgentAt: last.at + s.replyUrgentHours * HOUR_MS,
      follows: f,
    });
  } else if (orderPhase) {
    const order = tps[orderIdx >= 0 ? orderIdx : ordIdx]!;
    const sent = after(orderIdx >= 0 ? orderIdx : ordIdx).filter((t) => t.direction === 'out');
    const delivered = order.at + s.orderDeliveryDays * DAY_MS;
    if (!sent.length) {
      drafts.push({ key: `shipping:${order.id}`, action: 'shipping-update', channel: ownedFirst(order.channel), raw: order.at + s.orderShippingUpdateDays * DAY_MS, priority: 1, follows: follows(order) });
    } else if (!sent.some((t) => t.at >= delivered)) {
      drafts.push({ key: `order-feedback:${order.id}`, action: 'ask-order-feedback', channel: ownedFirst(sent[sent.length - 1]!.channel), raw: delivered, priority: 2, follows: follows(order) });
    }
  } else if (receivedIdx > sampleIdx && receivedIdx >= 0 && receivedIdx >= lastIn) {
    // The sample arrived: ask what the buyer thinks of it, once.
    const got = tps[receivedIdx]!;
    if (!after(receivedIdx).some((t) => t.direction === 'out')) {
      drafts.push({ key: `sample-feedback:${got.id}`, action: 'ask-sample-feedback', channel: ownedFirst(got.channel), raw: got.at + s.sampleFeedbackDays * DAY_MS, priority: 1, follows: follows(got) });
    }
  } else if (sampleIdx >= 0 && sampleIdx > lastIn) {
    const sample = tps[sampleIdx]!;
    const sent = after(sampleIdx).filter((t) => t.direction === 'out');
    if (sent.length === 0) {
      drafts.push({ key: `sample-arrived:${sample.id}`, action: 'ask-sample-arrived', channel: ownedFirst(sample.channel), raw: sample.at + s.sampleTransitDays * DAY_MS, priority: 1, follows: follows(sample) });
    } else if (sent.length === 1) {
      drafts.push({ key: `sample-feedback:${sample.id}`, action: 'ask-sample-feedback', channel: ownedFirst(sent[0]!.channel), raw: sent[0]!.at + s.sampleFeedbackDays * DAY_MS, priority: 1, follows: follows(sample) });
    }
  } else if (quoteIdx >= 0 && quoteIdx > lastIn) {
    const quote = tps[quoteIdx]!;
    const sent = after(quoteIdx).filter((t) => t.direction === 'out');
    const days = s.quoteFollowUpDays;
    const n = sent.length;
    if (n < days.length) {
      const prev = sent[n - 1] ?? quote;
      drafts.push({
        key: `quote:${quote.id}:${n + 1}`,
        action: 'follow-up-quote',
        channel: n === 0 ? ownedFirst(prev.channel) : ownedFirst(another(prev.channel)),
        raw: followUp(quote, sent, days, n),
        priority: 1,
        follows: follows(quote),
        attempt: n + 1,
      });
    } else {
      drafts.push({ key: `dormant:${quote.id}`, action: 'propose-dormant', channel: ownedFirst(sent[n - 1]!.channel), raw: sent[n - 1]!.at + s.quoteDormantDays * DAY_MS, priority: 3, follows: follows(quote) });
    }
  } else if (outs.length > 0 && lastIn >= 0) {
    // The seller answered and the buyer went quiet: follow up, on another channel from the second try.
    const anchor = outs[0]!;
    const sent = outs.slice(1);
    const days = s.replyFollowUpDays;
    const n = sent.length;
    if (n < days.length) {
      const prev = sent[n - 1] ?? anchor;
      drafts.push({
        key: `follow-up:${anchor.id}:${n + 1}`,
        action: 'follow-up-reply',
        channel: n === 0 ? ownedFirst(prev.channel) : ownedFirst(another(prev.channel)),
        raw: followUp(anchor, sent, days, n),
        priority: 2,
        follows: follows(anchor),
        attempt: n + 1,
      });
    }
  }

  // --- beside the conversation ---
  const orderTimes = tps.filter((t) => t.kind === 'order').map((t) => t.at);
  if (orderTimes.length) {
    const lastOrder = tps[orderIdx]!;
    const interval = reorderIntervalDays(orderTimes, s.reorderDefaultDays);
    const last = distinctOrderTimes(orderTimes).at(-1)!;
    const raw = last + (interval - Math.min(s.reorderLeadDays, interval / 2)) * DAY_MS;
    const asked = tps.some((t) => t.direction === 'out' && t.at >= raw - s.reorderLeadDays * DAY_MS && t.at > lastOrder.at);
    if (!asked) {
      drafts.push({ key: `reorder:${lastOrder.id}`, action: 'reorder-reminder', channel: ownedFirst(lastOrder.channel), raw, priority: 1, follows: follows(lastOrder), intervalDays: interval });
    }
  }

  if (!ownedKnown.length && (buyer.platformIds.length || tps.length)) {
    const first = tps.find((t) => t.direction === 'in') ?? tps[0];
    const channel = first?.channel ?? channelOfPlatform(buyer.platformIds[0]?.platform ?? '') ?? 'other';
    drafts.push({
      key: 'own-channel',
      action: 'get-own-channel',
      channel,
      raw: (first?.at ?? buyer.createdAt) + s.replyDueHours * HOUR_MS,
      priority: 2,
      follows: first ? follows(first) : { type: 'buyer', id: buyer.id, kind: null, channel: null, at: buyer.createdAt, subject: null },
    });
  }

  const states = new Map((history.states ?? []).map((x) => [x.key, x]));
  const alive = (d: Draft) => !states.get(d.key)?.dismissed;
  if (!drafts.some((d) => alive(d) && d.action !== 'get-own-channel')) {
    // Nothing in flight (or what was, dismissed): a buyer silent for dormantDays is due a re-engagement.
    const since = last?.at ?? buyer.createdAt;
    drafts.push({
      key: `re-engage:${last?.id ?? 'created'}`,
      action: 're-engage',
      channel: ownedFirst(last?.channel ?? null),
      raw: since + s.dormantDays * DAY_MS,
      priority: 3,
      follows: last ? follows(last) : { type: 'buyer', id: buyer.id, kind: null, channel: null, at: buyer.createdAt, subject: null },
    });
  }

  const { window, buyerZone } = buyerWindow(buyer, s);
  const out: NextStep[] = [];
  for (const d of drafts) {
    const st = states.get(d.key);
    if (st?.dismissed) continue;
    const snoozedUntil = st?.snoozedUntil ?? null;
    const snoozed = snoozedUntil != null && snoozedUntil > d.raw;
    out.push({
      key: d.key,
      buyerId: buyer.id,
      action: d.action,
      channel: d.channel,
      dueAt: placeInWorkingHours(snoozed ? snoozedUntil : d.raw, window),
      priority: d.priority,
      urgentAt: d.urgentAt ?? null,
      follows: d.follows,
      attempt: d.attempt ?? null,
      intervalDays: d.intervalDays ?? null,
      buyerTimeZone: buyerZone,
      snoozed,
    });
  }
  return out.sort(compareSteps);
}

/** Due time first, then priority, then a stable key order. */
export function compareSteps(a: NextStep, b: NextStep): number {
  return a.dueAt - b.dueAt || a.priority - b.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The time the buyer's earliest step is due; null when nothing is. */
export function nextDueOf(steps: readonly NextStep[]): number | null {
  return steps.length ? Math.min(...steps.map((x) => x.dueAt)) : null;
}
