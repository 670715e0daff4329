import { expect, test } from 'vitest';
import { freshDb } from './helpers';
import { bulkPutBuyers, searchBuyers, listBuyers, findLikelyDuplicates, findBuyersByIdentity } from '../../../storage/buyers-repo';
import type { Buyer } from '../../../storage/schema';

const first = ['Jonas','Anna','Mohammed','Ahmed','Maria','John','Li','Wei','Carlos','Fatima','Olga','Hiro','Pierre','Sara','Ali'];
const last = ['Becker','Smith','Garcia','Khan','Wang','Zhang','Rossi','Müller','Dubois','Silva','Tanaka','Ivanov','Nguyen','Kim','Haddad'];
const words = ['Trading','Import','Export','Industrial','Home','Tech','Global','Supply','Textile','Electronics','Furniture','Auto','Parts','Foods','Solar'];
const cn = ['深圳','华强','电子','贸易','科技','进出口','家居','机械','上海','广州'];
test('perf', async () => {
  const db = freshDb();
  const N = Number(process.env.N ?? 100000);
  let r = 12345;
  const rnd = (n: number) => { r = (r * 1103515245 + 12345) % 2147483648; return r % n; };
  const buyers: Buyer[] = [];
  for (let i = 0; i < N; i++) {
    const isCn = rnd(5) === 0;
    const name = isCn ? cn[rnd(10)]!.slice(0,1) + cn[rnd(10)] : `${first[rnd(15)]} ${last[rnd(15)]}`;
    const company = isCn ? cn[rnd(10)]! + cn[rnd(10)] + cn[rnd(10)] + '有限公司' : `${last[rnd(15)]} ${words[rnd(15)]} ${words[rnd(15)]} ${i} Ltd`;
    const phone = '+49' + String(1500000000 + rnd(99999999));
    buyers.push({ id: 'b' + i, name, company, country: 'DE', emails: [`user${i}@${last[rnd(15)]!.toLowerCase().replace('ü','u')}${i%1000}.com`], phones: [phone], whatsapp: rnd(2) ? phone : null, wechat: rnd(3) ? null : 'wx_' + i, linkedin: null, website: null, platformIds: [{platform: 'alibaba', id: String(2215408763921 + i)}], tags: rnd(3) ? [] : ['vip'], stage: 'new', notes: '', createdAt: 1, updatedAt: 1 + i, lastContactAt: rnd(2) ? 1000 + i : null });
  }
  let t = performance.now();
  for (let i = 0; i < N; i += 5000) await bulkPutBuyers(buyers.slice(i, i + 5000), db);
  console.log('insert', N, performance.now() - t);
  const queries = ['becker', 'jonas becker', 'user5123', 'user5123@', '1234', '+49 15', '华强', '深圳华强电子', 'vip', 'wx_777', 'm', 'mohammed kh', '2215408763', 'zzzz'];
  for (const q of queries) {
    const times: number[] = [];
    let n = 0;
    for (let k = 0; k < 5; k++) { t = performance.now(); n = (await searchBuyers(q, 50, db)).length; times.push(performance.now() - t); }
    console.log(q, n, times.map(x => x.toFixed(1)).join(' '));
  }
  t = performance.now(); const l = await listBuyers({ offset: 500, limit: 50 }, db); console.log('list', l.total, performance.now() - t);
  t = performance.now(); const l2 = await listBuyers({ tag: 'vip', limit: 50 }, db); console.log('list tag', l2.total, performance.now() - t);
  t = performance.now(); const l3 = await listBuyers({ stage: 'new', limit: 50 }, db); console.log('list stage', l3.total, performance.now() - t);
  t = performance.now(); const d = await findLikelyDuplicates({ name: 'Jonas Beker', company: 'Becker Trading Import 5 GmbH' }, 5, db); console.log('dups', d.length, performance.now() - t);
  t = performance.now(); const d2 = await findLikelyDuplicates({ name: '深华强', company: null }, 5, db); console.log('dups cn', d2.length, performance.now() - t);
  t = performance.now(); const f = await findBuyersByIdentity({ emails: ['user77@x.com'], phones: ['+491500000077'], whatsapp: null, wechat: 'WX_77', linkedin: null, platformIds: [{platform:'alibaba', id: '2215408763998'}] }, db); console.log('ident', f.length, performance.now() - t);
  expect(true).toBe(true);
}, 600000);
