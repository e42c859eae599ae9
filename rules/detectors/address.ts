import { scanAddresses } from '../address/scan.ts';
import { keywords } from '../keywords.ts';
import { matchAllAt } from '../context.ts';
import { firstEndingAfter, matchesOf } from '../scan-util.ts';
import { columnBelow } from '../table.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// (From its dash, the letter before looked behind at: a search from "\p{Ll}" enters the
// pattern at every lower-case letter, 8.5 ms on 1 MB without V8's optimisations, now 5.6; see
// 'Char-first patterns' in docs/engine.md.)
const JAPANESE_WARD = /-(?<=\p{Ll}-)(?:ku|shi|cho|machi|gun)\b/u;
const JAPANESE_ADDRESS =
  /(?<![\w-])\d{1,4}(?:-\d{1,4}){1,3},? \p{Lu}\p{Ll}+(?:[- ]\d{1,2}(?:-chome)?)?, \p{Lu}\p{Ll}+-(?:ku|shi|cho|machi|gun)\b(?:, \p{Lu}\p{Ll}+(?:-(?:to|fu|ken))?)?(?:,? \d{3}-\d{4}(?![\w-]))?/gu;

/**
 * Street addresses and postcodes. The scanner (rules/address/scan.ts) finds street lines, postal
 * boxes, military addresses and keyword postcodes, extends each over the unit, city, region,
 * postcode and country parts that follow, and scores the whole block as one finding.
 */
export const address: Detector = {
  id: 'address',
  types: ['ADDRESS'],
  // Every address this detector can find has a digit (a house number, a box or a postcode) or
  // a Spanish "s/n" (sin número) in place of the number.
  prefilter: /\d|[Ss]\/[Nn]/,
  // Runs in the pattern stage, so a found address keeps the name pass off street names such as
  // "Elisabeth Parks".
  stage: 'pattern',
  detect(text) {
    const out: Candidate[] = [];
    // The last finding when it was run on to its token's end (see below): a find of the scanner
    // that starts inside that token continues it ("Unit D6, Columbus, OH 43243").
    let extended: Candidate | null = null;
    for (const h of scanAddresses(text)) {
      let start = h.start;
      let end = h.end;
      if (extended !== null && start < extended.end) {
        extended.end = Math.max(extended.end, end);
        extended.score = Math.max(extended.score, h.score);
        continue;
      }
      extended = null;
      const span = text.slice(start, end);
      // A tab-separated export's row: the address is the cell that holds a number and words,
      // the cells around it are other columns' ("Jip Hermans\tKeizersgracht 281, 1015 VM
      // Amsterdam\tNL").
      const cell = span.includes('\t') && !/ {3}/.test(span) ? addressCell(span) : null;
      if (cell !== null) {
        end = start + cell[1];
        start += cell[0];
      }
      // Columns padded with blanks inside the span, without an address's label or cue: a
      // product's name between a code and a quantity in an invoice's line ("KT-5779      Calle
      // Mayor Espadrilles     11"), not a street.
      else if (!h.reason.includes('context') && PADDING.test(span)) continue;
      // A span that ends inside a token of ASCII letters and digits: the scanner stopped at a
      // postcode it did not know ("Old Little LA39 94O", "Unit D6"), and the whole token is
      // the address's; unless the span has no other digit, when it was cut out of something
      // else: "2m" of a duration "2m14s" read as a house number after two words of a log's
      // columns ("Normal   Pulled     2m14s").
      if (ASCII_ALNUM.test(text[end - 1] ?? '') && ASCII_ALNUM.test(text[end] ?? '')) {
        let from = end - 1;
        while (from > start && ASCII_ALNUM.test(text[from - 1]!)) from--;
        if (!/\d/.test(text.slice(start, from))) continue;
        while (ASCII_ALNUM.test(text[end] ?? '')) end++;
        extended = { start, end, type: 'ADDRESS', score: h.score, reason: h.reason };
      }
      // A landmark's address is no one's personal data (see LANDMARK).
      if (LANDMARK.test(text.slice(start, end))) {
        extended = null;
        continue;
      }
      out.push(extended ?? { start, end, type: 'ADDRESS', score: h.score, reason: h.reason });
    }
    // The rest of an address label's line, where the scanner knows no form of the country's
    // streets ("Current address: Flat No. 804, Lotus Residency, 6th Main, Indiranagar,
    // Bengaluru 560038", "Adres: Kızılay Mah. Gül Sok. No:126 D:8, 06420 Çankaya/Ankara").
    // (Tried only just before the labels' words: the pattern's look-behinds, run at every
    // position of a long text, would cost more than the scanner.)
    // A Japanese address in Latin letters: the block's numbers ("2-14-7"), the district, the
    // ward or city with its suffix ("Shibuya-ku", "Kawasaki-shi"), then the prefecture and the
    // postcode ("Tokyo 150-0001"). The ward's suffix is asked for first: few texts have one.
    if (JAPANESE_WARD.test(text)) {
      for (const m of matchesOf(text, JAPANESE_ADDRESS)) {
        const start = m.index;
        const end = start + m[0].length;
        if (out.some((c) => c.start < end && start < c.end)) continue;
        out.push({ start, end, type: 'ADDRESS', score: 0.85, reason: 'japanese address' });
      }
    }
    const labels = LABEL_WORDS.at(text);
    if (labels.length === 0 && !POSTAL_MARK_WORDS.test(text)) return out;
    // The scanner's finds in text order: each line or cell meets only the finds it overlaps
    // (a binary search; a filter per label was quadratic on a long paste).
    out.sort((a, b) => a.start - b.start);
    const dropped = new Set<Candidate>();
    const added: Candidate[] = [];
    // The scanner's weak parts of [start, end) (a postcode and town it knew) give way to the
    // whole; an address it found with confidence, or that runs past it, stays (a label's line
    // may go on after it: "Anschrift: Scheffershof 180, 60694 Frankfurt, Tel. ...").
    const take = (start: number, end: number, reason: string) => {
      const parts = overlapping(out, start, end);
      if (parts.some((c) => c.start < start || c.end > end || c.score >= 0.6)) return;
      for (const c of parts) dropped.add(c);
      added.push({ start, end, type: 'ADDRESS', score: 0.75, reason });
    };
    for (const m of matchAllAt(text, LABELLED_LINE, labels, 16)) {
      // (Up to the next field on the line: "12 Main St, Springfield   Phone: ...".)
      const value = m[1]!.split(NEXT_FIELD)[0]!.replace(TRAILING, '');
      // (After or before CJK a number and words will do: Chinese and Korean addresses end in
      // their building's and flat's numbers, "科华北路614号金色花园17幢5单元804".)
      const cjk = m[0].charCodeAt(0) >= 0x3000 || value.charCodeAt(0) >= 0x3000;
      if (!(cjk ? ADDRESS_CELL : ADDRESS_LIKE).test(value) || NOT_ADDRESS.test(value)) continue;
      const end = m.index + m[0].length - m[1]!.length + value.length;
      take(end - value.length, end, 'label');
    }
    // Japan's postal mark before a postcode opens an address: the rest of its line.
    for (const m of POSTAL_MARK_WORDS.test(text)
      ? matchAllAt(text, POSTAL_MARK, POSTAL_MARK_WORDS.at(text), 0)
      : []) {
      const value = m[1]!.split(NEXT_FIELD)[0]!.replace(TRAILING, '');
      const end = m.index + m[0].length - m[1]!.length + value.length;
      take(end - value.length, end, 'postal mark');
    }
    // The cells under a table's address column ("Name,Phone,Address" over "Ana,0612...,
    // Keizersgracht 281"), read as the rest of a label's line is.
    for (const at of labels) {
      const column = columnBelow(text, at, at + 1);
      if (column === null || !ADDRESS_HEADER.test(column.header)) continue;
      for (const cell of column.cells) {
        const value = text.slice(cell.start, cell.end);
        if (ADDRESS_CELL.test(value) && !NOT_ADDRESS.test(value)) {
          take(cell.start, cell.end, 'column');
        }
      }
    }
    if (added.length === 0) return out;
    return out.filter((c) => !dropped.has(c)).concat(added);
  },
};

/** The candidates of `sorted` (in text order, none inside another) that overlap [start, end). */
function overlapping(sorted: Candidate[], start: number, end: number): Candidate[] {
  const parts: Candidate[] = [];
  for (let k = firstEndingAfter(sorted, start); k < sorted.length && sorted[k]!.start < end; k++)
    parts.push(sorted[k]!);
  return parts;
}

// An address's label in the languages of the corpus, and the rest of its line. Not another
// kind of address: an e-mail's, an IP's, a wallet's, a web address.
const LABELLED_LINE =
  /(?:(?<![\p{L}\p{N}_])(?<!(?:e-?mail|ip|ipv[46]|mac|wallet|web|server|btc|eth|crypto|bitcoin|contract|memory|ip_|mac_|email_)[ _]?)(?:(?:home|current|permanent|postal|mailing|residential|residence|trading|billing|shipping|delivery|beneficiary|correspondence|registered|resi|street|full|new|old|present)[ _]?)?(?:addr(?:ess)?|adres|adresse|direcci[óo]n|indirizzo|endere[çc]o|morada|anschrift|adresa|adresi|osoite)(?: line 1)?|住所|所在地|住址|地址|주소|адрес(?:а|у)?(?: (?:доставки|регистрации|проживания|получателя|отправителя|места жительства|реєстрації|проживання))?|(?:ال)?عنوان(?: (?:الوطني|الجديد|السكن|التوصيل|الشحن|المنزل))?|نشانی|آدرس|پت[ہا]|כתובת(?: (?:חדשה|מגורים|למשלוח))?|प(?:त्)?ता|ঠিকানা|முகவரி|చిరునామా|ವಿಳಾಸ|સરનામું|ਪਤਾ|διε[υύ]θυνση|ที่อยู่(?:ใหม่|ปัจจุบัน|จัดส่ง)?|мекенжай(?:ы)?|მისამართი|հասցե|អាសយដ្ឋាន|(?:နေရပ်)?လိပ်စာ|ලිපිනය|ທີ່ຢູ່|വിലാസം|ଠିକଣା|địa chỉ(?: (?:nhà|thường trú|tạm trú|liên hệ|giao hàng))?|(?<!\p{L})(?:anwani(?: ya (?:makazi|nyumbani))?|(?:ana|nina|una|tuna|wana|mna)ishi(?: (?:katika|kwenye))?))(?:"?[ \t]*[:：՝]|(?<=địa chỉ|nhà|trú|hệ|hàng)(?=[ \t]+(?:số|\d))|(?<=ishi|katika|kwenye)(?=[ \t]+(?:mtaa|barabara|nyumba|kitalu)[ \t]))[ \t\u3000]*"?([^\n"]{6,160})/giu;
const LABEL_WORDS = keywords([
  'addr',
  'adres',
  'direcci',
  'indirizzo',
  'endere',
  'morada',
  'anschrift',
  'osoite',
  '住所',
  '所在地',
  '住址',
  '地址',
  '주소',
  // Russian and Ukrainian, Arabic, Persian, Urdu, Hebrew, Hindi, Marathi, Bengali, Tamil,
  // Telugu, Kannada, Gujarati, Punjabi, Greek, Thai.
  'адрес',
  'عنوان',
  'نشانی',
  'آدرس',
  'پتہ',
  'پتا',
  'כתובת',
  'पता',
  'पत्ता',
  'ঠিকানা',
  'முகவரி',
  'చిరునామా',
  'ವಿಳಾಸ',
  'સરનામું',
  'ਪਤਾ',
  'διεύθυνση',
  'διευθυνση',
  'ที่อยู่',
  // Kazakh, Georgian, Armenian (its colon is "՝"), Khmer, Myanmar, Sinhala, Lao, Malayalam,
  // Odia, Vietnamese (also with no colon, before the house's number: "địa chỉ số 18 ngõ 45").
  'мекенжай',
  'მისამართი',
  'հասցե',
  'អាសយ',
  'လိပ်စာ',
  'ලිපිනය',
  'ທີ່ຢູ່',
  'വിലാസം',
  'ଠିକଣା',
  'địa chỉ',
  'dia chi',
  // Swahili: "anwani" (address), and "anaishi" (lives) before a street ("anaishi Mtaa wa ...").
  'anwani',
  'ishi',
]);
const TRAILING = /[\s.;]+$/;
// Japan's postal mark (〒), then the postcode and the rest of the address.
const POSTAL_MARK = /〒[ \t\u3000]?(\d{3}-?\d{4}(?!\d)[^\n"]{0,120})/gu;
const POSTAL_MARK_WORDS = keywords(['〒']);
/** A table's column of postal addresses (not of e-mail or IP addresses, nor a line 2). */
const ADDRESS_HEADER =
  /^(?:(?:home|current|postal|mailing|billing|shipping|delivery|street|customer|full|residential)[ _]?)?(?:addr(?:ess)?|adres|adresse|direcci[óo]n|indirizzo|endere[çc]o|morada|anschrift|osoite)(?:[ _]?(?:line)?[ _]?1)?$/i;
/** An address cell: a number and a word of three letters. */
const ADDRESS_CELL = /^(?=.*\d)(?=.*\p{L}{3})/u;
// (Also the end of a sentence: a full stop after a postcode's digits or a word of six letters,
// not after an abbreviation ("ул. Фрунзе", "просп. Науки") nor a floor's ordinal ("3. OG"); a
// danda, an ideographic or Urdu full stop; and a remark in brackets, "кв. 112 (вход со двора)".
// A phone's word ends its word: the Vietnamese street word "phố" is no "ph".)
const NEXT_FIELD =
  /[ \t]{2,}|\t|[ \t]\|[ \t]|(?<=\d{3}|[\p{L}\p{M}]{6})[.!?](?=\s)|[।॥。۔]|[ \t]\((?=\p{Ll})|[ \t](?=\p{L}[\p{L} ]{1,20}:[ \t])|,?[ \t](?=(?:tel|phone|mob|mobile|fax|e-?mail|cell|handy|telefon|t[ée]l[ée]phone|ph)(?![\p{L}\p{N}]))/iu;
/** A number and a word of three letters (with their vowel signs in the Indic scripts), parted by
 * a comma (an Arabic one too), or a postcode's four to six digits. */
// (Myanmar's comma is "၊"; Khmer writes none, but names the house and the street: ផ្ទះ, ផ្លូវ.)
const ADDRESS_LIKE =
  /^(?=.*\d)(?=.*\p{L}[\p{L}\p{M}]{2})(?:.*[,،၊].*|.*(?<!\d)\d{4,6}(?!\d).*|.*ផ្ទះ.*ផ្លូវ.*)$/u;
/** What a label's line holds when it is no postal address (one ASCII token: a wallet's, a host's). */
const NOT_ADDRESS =
  /@|:\/\/|^\+?[\d ()./-]+$|^[\x21-\x7e]+$|^(?:same|as above|see|n\/a|none|unknown|tbc|tbd)\b/i;

const PADDING = /[ ]{3,}|\t/;
const ASCII_ALNUM = /[A-Za-z0-9]/;
/**
 * Addresses known the world over, of a head of government and a novel's hero, which guides,
 * quizzes and lessons quote: 10 Downing Street, 221B Baker Street, 1600 Pennsylvania Avenue.
 * No customer lives there. (Not a building of many tenants: "350 Fifth Avenue, Suite 4810" is
 * an office's.)
 */
const LANDMARK =
  /^(?:10 Downing St(?:reet|\.)?|221 ?B,? Baker St(?:reet|\.)?|1600 Pennsylvania Ave(?:nue|\.)?)(?![\p{L}\d])/iu;
/** A cell that holds a whole address: a word of three letters and a number, and a comma. */
const CELL_ADDRESS = /^(?=[^,]*,)(?:.*\p{L}{3}.*\d|.*\d.*\p{L}{3})/u;

/** The first tab-separated cell of `span` that reads as a whole address, as [start, end). */
function addressCell(span: string): [number, number] | null {
  let from = 0;
  for (const cell of span.split('\t')) {
    const trimmed = cell.trim();
    if (trimmed !== '' && CELL_ADDRESS.test(trimmed)) {
      const lead = cell.indexOf(trimmed);
      return [from + lead, from + lead + trimmed.length];
    }
    from += cell.length + 1;
  }
  return null;
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // The address ends at its ZIP: what follows is another number's label.
    {
      text: 'residing at 6171 Harbor View Rd, San Diego, CA 92152, Tax No. 095-61-5688, hereby',
      value: '6171 Harbor View Rd, San Diego, CA 92152',
    },
    // Labels in Kazakh, Georgian, Armenian (its colon "՝"), Myanmar (its comma "၊"), Khmer;
    // Vietnamese and Swahili before the house or the street, with no colon.
    {
      text: 'Мекенжайы: 050040, Алматы қ., Әл-Фараби даңғылы, 77/8, 45-пәтер\nҰялы телефон',
      value: '050040, Алматы қ., Әл-Фараби даңғылы, 77/8, 45-пәтер',
    },
    {
      text: 'მისამართი: თბილისი, ილია ჭავჭავაძის გამზ. 37, ბინა 14\nტელეფონი',
      value: 'თბილისი, ილია ჭავჭავაძის გამზ. 37, ბინა 14',
    },
    {
      text: 'Հասցե՝ ք. Երևան, Կոմիտասի պող. 45, բն. 12\nՀեռ.՝',
      value: 'ք. Երևան, Կոմիտասի պող. 45, բն. 12',
    },
    {
      text: 'နေရပ်လိပ်စာ: အမှတ် ၄၅၊ ဗိုလ်ချုပ်လမ်း၊ ဗဟန်းမြို့နယ်၊ ရန်ကုန်\nလက်ခံ',
      value: 'အမှတ် ၄၅၊ ဗိုလ်ချုပ်လမ်း၊ ဗဟန်းမြို့နယ်၊ ရန်ကုန်',
    },
    {
      text: 'អាសយដ្ឋាន: ផ្ទះលេខ ២៤ ផ្លូវ ២៧១ សង្កាត់ទួលទំពូង ខណ្ឌចំការមន ភ្នំពេញ\nលេខ',
      value: 'ផ្ទះលេខ ២៤ ផ្លូវ ២៧១ សង្កាត់ទួលទំពូង ខណ្ឌចំការមន ភ្នំពេញ',
    },
    {
      text: 'email khoa.tran96@gmail.com, địa chỉ số 18 ngõ 45 phố Hào Nam, Đống Đa, Hà Nội.',
      value: 'số 18 ngõ 45 phố Hào Nam, Đống Đa, Hà Nội',
    },
    {
      text: 'namba yake ya NIDA ni 1988, na anaishi Mtaa wa Samora, Nyumba Na. 14, Dar es Salaam.',
      value: 'Mtaa wa Samora, Nyumba Na. 14, Dar es Salaam',
    },
    // A label's line in Russian, Ukrainian, Arabic (its own comma and digits), Hebrew, Hindi
    // and Thai; Japan's postal mark before a postcode.
    {
      text: 'Адрес доставки: 119034, г. Москва, ул. Пречистенка, д. 12, кв. 48.\nСвязаться',
      value: '119034, г. Москва, ул. Пречистенка, д. 12, кв. 48',
    },
    {
      text: 'Адреса: м. Харків, просп. Науки, буд. 14, кв. 52, 61166\nВид',
      value: 'м. Харків, просп. Науки, буд. 14, кв. 52, 61166',
    },
    {
      text: 'العنوان: ١٥ شارع التحرير، الدقي، الجيزة\nشكراً',
      value: '١٥ شارع التحرير، الدقي، الجيزة',
    },
    {
      text: 'כתובת חדשה: רחוב הרצל 45 דירה 8, רמת גן 5226712\nתודה',
      value: 'רחוב הרצל 45 דירה 8, רמת גן 5226712',
    },
    {
      text: 'पता: मकान नं. 45, गली नं. 3, शास्त्री नगर, जयपुर, राजस्थान 302016\nधन्यवाद',
      value: 'मकान नं. 45, गली नं. 3, शास्त्री नगर, जयपुर, राजस्थान 302016',
    },
    {
      text: 'ที่อยู่ใหม่: 99/12 หมู่บ้านพฤกษา ซอยลาดพร้าว 71 เขตลาดพร้าว กรุงเทพฯ 10230\nขอบคุณ',
      value: '99/12 หมู่บ้านพฤกษา ซอยลาดพร้าว 71 เขตลาดพร้าว กรุงเทพฯ 10230',
    },
    // Persian, Marathi, Bengali and Tamil labels; the line ends at a sentence's end or a remark
    // in brackets, not at an abbreviation's dot.
    {
      text: 'نشانی: تهران، خیابان شریعتی، کوچه نیلوفر، پلاک ۱۸، واحد ۳\nموضوع',
      value: 'تهران، خیابان شریعتی، کوچه نیلوفر، پلاک ۱۸، واحد ۳',
    },
    {
      text: 'पत्ता: फ्लॅट 302, साई कृपा अपार्टमेंट, शिवाजी नगर, पुणे 411005. संपर्क: 9823012345.',
      value: 'फ्लॅट 302, साई कृपा अपार्टमेंट, शिवाजी नगर, पुणे 411005',
    },
    {
      text: 'ডেলিভারি ঠিকানা: ২৭/বি, লেক গার্ডেনস, কলকাতা ৭০০০৪৫। কোনো সমস্যা হলে',
      value: '২৭/বি, লেক গার্ডেনস, কলকাতা ৭০০০৪৫',
    },
    {
      text: 'சரியான முகவரி: எண் 12, காமராஜர் சாலை, அண்ணா நகர், சென்னை 600040. தயவுசெய்து',
      value: 'எண் 12, காமராஜர் சாலை, அண்ணா நகர், சென்னை 600040',
    },
    {
      text: 'Верный адрес доставки: г. Екатеринбург, ул. Фрунзе, д. 67, кв. 112 (вход со двора), тел. 8 (912) 604-18-33.',
      value: 'г. Екатеринбург, ул. Фрунзе, д. 67, кв. 112',
    },
    {
      text: '- she moved to 〒530-0001 大阪府大阪市北区梅田2-4-9 グランメゾン梅田1205\n- new phone',
      value: '530-0001 大阪府大阪市北区梅田2-4-9 グランメゾン梅田1205',
    },
    // A CSV row's street cell right after a phone's digits; an element's or a key's street line.
    {
      text: 'name,phone,street,city\nAoife Byrne,+353 85 564 0128,45 Dame Street,Dublin 2',
      value: '45 Dame Street,Dublin',
    },
    { text: '<address>\n  <line>51 Kingsway</line>\n  <city>Cardiff</city>', value: '51 Kingsway' },
    { text: '{"line1": "51 Kingsway", "city": "Cardiff"}', value: '51 Kingsway' },
    // A full stop after a whole postcode ends the sentence and the address.
    {
      text: 'Registered office: 18 Wharf Road, London N1 7GR. VAT No. GB 123 4567 89',
      value: '18 Wharf Road, London N1 7GR',
    },
    // Japanese in Latin letters: block numbers, district, ward, prefecture, postcode.
    {
      text: 'Please send it to our Tokyo office: 2-14-7 Jingumae, Shibuya-ku, Tokyo 150-0001. Thanks!',
      value: '2-14-7 Jingumae, Shibuya-ku, Tokyo 150-0001',
    },
    // A Spanish floor's side; a Dublin district and the Eircode after it.
    'Calle de Alcalá 137, 3º izquierda, 28009 Madrid',
    {
      text: 'Send it to 24 Harcourt Street, Dublin 2, D02 XY45 please.',
      value: '24 Harcourt Street, Dublin 2, D02 XY45',
    },
    // Turkish types capitalised with the number's label ("No: 45"); Malay and Indonesian
    // prefix types ("Jalan", "Jl.") with "No." for the number.
    'Atatürk Bulvarı No: 45, Çankaya, Ankara 06420',
    {
      text: 'Alamat: No. 21, Jalan Ampang Hilir, 55000 Kuala Lumpur',
      value: 'No. 21, Jalan Ampang Hilir, 55000 Kuala Lumpur',
    },
    // A flat, a floor or a door after the house number, in the local words, up to the town:
    // "apto 32", "3.º B", "4ºB", "2. th.", "ap. 7", "-III", "/31", "4-4".
    {
      text: 'Endereço: Rua Tabapuã, 1123, apto 45, Itaim Bibi, São Paulo - SP, 04533-014',
      value: 'Rua Tabapuã, 1123, apto 45, Itaim Bibi, São Paulo - SP, 04533-014',
    },
    'Calle de Atocha 61, 2.º B, 28012 Madrid',
    'Prinsengracht 263-III, 1016 GV Amsterdam',
    'Vesterbrogade 48, 3. tv., 1620 København V',
    'Str. Lalelelor nr. 9, bl. C2, ap. 14, 021345 București',
    'Calle del Coso, 17, 3-2, 50003 Zaragoza',
    // ...and before it, set off by commas: the flat, the floor, a building's name after its flat.
    'Flat 4, Harbour Court, 27 Quayside Road, Plymouth PL1 3DE',
    'Level 9, 101 Collins Street, Melbourne VIC 3000',
    'Blk 8 Lot 21 Rizal St., Marikina City 1800',
    {
      text: 'Alamat: Jl. Melati No. 14 RT 002/RW 007, Bandung 40123',
      value: 'Jl. Melati No. 14 RT 002/RW 007, Bandung 40123',
    },
    {
      text: 'Kirim ke Jl. Sudirman No. 5, Jakarta Pusat 10220',
      value: 'Jl. Sudirman No. 5, Jakarta Pusat 10220',
    },
    // The rest of an address label's line, in forms the scanner does not know, up to the
    // next field.
    {
      text: 'Current address: Flat No. 804, Lotus Residency, 6th Main, Indiranagar, Bengaluru, Karnataka 560038.\nKindly',
      value: 'Flat No. 804, Lotus Residency, 6th Main, Indiranagar, Bengaluru, Karnataka 560038',
    },
    {
      text: 'Adres: Kızılay Mah. Gül Sok. No:126 D:8, 06420 Çankaya/Ankara   Telefon: yok',
      value: 'Kızılay Mah. Gül Sok. No:126 D:8, 06420 Çankaya/Ankara',
    },
    // The cells of a table's address column, a comma left unquoted in one.
    {
      text: 'id,name,phone,address\n2,Ibrahim Okoye,07700 900982,4 Mill Lane, York\n3,Hettie Marsh,07700 900112,9 Elm Close',
      value: '4 Mill Lane, York',
    },
    {
      text: 'id,name,phone,address\n2,Ibrahim Okoye,07700 900982,4 Mill Lane, York\n3,Hettie Marsh,07700 900112,9 Elm Close',
      value: '9 Elm Close',
    },
    // CJK addresses after their labels, in a JSON value too.
    {
      text: '住所：〒163-0006 埼玉県さいたま市大宮区桜木町4-7-16\nメール：x',
      value: '〒163-0006 埼玉県さいたま市大宮区桜木町4-7-16',
    },
    {
      text: '{"address": "〒262-6087 京都府京都市下京区烏丸通1-11-7 202号室", "locale": "ja-JP"}',
      value: '〒262-6087 京都府京都市下京区烏丸通1-11-7 202号室',
    },
    { text: '收货地址：北京市朝阳区建国路88号 100022', value: '北京市朝阳区建国路88号 100022' },
    {
      text: '电话：13537802133\n地址：浙江省杭州市西湖区科华北路614号金色花园17幢5单元804\n',
      value: '浙江省杭州市西湖区科华北路614号金色花园17幢5单元804',
    },
    {
      text: '변경 주소: 인천광역시 연수구 송도과학로 244 래미안아파트 107동 404호\n운송장',
      value: '인천광역시 연수구 송도과학로 244 래미안아파트 107동 404호',
    },
    // A type that is also a noun ("Creek"), made a street by the unit after it.
    { text: 'Send it to 4027 Oak Creek Apt. 109 please', value: '4027 Oak Creek Apt. 109' },
    // A street named after a surname that is also a common word.
    { text: 'Ship it to 4027 Will Street tomorrow', value: '4027 Will Street' },
    // A street line with no type the lists know, above its town line.
    {
      text: 'Jane Roe\n4027 Harvey Wall\nAustin, TX 78701',
      value: '4027 Harvey Wall\nAustin, TX 78701',
    },
    // A tab-separated export's address cell, between the name's and the country's.
    {
      text: 'NL-2025185217\t2025-05-02 13:44\tJip Hermans\tKeizersgracht 281, 1015 VM Amsterdam\tNL',
      value: 'Keizersgracht 281, 1015 VM Amsterdam',
    },
    {
      text: 'El mensajero puede recogerlo en Avinguda Diagonal, 20, 3º B, 08089 Barcelona, estoy',
      value: 'Avinguda Diagonal, 20, 3º B, 08089 Barcelona',
    },
    // A French postal box and its town.
    { text: 'Société Alpha, BP 128, 75008 Paris', value: 'BP 128, 75008 Paris' },
    // A street in a JSON string, after its key: the closing quote is no inch mark.
    {
      text: '{"street": "Av. Insurgentes Sur 1602", "city": "Ciudad de México"}',
      value: 'Av. Insurgentes Sur 1602',
    },
    // A house number and words after an address label, with no street type the lists know;
    // and before a town line on the same line, the comma after the town left out.
    { text: '{"id": 7, "address": "445 Waterside"}', value: '445 Waterside' },
    {
      text: 'Shipping address: 796 Nels Wall, Austin TX 78701',
      value: '796 Nels Wall, Austin TX 78701',
    },
    // A URL-encoded form value: normalise reads "+" as a space.
    { text: 'name=Ana&street=12+Oak+Lane&city=Springfield', value: '12+Oak+Lane' },
    // A Czech or Croatian street named by an adjective, a Greek one by a genitive, before a town.
    { text: 'Dolská 44, Letohrad (second floor)', value: 'Dolská 44, Letohrad' },
    { text: 'Jane Doe\nBrijunska 44, Metković\nPhone on file', value: 'Brijunska 44, Metković' },
    { text: 'Γιαννοπούλου 85, Γρεβενά (second floor)', value: 'Γιαννοπούλου 85, Γρεβενά' },
    // USPS and British types that are also words, with a cue.
    {
      text: 'Billing address: 7593 Gutkowski Spring, East Clairehaven',
      value: '7593 Gutkowski Spring, East Clairehaven',
    },
    // An Irish name with its apostrophe is no software's casing ("ESLint").
    { text: "Ship to 12 O'Connell Street, Dublin", value: "12 O'Connell Street, Dublin" },
    // Where someone may stop by.
    { text: 'Stop by 12 Harbour View tomorrow.', value: '12 Harbour View' },
    // Where an invoice goes, past the firm's name.
    { text: 'Invoice to: Acme Ltd, Vorstadt 88, Wetzikon', value: 'Vorstadt 88, Wetzikon' },
    // An address word later in the sentence.
    {
      text: 'Is Celsiova 71, Duchcov still the correct billing address?',
      value: 'Celsiova 71, Duchcov',
    },
    // A comma after the house number (India, Ireland), confirmed by the town and postcode.
    {
      text: 'Ship to 12, Park Street, Kolkata 700016',
      value: '12, Park Street, Kolkata 700016',
    },
    // A Brazilian town, its state after a spaced dash, then its CEP.
    {
      text: 'Endereço: Rua Augusta 1200, São Paulo - SP, 01304-001',
      value: 'Rua Augusta 1200, São Paulo - SP, 01304-001',
    },
    // A unit on the next line after a postcode starts another address.
    {
      text: 'Our HQ: 1 Microsoft Way, Redmond, WA 98052.\nUnit 5, 12-14 George St, Sydney NSW 2000',
      value: '1 Microsoft Way, Redmond, WA 98052',
    },
    // A street line with an ordinary word after it; Nordic types written with a capital; a
    // Dutch compound.
    { text: 'Return label for 6680 E Jackson Street attached.', value: '6680 E Jackson Street' },
    { text: 'The courier left it at Carolines Gata 4 yesterday.', value: 'Carolines Gata 4' },
    { text: 'Delivery failed for Levypark 34, please confirm.', value: 'Levypark 34' },
    // Portuguese, Italian, Spanish and Belgian street types before the name; Romanian "Bloc"
    // for the number; Turkish types written with a capital.
    {
      text: 'Return label for Ladeira Norberto Pimentel 2508 attached.',
      value: 'Ladeira Norberto Pimentel 2508',
    },
    { text: 'Our office at Rotonda Pavone 422 is closed.', value: 'Rotonda Pavone 422' },
    { text: 'Our office at Drève Schaefer 5 bis is closed.', value: 'Drève Schaefer 5 bis' },
    {
      text: 'The courier left it at Intrarea Eternitatii, Bloc 35 yesterday.',
      value: 'Intrarea Eternitatii, Bloc 35',
    },
    { text: 'Jane Doe\nSevgi Sokak 9, Siirt\nPhone on file', value: 'Sevgi Sokak 9, Siirt' },
    // A Hungarian street named with a word in lower case.
    {
      text: 'She lives at Árpád fejedelem útja 62, Budapest.',
      value: 'Árpád fejedelem útja 62, Budapest',
    },
    // Norwegian, Danish and Finnish compounds.
    { text: 'Delivery failed for Granittkollen 4, please confirm.', value: 'Granittkollen 4' },
    { text: 'Pickup point: Lainepenger 15, Turku', value: 'Lainepenger 15, Turku' },
    // Where a parcel was left or is picked up, and a warehouse or an office, before a street
    // named without a type.
    { text: 'The courier left it at Šibenska 3 yesterday.', value: 'Šibenska 3' },
    { text: 'Pickup point: Trpanjska 13, Lipik', value: 'Trpanjska 13, Lipik' },
    // A postal block: a bare name and number, the town and postcode below.
    { text: 'Smith Ltd.\nKaevu 94\nNicosia 61089', value: 'Kaevu 94\nNicosia 61089' },
    // A floor in words between the street and the town.
    {
      text: 'Write to 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.',
      value: '51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA',
    },
    // A capital inside a street's name after a name prefix.
    { text: 'Send it to 12 DeKalb Avenue, Brooklyn', value: '12 DeKalb Avenue, Brooklyn' },
    // A weak type after a long house number, closing the clause.
    { text: 'Can you update it to 365 Herzog Bypass?', value: '365 Herzog Bypass' },
    { text: 'The courier left it at 3 Gunnar Ridge yesterday.', value: '3 Gunnar Ridge' },
    { text: 'Ship it to Palotás fasor 28, 6303 Hét please.', value: 'Palotás fasor 28, 6303 Hét' },
    // A date as the street's name, common in Mexico and Spain.
    {
      text: 'Please ship it to Paseo 20 de Noviembre, 5.',
      value: 'Paseo 20 de Noviembre, 5',
    },
    { text: 'Vivo en Av. 16 de Septiembre 1204', value: 'Av. 16 de Septiembre 1204' },
    { text: 'Please ship it to 5411 Chloe Circuit.', value: '5411 Chloe Circuit.' },
    { text: 'I moved to Zeleno polje 5 last month.', value: 'Zeleno polje 5' },
    // No digit at all: a Spanish street "sin número".
    { text: 'Please ship it to Privada Berta s/n, gracias', value: 'Privada Berta s/n' },
    // A compass point before a numbered street is no staircase letter and flat number.
    {
      text: 'He lives at 3849 N 4th Street Apt. 912.',
      value: '3849 N 4th Street Apt. 912',
    },
    { text: 'Ship to 3849 E 5th Ave, Denver', value: '3849 E 5th Ave, Denver' },
    // USPS "Route" and British "Yard" are street types, with a town after them.
    { text: 'Ship to 4171 Mills Route, Nicholasshire', value: '4171 Mills Route, Nicholasshire' },
    { text: 'Ship to 1 Valentine Yard, Little Larkin', value: '1 Valentine Yard, Little Larkin' },
    // A Polish flat ("m." for mieszkanie) after the house number, and the "szosa" type.
    { text: 'He lives at ul. Czajka 53a m. 221.', value: 'ul. Czajka 53a m. 221' },
    { text: 'Adres: szosa Lesiak 97 m. 859', value: 'szosa Lesiak 97 m. 859' },
    // Spanish street types of the INE list beyond calle and avenida.
    {
      text: 'Mándenlo a Poblado Norma, 74\n14636 Santa Cruz de Tenerife',
      value: 'Poblado Norma, 74\n14636 Santa Cruz de Tenerife',
    },
    {
      text: 'Adres: bulw. Brzeziński 5/5, 58-365 Kalety',
      value: 'bulw. Brzeziński 5/5, 58-365 Kalety',
    },
    {
      text: 'Entrega: 4478 Marginal Melo, 28094-668 São Paulo',
      value: '4478 Marginal Melo, 28094-668 São Paulo',
    },
    {
      text: 'Адрес: ул. Ленина, 15, 620014 Екатеринбург',
      value: 'ул. Ленина, 15, 620014 Екатеринбург',
    },
    {
      text: 'Доставка: Стрийська майдан, 4, 99698 Бровари',
      value: 'Стрийська майдан, 4, 99698 Бровари',
    },
    {
      text: 'Envíenlo a Calzada de Tlalpan 1420, 04220 Coyoacán.',
      value: 'Calzada de Tlalpan 1420, 04220 Coyoacán',
    },
    { text: 'Deliver to 12 Fox Fold, Leeds LS6 2AA please', value: '12 Fox Fold, Leeds LS6 2AA' },
    { text: 'Ship it to 221B Main St Apt 4 please.', value: '221B Main St Apt 4' },
    {
      text: 'Office: 350 Fifth Avenue, Suite 500, New York, NY 10118-0110.',
      value: '350 Fifth Avenue, Suite 500, New York, NY 10118-0110',
    },
    {
      text: 'Send the forms to P.O. Box 123, Springfield, IL 62704',
      value: 'P.O. Box 123, Springfield, IL 62704',
    },
    'PSC 0725, Box 6031\nAPO AP 99241',
    { text: 'Mail goes to USNV Vincent\nFPO AA 68422 now.', value: 'USNV Vincent\nFPO AA 68422' },
    {
      text: 'Jane Roe\n48 Harbour Road\nFlat 2\nBrighton\nBN1 1AA\nUnited Kingdom',
      value: '48 Harbour Road\nFlat 2\nBrighton\nBN1 1AA\nUnited Kingdom',
    },
    {
      text: 'Lieferadresse: Musterstraße 12a, 10115 Berlin',
      value: 'Musterstraße 12a, 10115 Berlin',
    },
    {
      text: 'Bitte an Hauptstr. 5, 80331 München schicken.',
      value: 'Hauptstr. 5, 80331 München',
    },
    { text: 'Wir wohnen Am Markt 3, 06108 Halle.', value: 'Am Markt 3, 06108 Halle' },
    {
      text: 'Livraison au 12 rue de la Paix, 75002 Paris',
      value: '12 rue de la Paix, 75002 Paris',
    },
    {
      text: 'Mon adresse : 7 bis avenue Victor Hugo, Lyon',
      value: '7 bis avenue Victor Hugo, Lyon',
    },
    { text: 'Envíelo a Calle Mayor 5, 28013 Madrid', value: 'Calle Mayor 5, 28013 Madrid' },
    { text: 'Dirección: C/ Señores Curas 88', value: 'C/ Señores Curas 88' },
    {
      text: 'Avda. de la Constitución 14, Sevilla',
      value: 'Avda. de la Constitución 14, Sevilla',
    },
    { text: 'Rua Augusta 274, 1100-053 Lisboa', value: 'Rua Augusta 274, 1100-053 Lisboa' },
    { text: 'Indirizzo: Via Roma 1, 00184 Roma RM', value: 'Via Roma 1, 00184 Roma RM' },
    {
      text: 'Adres: ul. Narewska 94, 00-950 Warszawa',
      value: 'ul. Narewska 94, 00-950 Warszawa',
    },
    {
      text: 'Bezorgen op Parijsstraat 8, 1071 AB Amsterdam',
      value: 'Parijsstraat 8, 1071 AB Amsterdam',
    },
    {
      text: 'Levereras till Magasinsgatan 3, 411 18 Göteborg',
      value: 'Magasinsgatan 3, 411 18 Göteborg',
    },
    { text: 'Osoite: Koskikatu 25, 96200 Rovaniemi', value: 'Koskikatu 25, 96200 Rovaniemi' },
    {
      text: 'Hersnapvej 4, 8600 Silkeborg, Denmark',
      value: 'Hersnapvej 4, 8600 Silkeborg, Denmark',
    },
    { text: 'Vi bor i Trenerys gate 232, 0456 Oslo', value: 'Trenerys gate 232, 0456 Oslo' },
    { text: 'The bus station is on Villacher Strasse 89', value: 'Villacher Strasse 89' },
    { text: 'My zip code is 2371', value: '2371' },
    { text: 'He lives at Joaquin Suarez 2906.', value: 'Joaquin Suarez 2906' },
  ],
  noMatch: [
    // Vietnamese "địa chỉ" before no number; English words that hold "ishi".
    'Vui lòng cập nhật địa chỉ email của bạn trước ngày 15.',
    'Publishing: 12 titles, finishing: 4 titles, polishing, 3 more',
    // A postcode's inward part glued to its letters is no house number before "Dr".
    'Room 4TR. GP Dr Rebecca Sinclair.',
    '<order>\n  <line>3 Items</line>\n</order>',
    'Price 1,45 Euro Street Food',
    // A day and its month ending a sentence, then a word that is also a street's type.
    'Shipped Tue, 21 May. Track at delhivery.com/track',
    // A duration cut in two after a log's columns, beside a billing word.
    '  Warning  BackOff    2m11s (x212 over 51m)  kubelet  failed container api in pod billing-api_billing(d9eefc5c)\n  Normal   Pulled     2m14s (x15 over 51m)   kubelet  Container image',
    // A test record's placeholder postcode.
    'row 2  naam="[test record]"  dob=1900-01-01  postcode=0000 AA',
    // Landmarks quoted in a guide.
    'Sherlock Holmes "lived" at 221B Baker Street, London NW1 6XE — the museum is next door',
    "King's Cross Platform 9¾, and 10 Downing Street (viewed from Whitehall).",
    'The White House, 1600 Pennsylvania Avenue NW, Washington, DC 20500',
    // A letter's title after "عنوان" (title, subject) and "I don't know" in Hindi.
    'عنوان الرسالة: طلب استرداد رقم 4471',
    'मुझे पता नहीं कि ऑर्डर 4471 कब आएगा',
    // A diagnosis code's label before its number.
    'Reason for visit: follow-up BP\nBilling code A888A Dx 401',
    // Other kinds of address, and a label's line with no postal address on it.
    'IP address: 10.0.0.1, gateway 10.0.0.254; Email address: hello 2024, see below',
    'Address: same as above, 2 people; Wallet address: bc1 stuff 1234, later',
    // An invoice's lines: a product named like a street between its code and quantity.
    'KT-5779-OK      Calle Mayor Espadrilles           11      693,75 €\n178-BLK-L-396   Mulberry Court Rug                20       $413.40',
    // A wallet's address in JSON.
    '{"address": "0x71C7656EC7ab88b098defB751B7401B5f6d8976F", "chain": 1}',
    // Columns of e-mail and IP addresses, and an address column's second line.
    'user,email address,ip address,address line 2\nana,ana@example.org,10.0.0.12,Floor 3',
    // A seat, not a square.
    'am 2026-04-01 um 18:18 Uhr ab Rostock. Sitzplatz 27E. Die Differenz von 1507,00 €',
    // Blood pressure, not a boîte postale.
    'Vitals: HR 88, BP 128/84, SpO2 97%.',
    'BP 120 mmHg systolic after the dose',
    // A count before a title-cased phrase.
    'Season 2 Will Drive the ratings up',
    // Addresses that are no place.
    'IP address: 10 Gigabit uplinks',
    'Email address: 5 Stars Support',
    // "come to" is a conclusion's as often: no cue.
    'We have come to 3 Key Points in the review.',
    // Street types that are also words, in prose.
    'We migrated 3 Java Spring services and 2 Night Light plugins.',
    // Such a word and a number without a town after it.
    'Dolská 44 was the score.',
    'I bought a 27" monitor and a 12" tablet.',
    'Wall Street: 12 analysts agree',
    // An address word in the next sentence.
    'Build 42, Windows passed. Send the new address later.',
    // A number, a comma and a street's name in prose, with no town after it.
    'Chapters 3, Main Street and 4, Elm Road are reprinted.',
    // A room and a warehouse's level are no streets.
    'The courier left it at Room 3 yesterday. Warehouse: Level 3 Section 5',
    // An entrance and an airport's gate with their numbers.
    'Please use Entrada 3 of the building, then Gate 40 at Terminal 2.',
    // Software is cased so; streets are not.
    '- Move to ESLint 9 - Update dependencies',
    // English "via" before an acronym; a weekday before a day and a year.
    'Requires setup.cfg-only projects to be built via PEP 517, by requiring it.',
    '* Fri 18 2014 Pravin Satpute <p.satpute@example.com> 1.07.4',
    // English "via" after a number; a list of models.
    'Based on FreeBSD PR 37416 via Ed Maste; ok',
    // A year before a name that ends in a street type.
    'Mon Apr 23 09:15:03 2001  Anthony Green  <green@example.com>',
    // A short number after a capitalised word is a level or a chapter.
    'Level 3 Data Center, rack 12. Chapter 2 Hidden Valley.',
    // Negative numbers in code.
    'pid, status = os.waitpid(-1, os.WNOHANG)',
    'support for Radeon 7000 IGP;\n  Radeon 9100; Radeon 9500; Radeon 9000 IGP; Radeon 9200',
    'Nos vemos el 20 de noviembre a las 5.',
    'We scored 12 points last game, and circuit 5 is down.',
    // A staircase letter and flat stay a house number's; "m." with no number is metres.
    'The mast is 14 m. high and Scotland Yard is in London.',
    'El bloque 3 del curso empieza el lunes. Tengo una quinta parte del pedido, 12 unidades.',
    'The marginal cost is 5 dollars per seat.',
    'Order 12345 shipped on Monday, tracking 1Z999AA10123456784.',
    'Let me show you at 3 Main features of the new release.',
    'Version 2 Street Fighter was released in 1991.',
    'Can you call me at 5 pm tomorrow?',
    'Step 3 Avenue of approach: keep the door closed.',
    'Read Chapter 12 Park and Recreation Laws before the exam.',
    'We have 3 Main Street stores and 2 warehouses.',
    'Ticket 48213 Berlin office escalated; see invoice 2024-0017.',
    'Upgrade to Windows 11 Pro and Python 3 via Slack 2 times a week.',
    'The 2024 Paris Olympics had 10500 athletes.',
    'Boarding at Gate 23, Terminal 2, flight LH 401 at 10:45.',
    'Price: $1600 Pennsylvania edition, 25 Park tickets.',
    'Meet me at 10 am in Room 4 next to Building 7.',
    'See RFC 7231 section 6.5.1 and ISO 9001 clause 4.',
    'Commit 3f2a9c1 fixed 12 Drive mapping bugs during spring 2023.',
    'In March 2021 the team grew to 45 people.',
  ],
};
