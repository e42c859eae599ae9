/**
 * Benign support text with no personal data, full of things that look like it: order,
 * tracking, invoice and RMA numbers, timestamps, UUIDs, git SHAs, versions, prices, SKUs, model
 * numbers, error codes, HTTP logs, documented TEST card numbers, placeholder emails, company
 * and product names, weekdays and months, UI labels and job titles. Every record's spans are
 * empty: anything found here is a false alarm.
 */
import type { Rng } from './random.ts';
import { MONTHS, PRODUCTS, SHOPS } from './slots.ts';
import * as V from './values.ts';

type Lang = 'en' | 'de' | 'fr' | 'es';

const HEXU = '0123456789ABCDEF';
const HEX = '0123456789abcdef';
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
};

const COMPANIES = [
  'Nordlicht Electronics',
  'Kestrel Home',
  'Brightcart',
  'Maison Lumière',
  'Tienda Sol',
  'Fjordway Outdoor',
  'Pixelcraft',
  'Bergmann Versand',
  'Atelier Durand',
  'Casa Verde Muebles',
  'Helix Cloud',
  'Quillon Software',
  'Ford Focus',
  'Dell XPS 13',
  'Mercedes-Benz Vans',
  'Johnson Controls',
  'Philips Hue',
  'Louis Vuitton',
  'Hugo Boss',
  'Ben & Jerry’s',
];
const PLACEHOLDER_EMAILS = [
  'user@example.com',
  'noreply@example.org',
  'test@example.net',
  'admin@shop.test',
  'your.name@example.com',
  'customer@example.org',
  'billing@example.com',
  'name@domain.invalid',
];
const JOB_TITLES: Record<Lang, string[]> = {
  en: [
    'Customer Success Manager',
    'Support Team Lead',
    'Head of Logistics',
    'Billing Specialist',
    'Warehouse Supervisor',
    'Product Owner',
    'Site Reliability Engineer',
  ],
  de: [
    'Teamleitung Kundenservice',
    'Leiter Logistik',
    'Sachbearbeiterin Buchhaltung',
    'Lagerleiter',
    'Produktmanagerin',
    'Systemadministrator',
  ],
  fr: [
    'Responsable service client',
    'Chef d’équipe support',
    'Directrice logistique',
    'Chargé de facturation',
    'Responsable entrepôt',
    'Ingénieur système',
  ],
  es: [
    'Responsable de atención al cliente',
    'Jefe de equipo de soporte',
    'Directora de logística',
    'Técnico de facturación',
    'Encargado de almacén',
    'Ingeniera de sistemas',
  ],
};
const UI_LABELS: Record<Lang, string[]> = {
  en: [
    'Save Changes',
    'Billing Settings',
    'Payment Methods',
    'Order History',
    'Account Overview',
    'Two-Factor Authentication',
    'Download Invoice',
    'Track Package',
  ],
  de: [
    'Änderungen speichern',
    'Zahlungseinstellungen',
    'Zahlungsarten',
    'Bestellhistorie',
    'Kontoübersicht',
    'Zwei-Faktor-Authentifizierung',
    'Rechnung herunterladen',
    'Sendung verfolgen',
  ],
  fr: [
    'Enregistrer les modifications',
    'Paramètres de facturation',
    'Moyens de paiement',
    'Historique des commandes',
    'Aperçu du compte',
    'Authentification à deux facteurs',
    'Télécharger la facture',
    'Suivre le colis',
  ],
  es: [
    'Guardar cambios',
    'Ajustes de facturación',
    'Métodos de pago',
    'Historial de pedidos',
    'Resumen de la cuenta',
    'Verificación en dos pasos',
    'Descargar factura',
    'Seguir envío',
  ],
};

function ean13(rng: Rng, prefix = ''): string {
  const body = prefix + rng.digits(12 - prefix.length);
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (s % 10)) % 10);
}

/** An ISO 11649 creditor reference (RF + mod-97 check digits), valid like an IBAN is. */
function creditorRef(rng: Rng): string {
  const ref = rng.digits(rng.int(8, 14));
  const cd = V.ibanCheckDigits('RF', ref);
  const s = `RF${cd}${ref}`;
  return (s.match(/.{1,4}/g) ?? [s]).join(' ');
}

/** Fills `{key}` holes with look-alike values. */
function filler(rng: Rng, lang: Lang): (key: string) => string {
  const shop = rng.pick(SHOPS);
  return (key: string): string => {
    switch (key) {
      case 'order':
        return V.lookalike.order(rng);
      case 'ups': {
        const s = `1Z${rng.chars(UP + '0123456789', 6)}${rng.digits(10)}`;
        return rng.chance(0.5)
          ? s
          : `${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5, 8)} ${s.slice(8, 10)} ${s.slice(10, 14)} ${s.slice(14)}`;
      }
      case 'usps': {
        const s = `94${rng.pick(['00', '05', '36'])}${rng.digits(18)}`;
        return rng.chance(0.5) ? s : (s.match(/.{1,4}/g) ?? [s]).join(' ');
      }
      case 'dhl':
        return rng.chance(0.5) ? `JJD${rng.digits(18)}` : rng.digits(10);
      case 'tracking':
        return V.lookalike.tracking(rng);
      case 'invoice':
        return V.lookalike.invoice(rng);
      case 'rma':
        return V.lookalike.rma(rng);
      case 'ticket':
        return V.lookalike.ticket(rng);
      case 'sku':
        return V.lookalike.sku(rng);
      case 'serial':
        return V.lookalike.serial(rng);
      case 'uuid':
        return V.lookalike.uuid(rng);
      case 'sha':
        return V.lookalike.sha(rng, 40);
      case 'sha7':
        return V.lookalike.sha(rng, 7);
      case 'digest':
        return `sha256:${V.lookalike.sha(rng, 64)}`;
      case 'version':
        return V.lookalike.version(rng);
      case 'ver4':
        return rng.pick([
          `10.0.${rng.int(19041, 22631)}.${rng.int(100, 4000)}`,
          `${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}`,
          `${rng.int(110, 126)}.0.${rng.int(5000, 6500)}.${rng.int(10, 200)}`,
          `${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 200)}.${rng.int(1, 254)}`,
        ]);
      case 'build':
        return rng.pick([
          `build ${rng.int(2024, 2025)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}.${rng.int(1, 9)}`,
          `#${rng.int(1000, 9999)}`,
          `b${rng.int(100, 999)}`,
        ]);
      case 'errcode':
        return V.lookalike.errcode(rng);
      case 'hexaddr':
        return `0x${rng.chars(HEX, 12)}`;
      case 'hexcolor':
        return `#${rng.chars(HEXU, 6)}`;
      case 'ts':
        return `${rng.int(2024, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${rng.pick(['Z', '.123Z', '+01:00', '+02:00'])}`;
      case 'dateiso':
        return `${rng.int(2024, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      case 'date': {
        const d = rng.int(1, 28);
        const m = rng.int(1, 12);
        const y = rng.int(2024, 2025);
        if (lang === 'en')
          return rng.pick([
            `${pad(m)}/${pad(d)}/${y}`,
            `${d} ${MONTHS.en[m - 1]} ${y}`,
            `${MONTHS.en[m - 1]} ${d}, ${y}`,
          ]);
        if (lang === 'de')
          return rng.pick([`${pad(d)}.${pad(m)}.${y}`, `${d}. ${MONTHS.de[m - 1]} ${y}`]);
        if (lang === 'fr')
          return rng.pick([`${pad(d)}/${pad(m)}/${y}`, `${d} ${MONTHS.fr[m - 1]} ${y}`]);
        return rng.pick([`${pad(d)}/${pad(m)}/${y}`, `${d} de ${MONTHS.es[m - 1]} de ${y}`]);
      }
      case 'epoch':
        return String(rng.int(1700000000, 1760000000));
      case 'logtime':
        return `${pad(rng.int(1, 28))}/${rng.pick(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'])}/2025:${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))} +0000`;
      case 'time':
        return `${pad(rng.int(7, 20))}:${pad(rng.pick([0, 15, 30, 45]))}`;
      case 'price': {
        const v = (rng.int(3, 3000) + rng.pick([0, 0.99, 0.5, 0.9])).toFixed(2);
        const [i, f] = v.split('.') as [string, string];
        if (lang === 'en')
          return rng.pick([
            `$${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`,
            `£${i}.${f}`,
            `USD ${i}.${f}`,
          ]);
        return rng.pick([
          `${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f} €`,
          `EUR ${i},${f}`,
          `${i},${f}€`,
        ]);
      }
      case 'pct':
        return `${rng.int(1, 99)}${lang === 'en' ? '' : ','}${lang === 'en' ? '.' + rng.int(0, 9) : rng.int(0, 9)} %`;
      case 'count':
        return String(rng.int(2, 480));
      case 'big':
        return String(rng.int(1000, 99999)).replace(
          /\B(?=(\d{3})+(?!\d))/g,
          lang === 'en' ? ',' : '.',
        );
      case 'ms':
        return String(rng.int(3, 4000));
      case 'bytes':
        return String(rng.int(200, 250000));
      case 'port':
        return String(rng.pick([443, 8080, 8443, 5432, 3000, 9200]));
      case 'status':
        return String(
          rng.pick([200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 502, 503]),
        );
      case 'path':
        return rng.pick([
          `/api/v2/orders/${rng.int(100000, 9999999)}`,
          `/api/v1/invoices/${V.lookalike.invoice(rng)}`,
          '/checkout/confirm',
          `/static/app.${rng.chars(HEX, 8)}.js`,
          `/track?id=${rng.digits(12)}`,
          '/health',
          `/products/${V.lookalike.sku(rng).replace(/\s/g, '-')}`,
        ]);
      case 'method':
        return rng.pick(['GET', 'GET', 'POST', 'PUT', 'DELETE']);
      case 'ua':
        return rng.pick([
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)',
          'okhttp/4.12.0',
          'curl/8.5.0',
          'Go-http-client/2.0',
        ]);
      case 'testcard':
        return rng.pick([
          '4242 4242 4242 4242',
          '4000 0566 5566 5556',
          '5555 5555 5555 4444',
          '4111 1111 1111 1111',
          '3782 822463 10005',
          '6011 1111 1111 1117',
          '4242424242424242',
          '5105 1051 0510 5100',
        ]);
      case 'testemail':
        return rng.pick(PLACEHOLDER_EMAILS);
      case 'company':
        return rng.pick(COMPANIES);
      case 'shop':
        return shop.name;
      case 'shopdomain':
        return shop.domain;
      case 'product':
        return rng.pick(PRODUCTS);
      case 'model':
        return rng.pick([
          `${rng.chars(UP, 3)}-${rng.chars(UP, 1)}${rng.digits(4)}${rng.chars(UP, 2)}`,
          `${rng.chars(UP, 2)}-${rng.digits(4)}${rng.chars(UP, 2)}${rng.digits(1)}`,
          `X${rng.int(100, 990)}`,
          `${rng.chars(UP, 1)}${rng.digits(3)}-${rng.digits(2)}`,
        ]);
      case 'partno':
        return rng.pick([
          `${rng.digits(3)}-${rng.digits(4)}-${rng.digits(2)}`,
          `${rng.digits(4)} ${rng.digits(3)} ${rng.digits(3)}`,
          `${rng.digits(2)}.${rng.digits(3)}.${rng.digits(3)}`,
        ]);
      case 'pin':
        return `${rng.digits(3)} ${rng.digits(3)}#`;
      case 'ean':
        return ean13(rng, rng.pick(['40', '30', '84', '50', '0']));
      case 'isbn':
        return ean13(rng, '978');
      case 'rf':
        return creditorRef(rng);
      case 'lot':
        return rng.pick([
          `LOT ${rng.digits(4)}-${rng.digits(3)}`,
          `${rng.int(24, 25)}${rng.chars(UP, 1)}${rng.digits(3)}`,
          `B${rng.digits(6)}`,
        ]);
      case 'coupon':
        return rng.pick([
          'SPRING24',
          'WELCOME10',
          'FREESHIP',
          'BLACKFRIDAY25',
          'SOMMER15',
          'BIENVENUE10',
          'VERANO20',
        ]);
      case 'pod':
        return `${rng.pick(['api', 'worker', 'web', 'billing'])}-${rng.chars('bcdfghjklmnpqrstvwxz2456789', 10)}-${rng.chars('bcdfghjklmnpqrstvwxz2456789', 5)}`;
      case 'weekday':
        return rng.pick(WEEKDAYS[lang]);
      case 'weekday2':
        return rng.pick(WEEKDAYS[lang]);
      case 'month':
        return rng.pick(MONTHS[lang]);
      case 'job':
        return rng.pick(JOB_TITLES[lang]);
      case 'ui':
        return rng.pick(UI_LABELS[lang]);
      case 'ui2':
        return rng.pick(UI_LABELS[lang]);
      case 'days':
        return String(rng.int(2, 30));
      case 'kg':
        return `${rng.int(1, 40)}${lang === 'en' ? '.' : ','}${rng.int(0, 9)} kg`;
      case 'dims':
        return `${rng.int(10, 120)} x ${rng.int(10, 80)} x ${rng.int(5, 60)} cm`;
      case 'room':
        return `${rng.chars('ABC', 1)}${rng.int(1, 5)}.${rng.int(100, 450)}`;
      case 'year':
        return String(rng.int(2019, 2025));
      case 'sla':
        return String(rng.pick([1, 2, 4, 8, 24, 48]));
      default:
        throw new Error(`unknown negative hole ${key}`);
    }
  };
}

/** Technical text engineers paste whatever language the ticket is in. */
const TECH: string[] = [
  '{ts} INFO  http {method} {path} status={status} duration={ms}ms bytes={bytes} req={uuid}\n{ts} INFO  http {method} {path} status={status} duration={ms}ms bytes={bytes} req={uuid}\n{ts} WARN  http {method} {path} status=429 duration={ms}ms retry_after=30 req={uuid}',
  '"{method} {path} HTTP/1.1" {status} {bytes} "-" "{ua}" rt={ms}ms\n"{method} {path} HTTP/1.1" {status} {bytes} "-" "{ua}" rt={ms}ms\n"{method} {path} HTTP/2.0" {status} {bytes} "-" "{ua}" rt={ms}ms',
  'Release {version} ({dateiso})\n- Fix crash on start when the cache is empty ({sha7})\n- Faster checkout page, p95 down to {ms} ms ({sha7})\n- Bump dependencies, build {build}\nFull changelog: compare/{sha7}...{sha7}',
  'commit {sha}\nDate:   {ts}\n\n    fix(orders): handle empty tracking list\n\n    Refs {ticket}. Tested on staging build {build}.',
  'Error: Request failed with status code {status}\n    at createError (/srv/app/node_modules/axios/lib/core/createError.js:16:15)\n    at settle (/srv/app/node_modules/axios/lib/core/settle.js:17:12)\n    at IncomingMessage.handleStreamEnd (/srv/app/node_modules/axios/lib/adapters/http.js:{count}:11)\nrequest id {uuid}, trace {sha}',
  'Exception code {errcode} at address {hexaddr} in module update.dll, version {ver4}. Faulting thread {count}, uptime {ms} s.',
  'Image: registry.{shopdomain}/api:{version}\nDigest: {digest}\nPod {pod} restarted {count} times, last exit code 137 at {ts}.',
  '```json\n{\n  "order_id": "{order}",\n  "status": "shipped",\n  "carrier": "UPS",\n  "tracking": "{ups}",\n  "total": "{price}",\n  "created_at": "{ts}",\n  "items": [{ "sku": "{sku}", "qty": 2 }]\n}\n```',
  'curl -X POST https://api.example.com/v1/charges \\\n  -H "Authorization: Bearer YOUR_SECRET_KEY" \\\n  -d amount=2000 -d currency=eur -d source=tok_visa\n# response: {"id": "ch_test_{sha7}", "status": "succeeded", "created": {epoch}}',
  'Browser: Chrome {ver4} on Windows 11 ({ver4})\nApp version: {version} ({build})\nDevice model: {model}\nScreen: 1920x1080, locale en-US, timezone Europe/Berlin',
  "SELECT id, status, total FROM orders WHERE created_at > '{dateiso}' AND status = 'pending' LIMIT 100;\n-- {count} rows in {ms} ms, plan hash {sha7}",
  'Health check: {count}/{count} instances healthy, p50 {ms} ms, p99 {ms} ms, error rate {pct}, last deploy {sha7} at {ts}.',
];

const PROSE: Record<Lang, string[]> = {
  en: [
    'Dear Customer,\n\nyour order {order} has been shipped with UPS. Tracking number: {ups}. Expected delivery: {weekday}, {date}. You can follow the parcel under {ui}.\n\nKind regards,\nYour {shop} team',
    'Your USPS tracking number is {usps}. Packages shipped on {weekday} usually arrive within {days} business days.',
    'DHL shipment {dhl} is out for delivery. If nobody is home, the parcel will be taken to the nearest service point.',
    'Invoice {invoice} dated {date}: total {price} (incl. 20% VAT). Payment due within {days} days. Please quote payment reference {rf} with your transfer.',
    'To return an item, request an RMA number in Order History. Your RMA is {rma}; print the label and drop the parcel at any post office before {date}.',
    'For testing payments in sandbox mode use the test card {testcard} with any future expiry date and any three-digit CVC. Test cards never work in live mode.',
    'Please do not reply to this message. If you have questions, write to {testemail} or open a ticket from your account page.',
    'Product {product}, SKU {sku}, EAN {ean}, model {model}. Weight {kg}, dimensions {dims}. Price {price}, now {pct} off with code {coupon}.',
    'Our support hours are {weekday} to {weekday2}, {time} to {time}. On public holidays in {month} the hotline is closed.',
    'To enable 2FA, open {ui}, click {ui2} and scan the code with your authenticator app. The setting takes effect immediately.',
    'The {job} and the {job} reviewed ticket {ticket} in the weekly meeting on {weekday}. Action items are tracked in {ticket}.',
    'Thanks for contacting {shop}! Your request {ticket} has been received and a {job} will get back to you within {sla} hours.',
    'The firmware {version} for the {product} fixes the Wi-Fi reconnect issue. Update via Settings > Device > Firmware; the update takes about {days} minutes.',
    'Order {order}: {count} items, subtotal {price}, shipping {price}, total {price}. Paid by card ending in 4242 on {date}.',
    'Warehouse report for {month}: {big} parcels shipped, {count} returns, lot {lot} recalled, average pick time {ms} seconds.',
    'Meeting room {room} is booked for the {job} workshop on {weekday} at {time}. Room PIN: {pin}.',
    'The book you ordered (ISBN {isbn}) is back in stock and will ship on {date}.',
    'Replacement part no. {partno} fits all {company} models built after {year}. Order it under {ui} or quote {sku}.',
    'Status page: degraded performance on the checkout API since {ts}; mitigation deployed in build {build}. No data was lost.',
    'We have updated our terms of service effective {date}. Nothing changes for your current plan; see {ui} for details.',
  ],
  de: [
    'Sehr geehrte Kundin, sehr geehrter Kunde,\n\nIhre Bestellung {order} wurde an DHL übergeben. Sendungsnummer: {dhl}. Voraussichtliche Zustellung: {weekday}, {date}. Den Status finden Sie unter „{ui}“.\n\nFreundliche Grüße\nIhr {shop}-Team',
    'Ihre UPS-Sendungsnummer lautet {ups}. Pakete, die am {weekday} verschickt werden, kommen in der Regel nach {days} Werktagen an.',
    'Rechnung {invoice} vom {date}: Gesamtbetrag {price} inkl. 19 % MwSt. Zahlbar innerhalb von {days} Tagen. Bitte geben Sie als Verwendungszweck {rf} an.',
    'Für eine Rücksendung fordern Sie bitte eine RMA-Nummer unter „{ui}“ an. Ihre RMA lautet {rma}; bitte bis {date} abgeben.',
    'Zum Testen im Sandbox-Modus verwenden Sie die Testkarte {testcard} mit einem beliebigen Ablaufdatum in der Zukunft und einer beliebigen Prüfziffer. Testkarten funktionieren nie im Live-Betrieb.',
    'Bitte antworten Sie nicht auf diese E-Mail. Bei Fragen schreiben Sie an {testemail} oder eröffnen Sie ein Ticket in Ihrem Kundenkonto.',
    'Artikel {product}, Art.-Nr. {sku}, EAN {ean}, Modell {model}. Gewicht {kg}, Maße {dims}. Preis {price}, mit dem Code {coupon} jetzt {pct} günstiger.',
    'Unsere Servicezeiten: {weekday} bis {weekday2}, {time} bis {time} Uhr. An Feiertagen im {month} ist die Hotline nicht besetzt.',
    'Um die Zwei-Faktor-Authentifizierung zu aktivieren, öffnen Sie „{ui}“, klicken auf „{ui2}“ und scannen den Code mit Ihrer App.',
    'Die {job} und der {job} haben das Ticket {ticket} in der Wochenbesprechung am {weekday} besprochen. Die Aufgaben stehen in {ticket}.',
    'Danke für Ihre Nachricht an {shop}! Ihre Anfrage {ticket} ist eingegangen, eine {job} meldet sich innerhalb von {sla} Stunden.',
    'Die Firmware {version} für den {product} behebt das WLAN-Problem. Update über Einstellungen > Gerät > Firmware, Dauer etwa {days} Minuten.',
    'Bestellung {order}: {count} Artikel, Zwischensumme {price}, Versand {price}, gesamt {price}. Bezahlt mit Karte endend auf 4242 am {date}.',
    'Lagerbericht {month}: {big} Pakete versendet, {count} Retouren, Charge {lot} zurückgerufen, durchschnittliche Kommissionierzeit {ms} Sekunden.',
    'Raum {room} ist für den Workshop der {job} am {weekday} um {time} Uhr reserviert. Raum-PIN: {pin}.',
    'Ersatzteil Art.-Nr. {partno} passt für alle {company}-Modelle ab Baujahr {year}. Bestellbar unter „{ui}“.',
    'Statusseite: Seit {ts} ist die Checkout-API langsamer; Fix ist mit Build {build} ausgerollt. Es gingen keine Daten verloren.',
    'Wir haben unsere AGB zum {date} aktualisiert. Für Ihren Tarif ändert sich nichts; Details unter „{ui}“.',
  ],
  fr: [
    'Chère cliente, cher client,\n\nvotre commande {order} a été expédiée par Colissimo. Numéro de suivi : {tracking}. Livraison prévue : {weekday} {date}. Suivez le colis dans « {ui} ».\n\nCordialement,\nL’équipe {shop}',
    'Votre numéro de suivi UPS est {ups}. Les colis expédiés le {weekday} arrivent en général sous {days} jours ouvrés.',
    'Facture {invoice} du {date} : montant total {price} TTC (TVA 20 %). À régler sous {days} jours. Merci d’indiquer la référence {rf} lors du virement.',
    'Pour un retour, demandez un numéro RMA dans « {ui} ». Votre RMA est {rma} ; déposez le colis avant le {date}.',
    'Pour tester les paiements en mode bac à sable, utilisez la carte de test {testcard} avec une date d’expiration future et n’importe quel cryptogramme. Les cartes de test ne fonctionnent jamais en production.',
    'Merci de ne pas répondre à ce message. Pour toute question, écrivez à {testemail} ou ouvrez un ticket depuis votre compte.',
    'Produit {product}, réf. {sku}, EAN {ean}, modèle {model}. Poids {kg}, dimensions {dims}. Prix {price}, soit {pct} de remise avec le code {coupon}.',
    'Le service client est ouvert du {weekday} au {weekday2}, de {time} à {time}. Les jours fériés de {month}, la hotline est fermée.',
    'Pour activer la double authentification, ouvrez « {ui} », cliquez sur « {ui2} » et scannez le code avec votre application.',
    'La {job} et le {job} ont revu le ticket {ticket} lors de la réunion du {weekday}. Les actions sont suivies dans {ticket}.',
    'Merci d’avoir contacté {shop} ! Votre demande {ticket} a bien été reçue ; un {job} vous répondra sous {sla} heures.',
    'Le firmware {version} du {product} corrige la reconnexion Wi-Fi. Mise à jour via Réglages > Appareil > Firmware, environ {days} minutes.',
    'Commande {order} : {count} articles, sous-total {price}, livraison {price}, total {price}. Payée par carte se terminant par 4242 le {date}.',
    'Rapport entrepôt de {month} : {big} colis expédiés, {count} retours, lot {lot} rappelé, temps de préparation moyen {ms} secondes.',
    'La salle {room} est réservée pour l’atelier {job} le {weekday} à {time}. Code d’accès : {pin}.',
    'La pièce détachée réf. {partno} convient à tous les modèles {company} fabriqués après {year}.',
    'Page de statut : lenteurs sur l’API de paiement depuis {ts} ; correctif déployé dans le build {build}. Aucune donnée perdue.',
    'Nos conditions générales changent le {date}. Rien ne change pour votre forfait ; détails dans « {ui} ».',
  ],
  es: [
    'Estimado/a cliente:\n\nsu pedido {order} ha salido con SEUR. Número de seguimiento: {tracking}. Entrega prevista: {weekday} {date}. Puede seguir el envío en «{ui}».\n\nSaludos,\nEl equipo de {shop}',
    'Su número de seguimiento de UPS es {ups}. Los paquetes enviados el {weekday} suelen llegar en {days} días laborables.',
    'Factura {invoice} del {date}: importe total {price} (IVA 21 % incluido). Pago en {days} días. Indique la referencia {rf} en la transferencia.',
    'Para una devolución, solicite un número RMA en «{ui}». Su RMA es {rma}; entregue el paquete antes del {date}.',
    'Para probar pagos en modo sandbox use la tarjeta de prueba {testcard} con cualquier fecha de caducidad futura y cualquier CVC. Las tarjetas de prueba nunca funcionan en producción.',
    'Por favor, no responda a este mensaje. Si tiene dudas, escriba a {testemail} o abra un ticket desde su cuenta.',
    'Producto {product}, ref. {sku}, EAN {ean}, modelo {model}. Peso {kg}, medidas {dims}. Precio {price}, ahora un {pct} menos con el código {coupon}.',
    'Nuestro horario de atención es de {weekday} a {weekday2}, de {time} a {time}. Los festivos de {month} la línea está cerrada.',
    'Para activar la verificación en dos pasos, abra «{ui}», pulse «{ui2}» y escanee el código con su aplicación.',
    'La {job} y el {job} revisaron el ticket {ticket} en la reunión del {weekday}. Las tareas están en {ticket}.',
    '¡Gracias por contactar con {shop}! Hemos recibido su solicitud {ticket}; un {job} le responderá en {sla} horas.',
    'El firmware {version} del {product} corrige la reconexión wifi. Actualice en Ajustes > Dispositivo > Firmware, tarda unos {days} minutos.',
    'Pedido {order}: {count} artículos, subtotal {price}, envío {price}, total {price}. Pagado con tarjeta terminada en 4242 el {date}.',
    'Informe de almacén de {month}: {big} paquetes enviados, {count} devoluciones, lote {lot} retirado, tiempo medio de preparación {ms} segundos.',
    'La sala {room} está reservada para el taller de {job} el {weekday} a las {time}. Código de acceso: {pin}.',
    'El recambio ref. {partno} sirve para todos los modelos {company} fabricados desde {year}.',
    'Página de estado: lentitud en la API de pago desde {ts}; corrección desplegada en el build {build}. No se ha perdido ningún dato.',
    'Actualizamos nuestras condiciones el {date}. Su plan no cambia; más detalles en «{ui}».',
  ],
};

export interface NegativeRecord {
  text: string;
  lang: Lang;
  templates: string[];
}

/** `perLang` benign records for each language. */
export function negatives(rng: Rng, perLang: number): NegativeRecord[] {
  const out: NegativeRecord[] = [];
  for (const lang of ['en', 'de', 'fr', 'es'] as const) {
    for (let i = 0; i < perLang; i++) {
      const fill = filler(rng, lang);
      const n = rng.weighted([1, 2, 3], [35, 45, 20]);
      const parts: string[] = [];
      const ids: string[] = [];
      for (let k = 0; k < n; k++) {
        const tech = rng.chance(0.3);
        const pool = tech ? TECH : PROSE[lang];
        const idx = rng.int(0, pool.length - 1);
        ids.push(`${tech ? 'tech' : lang}-${idx}`);
        parts.push(
          (pool[idx] as string).replace(/\{([a-z0-9]+)\}/g, (_m, key: string) => fill(key)),
        );
      }
      out.push({ text: parts.join('\n\n'), lang, templates: ids });
    }
  }
  return out;
}
