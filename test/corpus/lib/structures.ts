/**
 * The shapes a support text takes: emails, chats, web forms, exports, quoted replies, notes,
 * logs, pasted configs. Each structure is written once and phrased by the language's phrase
 * book, so every language gets every structure and a detector tuned to one wording of one
 * template does not win.
 */
import type { Doc } from './doc.ts';
import type { Phrases } from './phrases/types.ts';
import type { Rng } from './random.ts';
import type { Locale } from './values.ts';

/** What a structure builds with. */
export interface Ctx {
  d: Doc;
  P: Phrases;
  rng: Rng;
  loc: Locale;
  /** Picks a template from a pool. */
  pick(key: PoolKey): string;
  /** Writes one template from a pool as a line (skips empty ones). */
  say(key: PoolKey, prefix?: string): void;
}

export type PoolKey = {
  [K in keyof Phrases]: Phrases[K] extends string[] ? K : never;
}[keyof Phrases];

export interface Structure {
  id: string;
  /** Relative frequency. */
  weight: number;
  build(c: Ctx): void;
}

const L = (c: Ctx) => c.P.lbl;

/** The same short phrase in the ticket's language. */
function tr(c: Ctx, en: string, de: string, fr: string, es: string): string {
  return c.loc === 'de' ? de : c.loc === 'fr' ? fr : c.loc === 'es' ? es : en;
}

/** A customer's sign-off in one of many shapes. */
function signOff(c: Ctx): void {
  const { d, rng } = c;
  const kind = rng.weighted(
    ['full', 'first', 'fullPhone', 'block', 'initial', 'lower', 'title', 'none'],
    [30, 22, 12, 12, 6, 5, 6, 7],
  );
  if (kind !== 'block' && kind !== 'none') c.say('closing');
  switch (kind) {
    case 'full':
      d.line('{{full}}');
      break;
    case 'first':
      d.line('{{first}}');
      break;
    case 'fullPhone':
      d.line('{{full}}');
      d.line(rng.pick(['{{phone}}', 'Tel. {{phone}}', 'M: {{phone}}']));
      break;
    case 'block':
      c.say('closing');
      d.line('--');
      d.line('{{full}}');
      if (rng.chance(0.5)) d.line('{{company}}');
      d.line(`${rng.pick(['T', 'Tel', 'Mob', 'Phone'])}: {{phone}}`);
      if (rng.chance(0.6)) d.line('{{email}}');
      break;
    case 'initial':
      d.line('{{initlast}}');
      break;
    case 'lower':
      d.line('{{first:lower}}');
      break;
    case 'title':
      d.line('{{title}} {{full}}');
      break;
    default:
      break;
  }
}

/** An agent's sign-off. */
function agentSign(c: Ctx, prefix = ''): void {
  const { d, rng } = c;
  c.say('closing', prefix);
  d.line(rng.chance(0.6) ? '{{agent}}' : '{{agent_first}}', prefix);
  if (rng.chance(0.7)) c.say('agentTeam', prefix);
}

/** Some of the optional details a customer adds, in a random order. */
function extras(c: Ctx, pools: PoolKey[], n: number): void {
  for (const key of c.rng.shuffle(pools).slice(0, n)) c.say(key);
}

function clockSeq(rng: Rng): () => string {
  let m = rng.int(8 * 60, 17 * 60);
  return () => {
    m += rng.int(0, 3);
    return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  };
}

const isoStamp = (rng: Rng, base: number) => {
  const t = new Date(Date.UTC(2025, 2, 1) + base * 1000);
  return t.toISOString().replace('.000', '');
};

export const STRUCTURES: Structure[] = [
  {
    id: 'email-order-issue',
    weight: 4,
    build(c) {
      c.say('hello');
      c.d.line();
      if (c.rng.chance(0.6)) c.say('intro');
      c.say('problem');
      c.say('urgency');
      c.say('ask');
      if (c.rng.chance(0.7)) c.say('contact');
      if (c.rng.chance(0.35))
        extras(c, ['dob', 'card', 'iban', 'govid', 'addressLine', 'passport'], 1);
      c.d.line();
      signOff(c);
    },
  },
  {
    id: 'email-signature-block',
    weight: 3,
    build(c) {
      const { d } = c;
      c.say('hello');
      d.line();
      c.say('problem');
      c.say('ask');
      c.say('thanks');
      d.line();
      c.say('closing');
      d.line('{{full}}');
      d.line('{{address_ml}}');
      d.line(`${L(c).phone}: {{phone}}`);
      d.line('{{email}}');
    },
  },
  {
    id: 'web-form',
    weight: 4,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      if (rng.chance(0.5)) {
        d.line(`${l.firstName}: {{first}}`);
        d.line(`${l.lastName}: {{last}}`);
      } else d.line(`${l.name}: {{full}}`);
      d.line(`${l.email}: {{email}}`);
      d.line(`${l.phone}: {{phone}}`);
      if (rng.chance(0.5)) d.line(`${l.order}: {{order}}`);
      d.line(`${l.subject}: ${rng.pick(c.P.subjects)}`);
      d.line(`${l.message}:`);
      d.t(c.pick('problem')).raw(' ').line(c.pick('ask'));
    },
  },
  {
    id: 'chat-transcript',
    weight: 4,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      const t = clockSeq(rng);
      const A = `${l.agent} ({{agent_first}})`;
      const C = rng.chance(0.5) ? l.customer : '{{first}}';
      d.line(
        `[${t()}] ${A}: ${c
          .pick('helloCustomer')
          .replace(/\{\{title\}\} \{\{last\}\}/g, '{{first}}')
          .replace(/\{\{(last|full)\}\}/g, '{{first}}')}`,
      );
      d.line(`[${t()}] ${C}: ${c.pick('problem')}`);
      d.line(`[${t()}] ${A}: ${c.pick('agentAsk')}`);
      d.line(`[${t()}] ${C}: {{full}}, {{email}}`);
      if (rng.chance(0.6)) d.line(`[${t()}] ${C}: ${c.pick('phoneOnly')}`);
      d.line(`[${t()}] ${A}: ${c.pick('agentReply')}`);
      d.line(`[${t()}] ${C}: ${c.pick('chatCustomer')}`);
      d.line(`[${t()}] ${A}: ${c.pick('agentClose')}`);
    },
  },
  {
    id: 'quoted-reply',
    weight: 4,
    build(c) {
      const { d, rng } = c;
      c.say('helloAgent');
      d.line();
      d.line(
        rng.pick([c.pick('addressLine'), c.pick('phoneOnly'), c.pick('dob'), c.pick('contact')]),
      );
      c.say('thanks');
      d.line('{{first}}');
      d.line();
      d.line(c.pick('wrote'));
      const q = '> ';
      d.line(c.pick('helloCustomer'), q);
      d.line('', '>');
      d.line(c.pick('agentReply'), q);
      d.line(c.pick('agentAsk'), q);
      d.line('', '>');
      agentSign(c, q);
    },
  },
  {
    id: 'forwarded-email',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      d.line(
        rng.pick([
          'FYI',
          '',
          tr(c, 'fyi, see below', 'siehe unten', 'voir ci-dessous', 'ver abajo'),
          tr(
            c,
            'Please handle, thanks.',
            'Bitte übernehmen, danke.',
            'Merci de traiter.',
            'Por favor, encárgate.',
          ),
        ]),
      );
      d.line();
      d.line(c.P.forwarded);
      d.line(`${l.from}: {{full}} <{{email}}>`);
      d.line(`${l.sent}: {{date}}, {{time}}`);
      d.line(`${l.subject}: ${rng.pick(c.P.subjects)}`);
      d.line(`${l.to}: {{shop}} Support`);
      d.line();
      c.say('hello');
      c.say('problem');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'csv-export',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      d.line(
        rng.pick([
          'CSV:',
          '',
          tr(
            c,
            'Affected customers (export):',
            'Betroffene Kunden (Export):',
            'Clients concernés (export) :',
            'Clientes afectados (exportación):',
          ),
        ]),
      );
      const sep = rng.pick([',', ';', '\t']);
      const withPhone = rng.chance(0.6);
      const cols = [l.name, l.email, ...(withPhone ? [l.phone] : []), l.order, l.amount];
      d.line(cols.join(sep));
      const n = rng.int(3, 6);
      for (let i = 0; i < n; i++) {
        const k = i === 0 ? '' : `#${i + 1}`;
        const parts = [
          `{{full${k}}}`,
          `{{email${k}}}`,
          ...(withPhone ? [`{{phone${k}}}`] : []),
          `{{order${k}}}`,
          `{{amount${k}}}`,
        ];
        d.line(
          parts.join(sep).replace(/\{\{amount(#\d+)?\}\}/, (m) => (sep === ',' ? `"${m}"` : m)),
        );
      }
    },
  },
  {
    id: 'markdown-table',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      c.say('problem');
      d.line();
      d.line(
        `| ${tr(c, 'Field', 'Feld', 'Champ', 'Campo')} | ${tr(c, 'Value', 'Wert', 'Valeur', 'Valor')} |`,
      );
      d.line('|---|---|');
      d.line(`| ${l.customer} | {{full}} |`);
      d.line(`| ${l.email} | {{email}} |`);
      if (rng.chance(0.7)) d.line(`| ${l.phone} | {{phone}} |`);
      d.line(`| ${l.address} | {{address}} |`);
      d.line(`| ${l.order} | {{order}} |`);
      if (rng.chance(0.3)) d.line(`| ${l.dob} | {{dob}} |`);
      d.line(`| ${l.status} | ${rng.pick(c.P.statuses)} |`);
    },
  },
  {
    id: 'call-notes',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      d.line(
        `${tr(c, 'Call log', 'Telefonnotiz', 'Compte rendu d’appel', 'Registro de llamada')} – {{date}}`,
      );
      for (const line of c.P.callNotes.slice(0, 4)) if (rng.chance(0.8)) d.line(`- ${line}`);
      d.line(`- ${c.pick('agentReply')}`);
      d.line(`- ${L(c).agent}: {{agent_first}}`);
    },
  },
  {
    id: 'refund-iban',
    weight: 4,
    build(c) {
      c.say('hello');
      c.say('problemBilling');
      c.say('iban');
      if (c.rng.chance(0.4)) c.say('emailOnly');
      signOff(c);
    },
  },
  {
    id: 'card-payment',
    weight: 4,
    build(c) {
      c.say('hello');
      c.say('problemBilling');
      c.say('card');
      c.say('ask');
      signOff(c);
    },
  },
  {
    id: 'identity-verification',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      c.say('helloAgent');
      d.line(
        tr(
          c,
          'as requested, here are my details:',
          'wie gewünscht meine Daten:',
          'comme demandé, voici mes informations :',
          'como me pidió, aquí van mis datos:',
        ),
      );
      d.line();
      d.line(`${L(c).name}: {{full}}`);
      d.line(`${L(c).dob}: {{dob}}`);
      if (c.loc === 'en_US' || rng.chance(0.5)) c.say('govid');
      extras(c, ['passport', 'dl', 'phoneOnly'], rng.int(1, 2));
      d.line();
      signOff(c);
    },
  },
  {
    id: 'address-change',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      c.say('hello');
      c.say('intro');
      c.say('addressIntro');
      d.line();
      d.line('{{address_ml}}');
      d.line();
      if (rng.chance(0.4))
        d.line(
          tr(
            c,
            '(old address: {{address#2}})',
            '(alte Adresse: {{address#2}})',
            '(ancienne adresse : {{address#2}})',
            '(dirección antigua: {{address#2}})',
          ),
        );
      c.say('thanks');
      signOff(c);
    },
  },
  {
    id: 'tech-ticket-ip',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      d.line(`${L(c).subject}: {{errcode}} – {{product}}`);
      d.line();
      c.say('problemTech');
      c.say('ip');
      if (rng.chance(0.5)) c.say('mac');
      if (rng.chance(0.5)) {
        d.line('```');
        let t = rng.int(0, 20000);
        for (let i = 0; i < rng.int(2, 4); i++) {
          t += rng.int(1, 40);
          d.line(
            `${isoStamp(rng, t)} ${rng.pick(['WARN', 'ERROR', 'INFO'])} conn from ${i === 0 ? '{{ip}}' : rng.chance(0.3) ? '{{ipv6}}' : '{{ip}}'} ${rng.pick(['timeout after 30000ms', 'TLS handshake failed', 'rate limited', 'closed by peer'])}`,
          );
        }
        d.line('```');
      }
      if (rng.chance(0.2)) c.say('jwt');
      d.line(`${L(c).email}: {{email}}`);
    },
  },
  {
    id: 'api-key-leak',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      c.say('hello');
      c.say('problemTech');
      c.say('apikey');
      if (rng.chance(0.5)) c.say('jwt');
      d.line();
      signOff(c);
    },
  },
  {
    id: 'login-password',
    weight: 3,
    build(c) {
      c.say('hello');
      c.say('problemAccount');
      c.say('password');
      c.say('emailOnly');
      signOff(c);
    },
  },
  {
    id: 'db-connection-url',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      c.say('helloAgent');
      c.say('problemTech');
      c.say('urlcred');
      d.line('```');
      d.line(`Error: connect ECONNREFUSED`);
      d.line(
        `    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:${rng.int(1000, 1700)}:${rng.int(10, 20)})`,
      );
      d.line(
        `    at Pool.connect (/srv/app/node_modules/pg-pool/index.js:${rng.int(40, 300)}:${rng.int(5, 30)})`,
      );
      d.line('```');
      signOff(c);
    },
  },
  {
    id: 'escalation-note',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      d.line(`[${tr(c, 'Internal', 'Intern', 'Interne', 'Interno')}] {{ticket}} – {{agent}}`);
      c.say('note');
      d.line(`${L(c).customer}: {{full}}`);
      if (rng.chance(0.6)) c.say('govid');
      if (rng.chance(0.5)) c.say('note');
    },
  },
  {
    id: 'delivery-complaint',
    weight: 3,
    build(c) {
      c.say('hello');
      c.say('problem');
      c.say('streetProse');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'subscription-cancel',
    weight: 2,
    build(c) {
      const { d } = c;
      c.say('hello');
      c.say('cancel');
      d.line(`${L(c).email}: {{email}}`);
      d.line(`${L(c).invoice}: {{invoice}}`);
      c.say('closing');
      d.line('{{first}}');
    },
  },
  {
    id: 'health-appointment',
    weight: 3,
    build(c) {
      const { rng } = c;
      c.say('hello');
      c.say('intro');
      if (rng.chance(0.5) || c.loc === 'es') c.say('mrn');
      if (c.loc !== 'es' && rng.chance(0.6)) c.say('health');
      c.say('dob');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'bank-transfer',
    weight: 3,
    build(c) {
      c.say('hello');
      c.say('problemBilling');
      if (c.loc === 'en_US' || c.rng.chance(0.15)) c.say('bank');
      else c.say('iban');
      signOff(c);
    },
  },
  {
    id: 'tax-document',
    weight: 3,
    build(c) {
      const { d } = c;
      c.say('hello');
      c.say('taxid');
      d.line(`${L(c).invoice}: {{invoice}}`);
      c.say('addressLine');
      signOff(c);
    },
  },
  {
    id: 'rental-licence',
    weight: 3,
    build(c) {
      const { d } = c;
      c.say('hello');
      d.line(`${L(c).order}: {{order}}`);
      c.say('dl');
      c.say('dob');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'crypto-refund',
    weight: 2,
    build(c) {
      c.say('hello');
      c.say('problemBilling');
      c.say('wallet');
      signOff(c);
    },
  },
  {
    id: 'lowercase-message',
    weight: 2,
    build(c) {
      c.say('lowercase');
    },
  },
  {
    id: 'survey-feedback',
    weight: 1,
    build(c) {
      const { d, rng } = c;
      d.line(`${tr(c, 'Rating', 'Bewertung', 'Note', 'Valoración')}: ${rng.int(1, 5)}/5`);
      c.say('survey');
      d.line(rng.chance(0.5) ? `${L(c).name}: {{full}}` : '– {{first}}');
    },
  },
  {
    id: 'other-person',
    weight: 2,
    build(c) {
      c.say('hello');
      c.say('problem');
      c.say('other');
      c.say('contact');
      signOff(c);
    },
  },
  {
    id: 'json-payload',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      c.say('problemTech');
      d.line('```json');
      d.line('{');
      d.line(`  "id": "{{uuid}}",`);
      d.line(`  "name": "{{full}}",`);
      d.line(`  "email": "{{email}}",`);
      if (rng.chance(0.6)) d.line(`  "phone": "{{phone}}",`);
      if (rng.chance(0.5)) d.line(`  "last_ip": "{{ip}}",`);
      d.line(`  "plan": "${rng.pick(['pro', 'basic', 'team'])}",`);
      d.line(`  "created_at": "${isoStamp(rng, rng.int(0, 9000000))}"`);
      d.line('}');
      d.line('```');
    },
  },
  {
    id: 'log-excerpt',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      c.say('problemAccount');
      d.line();
      let t = rng.int(0, 9000000);
      const n = rng.int(3, 6);
      for (let i = 0; i < n; i++) {
        t += rng.int(1, 300);
        const who = i === 1 ? 'user={{email}}' : `user_id=${rng.int(10000, 999999)}`;
        d.line(
          `${isoStamp(rng, t)} ${rng.pick(['auth', 'api', 'web'])}[${rng.int(100, 9999)}]: ${rng.pick(['login failed', 'login ok', 'token refresh', 'password reset sent'])} ${who} ip=${rng.chance(0.8) ? '{{ip}}' : '{{ip#2}}'} req=${rng.chance(0.5) ? '{{uuid}}' : '{{sha}}'}`,
        );
      }
    },
  },
  {
    id: 'sms',
    weight: 2,
    build(c) {
      c.say('sms');
    },
  },
  {
    id: 'voicemail',
    weight: 2,
    build(c) {
      const { d } = c;
      d.line(
        `${tr(c, 'Voicemail', 'Mailbox', 'Messagerie', 'Buzón de voz')} ({{time}}, {{phone#2}}):`,
      );
      c.say('voicemail');
    },
  },
  {
    id: 'warranty-claim',
    weight: 2,
    build(c) {
      c.say('hello');
      c.say('warranty');
      c.say('addressLine');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'account-merge',
    weight: 1,
    build(c) {
      const { d } = c;
      c.say('hello');
      d.line(c.P.problemAccount[4] as string);
      d.line(`1) {{email}}`);
      d.line(`2) {{work_email}}`);
      signOff(c);
    },
  },
  {
    id: 'gdpr-request',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      c.say('hello');
      c.say('gdpr');
      d.line();
      d.line(`${l.name}: {{full}}`);
      if (rng.chance(0.7)) d.line(`${l.dob}: {{dob}}`);
      d.line(`${l.address}: {{address}}`);
      d.line(`${l.email}: {{email}}`);
      d.line();
      signOff(c);
    },
  },
  {
    id: 'invoice-address',
    weight: 2,
    build(c) {
      const { d } = c;
      c.say('hello');
      d.line(`${L(c).invoice} {{invoice}}:`);
      d.line('{{company}}');
      d.line(`${tr(c, 'Attn.', 'z. Hd.', "À l'attention de", 'A la atención de')} {{full}}`);
      d.line('{{address_ml}}');
      d.line();
      signOff(c);
    },
  },
  {
    id: 'reply-with-history',
    weight: 2,
    build(c) {
      const { d } = c;
      d.line(c.pick('chatCustomer'));
      d.line('{{first}}');
      d.line();
      d.line(c.pick('wrote'));
      d.line(c.pick('agentReply'), '> ');
      d.line(c.pick('agentAsk'), '> ');
      d.line('', '>');
      d.line(
        c
          .pick('wrote')
          .replace(/\{\{agent\}\}/g, '{{full}}')
          .replace(/\{\{agent_email\}\}/g, '{{email}}')
          .replace(/\{\{date\}\}/g, '{{date#2}}')
          .replace(/\{\{time\}\}/g, '{{time#2}}'),
        '> ',
      );
      d.line(c.pick('problem'), '> > ');
      d.line(c.pick('phoneOnly'), '> > ');
    },
  },
  {
    id: 'agent-handoff',
    weight: 2,
    build(c) {
      const { d } = c;
      d.line(
        `@{{agent_first#2}} ${tr(c, 'can you take this one?', 'kannst du übernehmen?', 'tu peux reprendre ?', '¿puedes encargarte?')}`,
      );
      c.say('note');
      d.line(`${L(c).customer}: {{full}} / {{phone}}`);
      d.line(`${L(c).order}: {{order}}, ${L(c).tracking}: {{tracking}}`);
      d.line('– {{agent_first}}');
    },
  },
  {
    id: 'signup-bug',
    weight: 2,
    build(c) {
      const { d } = c;
      const l = L(c);
      c.say('problemAccount');
      d.line();
      d.line(`${l.username}: {{username}}`);
      d.line(`${l.email}: {{email}}`);
      d.line(`${l.password}: {{password}}`);
      d.line(
        `${l.device}: ${c.rng.pick(['iPhone 13, iOS 17.4', 'Pixel 7', 'Windows 11, Chrome 123', 'MacBook Air, Safari 17'])}`,
      );
    },
  },
  {
    id: 'chargeback',
    weight: 2,
    build(c) {
      const { d } = c;
      c.say('hello');
      c.say('problemBilling');
      d.line(`${L(c).card}: **** **** **** {{last4}}`);
      c.say('card');
      c.say('ask');
      signOff(c);
    },
  },
  {
    id: 'callback-request',
    weight: 2,
    build(c) {
      c.say('hello');
      c.say('callback');
      c.say('phoneOnly');
      signOff(c);
    },
  },
  {
    id: 'yaml-config',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      c.say('problemTech');
      d.line('```yaml');
      d.line('smtp:');
      d.line(`  host: smtp.{{shopdomain}}`);
      d.line('  user: {{email}}');
      d.line('  password: {{password}}');
      d.line('payments:');
      d.line('  api_key: {{apikey}}');
      if (rng.chance(0.5)) {
        d.raw('  webhook_secret: ');
        d.value({
          text: 'whsec_' + rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 32),
          label: 'API_KEY',
        });
        d.raw('\n');
      }
      d.line('```');
    },
  },
  {
    id: 'attendee-list',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      c.say('listIntro');
      const n = rng.int(2, 5);
      for (let i = 0; i < n; i++) {
        const k = i === 0 ? '' : `#${i + 1}`;
        d.line(
          rng.chance(0.6) ? `- {{full${k}}} <{{email${k}}}>` : `- {{full${k}}}, {{email${k}}}`,
        );
      }
      signOff(c);
    },
  },
  {
    id: 'formal-letter',
    weight: 2,
    build(c) {
      const { d } = c;
      d.line('{{full}}');
      d.line('{{address_ml}}');
      d.line('{{phone}}');
      d.line();
      d.line('{{shop}}');
      d.line(tr(c, 'Customer Service', 'Kundenservice', 'Service client', 'Atención al cliente'));
      d.line();
      d.line('{{date}}');
      d.line();
      d.line(`${L(c).subject}: ${c.rng.pick(c.P.subjects)} – {{order}}`);
      d.line();
      c.say('hello');
      c.say('problem');
      c.say('ask');
      d.line();
      c.say('closing');
      d.line('{{full}}');
    },
  },
  {
    id: 'helpdesk-fields',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      d.line(`${l.ticket}: {{ticket}}`);
      d.line(`${l.status}: ${rng.pick(c.P.statuses)}`);
      d.line(`${l.priority}: ${rng.pick(['P2', 'P3', 'high', 'normal', 'low'])}`);
      d.line(`${l.customer}: {{full}} ({{email}})`);
      d.line(`${l.agent}: {{agent}}`);
      d.line(`${l.category}: ${rng.pick(['Billing', 'Shipping', 'Account', 'Technical'])}`);
      d.line('---');
      c.say('problem');
      c.say('ask');
    },
  },
  {
    id: 'private-key-paste',
    weight: 2,
    build(c) {
      const { d } = c;
      c.say('helloAgent');
      c.say('privkey');
      d.line();
      d.line('{{privkey}}');
      d.line();
      signOff(c);
    },
  },
  {
    id: 'id-check-form',
    weight: 2,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      d.line(
        tr(
          c,
          'Identity check',
          'Identitätsprüfung',
          "Vérification d'identité",
          'Verificación de identidad',
        ),
      );
      d.line(`${l.lastName}: {{last}}`);
      d.line(`${l.firstName}: {{first}}`);
      d.line(`${l.dob}: {{dob}}`);
      d.line(`${l.passport} {{passport}}`);
      if (rng.chance(0.5)) d.line(`${l.address}: {{address}}`);
      d.line(
        `${l.notes}: ${rng.pick(['ok', tr(c, 'photo blurry', 'Foto unscharf', 'photo floue', 'foto borrosa')])}`,
      );
    },
  },
  {
    id: 'b2b-support',
    weight: 2,
    build(c) {
      const { d } = c;
      c.say('helloAgent');
      c.say('problemTech');
      if (c.rng.chance(0.5)) c.say('ip');
      c.say('thanks');
      d.line();
      d.line('{{full}}');
      d.line(
        c.rng.pick([
          'IT Manager',
          tr(c, 'Head of Operations', 'Leiter IT', 'Responsable informatique', 'Jefa de sistemas'),
        ]),
      );
      d.line('{{company}}');
      d.line('{{work_email}} | {{phone_intl}}');
    },
  },
  {
    id: 'payroll-form',
    weight: 4,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      d.line(
        tr(
          c,
          'Payroll onboarding – please check the data below',
          'Lohnabrechnung – bitte Daten prüfen',
          'Paie – merci de vérifier les données ci-dessous',
          'Nómina – revisad estos datos, por favor',
        ),
      );
      d.line(`${l.name}: {{full}}`);
      d.line(`${l.dob}: {{dob}}`);
      d.line(`{{govid_name}}: {{govid}}`);
      if (rng.chance(0.5)) d.line(`{{taxid_name}}: {{taxid}}`);
      d.line(`${l.address}: {{address}}`);
      if (c.loc === 'en_US') {
        d.line(`${l.routing}: {{routing}}`);
        d.line(`${l.account}: {{account}}`);
      } else d.line(`${l.iban}: {{iban}}`);
      d.line(
        `${l.notes}: ${rng.pick(['', tr(c, 'start date next month', 'Eintritt nächsten Monat', 'arrivée le mois prochain', 'incorporación el mes que viene')])}`,
      );
    },
  },
  {
    id: 'checkout-form',
    weight: 3,
    build(c) {
      const { d, rng } = c;
      const l = L(c);
      c.say('problemBilling');
      d.line();
      d.line(
        `${tr(c, 'Name on card', 'Karteninhaber', 'Titulaire de la carte', 'Titular de la tarjeta')}: {{full:upper}}`,
      );
      d.line(`${l.card}: {{card}}`);
      d.line(`${l.expiry}: {{exp}}`);
      if (rng.chance(0.6)) d.line(`${l.cvv}: {{cvv}}`);
      d.line(
        `${tr(c, 'Billing address', 'Rechnungsadresse', 'Adresse de facturation', 'Dirección de facturación')}: {{address}}`,
      );
      d.line(`${l.email}: {{email}}`);
    },
  },
  {
    id: 'mixed-details',
    weight: 3,
    build(c) {
      c.say('hello');
      c.say('intro');
      c.say('problem');
      extras(
        c,
        ['contact', 'addressLine', 'dob', 'card', 'iban', 'govid', 'passport', 'phoneOnly'],
        c.rng.int(2, 4),
      );
      signOff(c);
    },
  },
];
