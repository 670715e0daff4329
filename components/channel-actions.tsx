/**
 * Every channel the seller has with the buyer, each with copy and, where there is one, open:
 * mailto:, a wa.me chat, the LinkedIn profile, the website. Links come only from
 * lib/channel-links.ts (a value it does not accept gets "copy" alone), open in a new tab and
 * never pass the panel's address on.
 */
import { useState } from 'react';
import type { Buyer } from '../storage/schema';
import { emailHref, linkedinHref, websiteHref, whatsappHref } from '../lib/channel-links';
import { t, type MessageKey } from '../lib/i18n';

interface Row {
  key: string;
  label: MessageKey;
  value: string;
  href: string | null;
  open: MessageKey;
}

function rowsOf(b: Buyer): Row[] {
  return [
    ...b.emails.map((e) => ({ key: `email:${e}`, label: 'channelEmail' as const, value: e, href: emailHref(e), open: 'openEmail' as const })),
    ...(b.whatsapp ? [{ key: 'whatsapp', label: 'channelWhatsapp' as const, value: b.whatsapp, href: whatsappHref(b.whatsapp), open: 'openChat' as const }] : []),
    ...(b.wechat ? [{ key: 'wechat', label: 'channelWechat' as const, value: b.wechat, href: null, open: 'openLink' as const }] : []),
    ...b.phones.map((p) => ({ key: `phone:${p}`, label: 'channelPhone' as const, value: p, href: null, open: 'openLink' as const })),
    ...(b.linkedin ? [{ key: 'linkedin', label: 'channelLinkedin' as const, value: b.linkedin, href: linkedinHref(b.linkedin), open: 'openLink' as const }] : []),
    ...(b.website ? [{ key: 'website', label: 'channelWebsite' as const, value: b.website, href: websiteHref(b.website), open: 'openLink' as const }] : []),
  ];
}

function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2_000);
  };
  return (
    <button type="button" className="chip" data-testid="copy" aria-label={t('copyWhat', label)} onClick={() => void copy()}>
      {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copy')}
    </button>
  );
}

export function ChannelActions({ buyer }: { buyer: Buyer }) {
  const rows = rowsOf(buyer);
  if (!rows.length) return <p className="muted" data-testid="channels-empty">{t('channelsEmpty')}</p>;
  return (
    <ul className="channels plain" data-testid="channels">
      {rows.map((r) => (
        <li key={r.key} className="channel" data-testid={`channel-${r.key.split(':')[0]}`}>
          <span className="label">{t(r.label)}</span> <span className="value">{r.value}</span>{' '}
          {r.href ? (
            <a className="chip" href={r.href} target="_blank" rel="noopener noreferrer" data-testid="open-channel">
              {t(r.open)}
            </a>
          ) : null}{' '}
          <CopyButton value={r.value} label={`${t(r.label)} ${r.value}`} />
        </li>
      ))}
    </ul>
  );
}
