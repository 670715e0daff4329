/**
 * The next-step rules (lib/next-steps), table-driven with a fixed clock. The seller works in
 * Shanghai (UTC+8); buyers sit in New York (UTC-5, UTC-4 in summer), Riyadh (Friday–Saturday
 * weekend), Berlin, or nowhere known. 2026-11-18 is a Wednesday; US daylight saving ends on
 * 2026-11-01 and starts on 2026-03-08.
 */
import { describe, expect, test } from 'vitest';
import { nextSteps, nextDueOf, DONE_KIND } from '../../../lib/next-steps/rules';
import { DEFAULT_NEXT_STEP_SETTINGS, nextStepSettingsSchema, type NextStepSettings } from '../../../lib/next-steps/settings';
import { localParts, placeInWorkingHours } from '../../../lib/next-steps/working-hours';
import { reorderIntervalDays } from '../../../lib/next-steps/reorder';
import { zoneForCountry, weekendForCountry } from '../../../lib/next-steps/zones';
import type { NextStep, StepBuyer, StepHistory, StepTouchpoint } from '../../../lib/next-steps/types';

const Z = (iso: string) => Date.parse(iso);
const DAY = 24 * 3600 * 1000;
const settings: NextStepSettings = { ...DEFAULT_NEXT_STEP_SETTINGS, sellerTimeZone: 'Asia/Shanghai' };

const buyer = (over: Partial<StepBuyer> = {}): StepBuyer => ({
  id: 'b1',
  name: 'Mike Turner',
  company: 'Turner Supply LLC',
  country: 'US',
  emails: ['mike@turner.example'],
  phones: [],
  whatsapp: '+12125550100',
  wechat: null,
  linkedin: null,
  platformIds: [{ platform: 'alibaba', id: '77' }],
  stage: 'new',
  createdAt: Z('2026-01-01T00:00:00Z'),
  ...over,
});

let seq = 0;
const tp = (at: string, kind: StepTouchpoint['kind'], direction: 'in' | 'out', channel: StepTouchpoint['channel'] = 'email', inquiryId: string | null = null): StepTouchpoint => ({
  id: `t${String(seq++).padStart(3, '0')}`,
  at: Z(at),
  kind,
  direction,
  channel,
  inquiryId,
});
const inquiry = (at: string) => tp(at, 'inquiry', 'in', 'alibaba', 'inq-1');
const history = (touchpoints: StepTouchpoint[], states: StepHistory['states'] = []): StepHistory => ({
  touchpoints,
  inquiries: [{ id: 'inq-1', platform: 'alibaba', subject: 'Brass ball valves DN20', productTitle: null, receivedAt: null, capturedAt: 0 }],
  states,
});
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const only = (steps: NextStep[], action: NextStep['action']) => {
  const found = steps.filter((s) => s.action === action);
  expect(found, `${action} in ${steps.map((s) => s.action).join(', ')}`).toHaveLength(1);
  return found[0]!;
};

describe('time: due times land in the buyer\'s working hours', () => {
  // An inquiry with no reply: due 24 hours later, moved to the buyer's next working hour.
  const cases: { name: string; country: string | null; inquiryAt: string; due: string; zone: string | null }[] = [
    { name: 'New York buyer, seller in Shanghai: inside hours stays', country: 'US', inquiryAt: '2026-11-17T14:00:00Z', due: '2026-11-18T14:00:00Z', zone: 'America/New_York' },
    { name: 'New York, after hours: the next morning 09:00 EST', country: 'US', inquiryAt: '2026-11-17T01:00:00Z', due: '2026-11-18T14:00:00Z', zone: 'America/New_York' },
    { name: 'New York, due on Saturday: Monday 09:00', country: 'US', inquiryAt: '2026-11-20T20:00:00Z', due: '2026-11-23T14:00:00Z', zone: 'America/New_York' },
    { name: 'daylight saving ends over the weekend: Monday 09:00 EST, not EDT', country: 'US', inquiryAt: '2026-10-30T20:00:00Z', due: '2026-11-02T14:00:00Z', zone: 'America/New_York' },
    { name: 'daylight saving starts over the weekend: Monday 09:00 EDT', country: 'US', inquiryAt: '2026-03-06T20:00:00Z', due: '2026-03-09T13:00:00Z', zone: 'America/New_York' },
    { name: 'no country: the seller\'s zone and hours (Thursday 09:00 Shanghai)', country: null, inquiryAt: '2026-11-17T14:00:00Z', due: '2026-11-19T01:00:00Z', zone: null },
    { name: 'Saudi Arabia: Friday and Saturday off, Sunday 09:00 Riyadh', country: 'SA', inquiryAt: '2026-11-19T12:00:00Z', due: '2026-11-22T06:00:00Z', zone: 'Asia/Riyadh' },
    { name: 'Germany the same day: Friday is a working day', country: 'DE', inquiryAt: '2026-11-19T12:00:00Z', due: '2026-11-20T12:00:00Z', zone: 'Europe/Berlin' },
    { name: 'Saudi Arabia, due Thursday: a working day there', country: 'SA', inquiryAt: '2026-11-18T12:00:00Z', due: '2026-11-19T12:00:00Z', zone: 'Asia/Riyadh' },
  ];
  test.each(cases)('$name', ({ country, inquiryAt, due, zone }) => {
    const steps = nextSteps(buyer({ country }), history([inquiry(inquiryAt)]), Z(inquiryAt) + 3600_000, settings);
    const reply = only(steps, 'reply');
    expect(iso(reply.dueAt)).toBe(due);
    expect(reply.buyerTimeZone).toBe(zone);
  });

  test('every due time of every rule falls inside the working window', () => {
    const zones = ['America/New_York', 'Asia/Riyadh', 'Asia/Shanghai', 'Australia/Sydney'];
    for (const zone of zones) {
      for (let t = Z('2026-03-01T00:00:00Z'); t < Z('2026-04-15T00:00:00Z'); t += 7 * 3600_000) {
        const weekend = zone === 'Asia/Riyadh' ? [5, 6] : [6, 0];
        const placed = placeInWorkingHours(t, { zone, start: 540, end: 1080, weekend });
        const p = localParts(placed, zone);
        expect(placed).toBeGreaterThanOrEqual(t);
        expect(weekend).not.toContain(p.weekday);
        expect(p.hour * 60 + p.minute).toBeGreaterThanOrEqual(540);
        expect(p.hour * 60 + p.minute).toBeLessThan(1080);
      }
    }
  });

  test('a per-buyer override of zone and hours wins over the country', () => {
    const s = nextStepSettingsSchema.parse({ ...settings, buyerHours: { b1: { timeZone: 'America/Los_Angeles', start: '10:00', end: '16:00' } } });
    const reply = only(nextSteps(buyer(), history([inquiry('2026-11-17T14:00:00Z')]), Z('2026-11-17T15:00:00Z'), s), 'reply');
    // Wed 06:00 in Los Angeles -> Wed 10:00 PST = 18:00Z.
    expect(iso(reply.dueAt)).toBe('2026-11-18T18:00:00Z');
    expect(reply.buyerTimeZone).toBe('America/Los_Angeles');
  });

  test('country zones and weekends', () => {
    expect(zoneForCountry('US')).toBe('America/New_York');
    expect(zoneForCountry('VN')).toBe('Asia/Ho_Chi_Minh');
    expect(zoneForCountry(null)).toBeNull();
    expect(zoneForCountry('ZZ')).toBeNull();
    expect(weekendForCountry('SA')).toEqual([5, 6]);
    expect(weekendForCountry('AE')).toEqual([6, 0]); // the UAE moved to Saturday–Sunday in 2022
    expect(weekendForCountry('DE')).toEqual([6, 0]);
  });
});

describe('rules', () => {
  test('a new inquiry with no reply: reply within a day, urgent after 12 hours, on a channel the seller owns', () => {
    const inq = inquiry('2026-11-17T14:00:00Z');
    const early = only(nextSteps(buyer(), history([inq]), Z('2026-11-17T20:00:00Z'), settings), 'reply');
    expect(early).toMatchObject({ priority: 1, channel: 'email', follows: { type: 'inquiry', id: 'inq-1', subject: 'Brass ball valves DN20' } });
    const late = only(nextSteps(buyer(), history([inq]), Z('2026-11-18T02:00:00Z'), settings), 'reply');
    expect(late.priority).toBe(0);
    // Intervals come from settings.
    const s = { ...settings, replyDueHours: 4 };
    expect(iso(only(nextSteps(buyer(), history([inq]), Z('2026-11-17T15:00:00Z'), s), 'reply').dueAt)).toBe('2026-11-17T18:00:00Z');
  });

  test('a reply and no answer: follow up after 2, 5 and 10 days, another channel from the second on, then re-engage', () => {
    const inq = inquiry('2026-11-02T14:00:00Z');
    const reply = tp('2026-11-02T15:00:00Z', 'first-reply', 'out', 'email');
    const now = Z('2026-11-03T00:00:00Z');
    const f1 = only(nextSteps(buyer(), history([inq, reply]), now, settings), 'follow-up-reply');
    expect(f1).toMatchObject({ attempt: 1, channel: 'email', priority: 2, follows: { type: 'touchpoint', id: reply.id, kind: 'first-reply' } });
    expect(iso(f1.dueAt)).toBe('2026-11-04T15:00:00Z');
    const fu1 = tp('2026-11-04T15:00:00Z', 'follow-up', 'out', 'email');
    const f2 = only(nextSteps(buyer(), history([inq, reply, fu1]), now, settings), 'follow-up-reply');
    expect(f2).toMatchObject({ attempt: 2, channel: 'whatsapp' });
    expect(iso(f2.dueAt)).toBe('2026-11-09T14:00:00Z'); // day 5 is Saturday the 7th: Monday 09:00
    const fu2 = tp('2026-11-09T14:00:00Z', 'follow-up', 'out', 'whatsapp');
    const f3 = only(nextSteps(buyer(), history([inq, reply, fu1, fu2]), now, settings), 'follow-up-reply');
    expect(f3).toMatchObject({ attempt: 3, channel: 'email' });
    expect(iso(f3.dueAt)).toBe('2026-11-12T15:00:00Z');
    const fu3 = tp('2026-11-12T15:00:00Z', 'follow-up', 'out', 'email');
    const steps = nextSteps(buyer(), history([inq, reply, fu1, fu2, fu3]), now, settings);
    expect(steps.map((s) => s.action)).toEqual(['re-engage']);
    expect(steps[0]!.dueAt).toBeGreaterThanOrEqual(fu3.at + 60 * DAY);
    // An answer from the buyer ends the chain: a reply is due again.
    const answer = tp('2026-11-05T10:00:00Z', 'price-negotiation', 'in', 'whatsapp');
    expect(nextSteps(buyer(), history([inq, reply, answer]), now, settings).map((s) => s.action)).toEqual(['reply']);
  });

  test('a quote and no answer: follow up after 3, 7 and 14 days, then propose dormant', () => {
    const q = tp('2026-11-02T15:00:00Z', 'quote-sent', 'out', 'email');
    const base = [inquiry('2026-11-02T14:00:00Z'), tp('2026-11-02T14:30:00Z', 'first-reply', 'out'), tp('2026-11-02T14:40:00Z', 'price-negotiation', 'in'), q];
    const now = Z('2026-11-03T00:00:00Z');
    const expected = ['2026-11-05T15:00:00Z', '2026-11-09T15:00:00Z', '2026-11-16T15:00:00Z'];
    const sent: StepTouchpoint[] = [];
    for (let n = 0; n < 3; n++) {
      const step = only(nextSteps(buyer(), history([...base, ...sent]), now, settings), 'follow-up-quote');
      expect(step).toMatchObject({ attempt: n + 1, priority: 1, follows: { id: q.id, kind: 'quote-sent' } });
      expect(iso(step.dueAt)).toBe(expected[n]);
      sent.push({ ...tp(expected[n]!, 'follow-up', 'out', step.channel) });
    }
    const dormant = only(nextSteps(buyer(), history([...base, ...sent]), now, settings), 'propose-dormant');
    expect(iso(dormant.dueAt)).toBe('2026-11-23T15:00:00Z');
    expect(DONE_KIND['propose-dormant']).toBeNull();
    // Dismissed: the buyer falls back to re-engagement after the dormant period.
    const after = nextSteps(buyer(), history([...base, ...sent], [{ key: dormant.key, dismissed: true }]), now, settings);
    expect(after.map((s) => s.action)).toEqual(['re-engage']);
  });

  test('a sample: ask whether it arrived after the transit time, then ask for feedback', () => {
    const sample = tp('2026-11-02T15:00:00Z', 'sample-sent', 'out', 'email');
    const now = Z('2026-11-03T00:00:00Z');
    const arrived = only(nextSteps(buyer(), history([sample]), now, settings), 'ask-sample-arrived');
    expect(iso(arrived.dueAt)).toBe('2026-11-09T15:00:00Z');
    const asked = tp('2026-11-09T15:00:00Z', 'follow-up', 'out', 'email');
    const feedback = only(nextSteps(buyer(), history([sample, asked]), now, settings), 'ask-sample-feedback');
    expect(iso(feedback.dueAt)).toBe('2026-11-16T14:00:00Z'); // Saturday 14th -> Monday 09:00
    // The buyer says it arrived: feedback is asked a few days after.
    const got = tp('2026-11-06T15:00:00Z', 'sample-received', 'in', 'whatsapp');
    const fb = only(nextSteps(buyer(), history([sample, got]), now, settings), 'ask-sample-feedback');
    expect(iso(fb.dueAt)).toBe('2026-11-11T15:00:00Z');
    expect(fb.follows.id).toBe(got.id);
    // Longer transit, from settings.
    expect(iso(only(nextSteps(buyer(), history([sample]), now, { ...settings, sampleTransitDays: 14 }), 'ask-sample-arrived').dueAt)).toBe('2026-11-16T15:00:00Z');
  });

  test('an order: a shipping update, then feedback after delivery, then a reorder reminder', () => {
    const order = tp('2026-06-01T15:00:00Z', 'order', 'in', 'email');
    const now = Z('2026-06-02T00:00:00Z');
    const steps = nextSteps(buyer({ stage: 'ordered' }), history([order]), now, settings);
    expect(iso(only(steps, 'shipping-update').dueAt)).toBe('2026-06-08T15:00:00Z');
    const reorder = only(steps, 'reorder-reminder');
    expect(reorder.intervalDays).toBe(90);
    expect(iso(reorder.dueAt)).toBe('2026-08-17T13:00:00Z'); // 76 days after, a Sunday -> Monday 09:00 EDT
    const update = tp('2026-06-08T13:00:00Z', 'follow-up', 'out', 'email');
    const fb = only(nextSteps(buyer({ stage: 'ordered' }), history([order, update]), now, settings), 'ask-order-feedback');
    expect(iso(fb.dueAt)).toBe('2026-07-06T15:00:00Z');
  });

  test('a repeat customer: the reorder reminder learns the gaps between their own orders', () => {
    expect(reorderIntervalDays([Z('2026-01-01T00:00:00Z')], 90)).toBe(90);
    expect(reorderIntervalDays([Z('2026-01-01T00:00:00Z'), Z('2026-03-02T00:00:00Z')], 90)).toBe(60);
    // A PO and its confirmation three days apart are one order; the median resists one odd gap.
    const times = ['2026-01-01', '2026-01-04', '2026-01-31', '2026-03-02', '2026-06-30'].map((d) => Z(`${d}T00:00:00Z`));
    expect(reorderIntervalDays(times, 90)).toBe(30);
    const orders = ['2026-01-05', '2026-02-04', '2026-03-06'].map((d) => tp(`${d}T15:00:00Z`, 'order', 'in', 'email'));
    const feedback = tp('2026-03-07T15:00:00Z', 'follow-up', 'out', 'email');
    const steps = nextSteps(buyer({ stage: 'repeat' }), history([...orders, feedback]), Z('2026-03-08T00:00:00Z'), { ...settings, orderDeliveryDays: 1 });
    const r = only(steps, 'reorder-reminder');
    expect(r.intervalDays).toBe(30);
    // 30 days after the last order, 14 days early at most half the interval: 15 days, Saturday -> Monday.
    expect(iso(r.dueAt)).toBe('2026-03-23T13:00:00Z');
    expect(r.follows.id).toBe(orders[2]!.id);
  });

  test('no contact for 60 days: re-engage', () => {
    const last = tp('2026-09-01T15:00:00Z', 'follow-up', 'out', 'email');
    const old = [inquiry('2026-08-01T15:00:00Z'), tp('2026-08-01T16:00:00Z', 'first-reply', 'out'), tp('2026-08-03T15:00:00Z', 'follow-up', 'out'), tp('2026-08-06T15:00:00Z', 'follow-up', 'out'), last];
    const steps = nextSteps(buyer(), history(old), Z('2026-11-18T00:00:00Z'), settings);
    const r = only(steps, 're-engage');
    expect(iso(r.dueAt)).toBe('2026-11-02T14:00:00Z'); // 60 days is Saturday the 31st: Monday 09:00 EST
    expect(r).toMatchObject({ priority: 3, follows: { id: last.id } });
    // A buyer entered by hand with no contact yet: 60 days after they were added.
    const fresh = nextSteps(buyer({ platformIds: [], createdAt: Z('2026-11-02T15:00:00Z') }), history([]), Z('2026-11-03T00:00:00Z'), settings);
    expect(fresh.map((s) => [s.action, iso(s.dueAt)])).toEqual([['re-engage', '2027-01-01T15:00:00Z']]);
  });

  test('a buyer reachable only through a platform: get a channel the seller owns', () => {
    const platformOnly = buyer({ emails: [], whatsapp: null, phones: [] });
    const steps = nextSteps(platformOnly, history([inquiry('2026-11-17T14:00:00Z')]), Z('2026-11-17T15:00:00Z'), settings);
    expect(only(steps, 'get-own-channel')).toMatchObject({ channel: 'alibaba', priority: 2, follows: { type: 'inquiry', id: 'inq-1' } });
    expect(only(steps, 'reply').channel).toBe('alibaba'); // nothing the seller owns to reply on
    // A WeChat id is enough.
    expect(nextSteps({ ...platformOnly, wechat: 'mike_t' }, history([inquiry('2026-11-17T14:00:00Z')]), Z('2026-11-17T15:00:00Z'), settings).map((s) => s.action)).toEqual(['reply']);
  });

  test('snooze moves a step, dismiss removes it, a lost buyer has none, notes move nothing', () => {
    const inq = inquiry('2026-11-17T14:00:00Z');
    const now = Z('2026-11-17T15:00:00Z');
    const [step] = nextSteps(buyer(), history([inq]), now, settings);
    const snoozed = nextSteps(buyer(), history([inq], [{ key: step!.key, snoozedUntil: Z('2026-11-21T00:00:00Z') }]), now, settings);
    expect(snoozed[0]).toMatchObject({ action: 'reply', snoozed: true });
    expect(iso(snoozed[0]!.dueAt)).toBe('2026-11-23T14:00:00Z'); // snoozed into a weekend: Monday
    const dismissed = nextSteps(buyer(), history([inq], [{ key: step!.key, dismissed: true }]), now, settings);
    expect(dismissed.map((s) => s.action)).toEqual(['re-engage']);
    expect(nextSteps(buyer({ stage: 'lost' }), history([inq]), now, settings)).toEqual([]);
    const note = tp('2026-11-17T16:00:00Z', 'note', 'out');
    expect(nextSteps(buyer(), history([inq, note]), now, settings).map((s) => s.key)).toEqual([step!.key]);
  });

  test('steps are sorted by due time then priority; nextDueOf is the earliest', () => {
    const platformOnly = buyer({ emails: [], whatsapp: null });
    const steps = nextSteps(platformOnly, history([inquiry('2026-11-17T14:00:00Z')]), Z('2026-11-17T15:00:00Z'), settings);
    expect(steps.map((s) => s.action)).toEqual(['reply', 'get-own-channel']); // same time: priority 1 before 2
    expect(nextDueOf(steps)).toBe(steps[0]!.dueAt);
    expect(nextDueOf([])).toBeNull();
  });

  test('old settings rows parse with every default', () => {
    expect(nextStepSettingsSchema.parse({})).toEqual(DEFAULT_NEXT_STEP_SETTINGS);
    expect(nextStepSettingsSchema.parse({ quoteFollowUpDays: [2, 4] }).quoteFollowUpDays).toEqual([2, 4]);
    expect(DEFAULT_NEXT_STEP_SETTINGS).toMatchObject({ workStart: '09:00', workEnd: '18:00', replyFollowUpDays: [2, 5, 10], quoteFollowUpDays: [3, 7, 14], sampleTransitDays: 7, reorderDefaultDays: 90, dormantDays: 60, reminder: { enabled: false } });
  });
});

describe('daily reminder time', () => {
  test('today when still ahead, else tomorrow, in the seller\'s zone across daylight saving', async () => {
    const { nextReminderAt } = await import('../../../lib/next-steps/reminder');
    expect(iso(nextReminderAt(Z('2026-11-18T00:30:00Z'), '09:00', 'Asia/Shanghai'))).toBe('2026-11-18T01:00:00Z');
    expect(iso(nextReminderAt(Z('2026-11-18T01:00:00Z'), '09:00', 'Asia/Shanghai'))).toBe('2026-11-19T01:00:00Z');
    // New York, the evening before daylight saving ends: 09:00 EST the next morning.
    expect(iso(nextReminderAt(Z('2026-10-31T23:00:00Z'), '09:00', 'America/New_York'))).toBe('2026-11-01T14:00:00Z');
  });
});
