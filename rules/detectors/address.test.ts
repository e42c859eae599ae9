/**
 * Extra tests for the address detector beyond its examples: whole blocks as one finding, the
 * parts a block must not swallow, look-alikes from support text, and cost on address-shaped
 * adversarial input (the meta-test's inputs have no street words).
 */
import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { address } from './address.ts';

function found(text: string): string[] {
  return scanWith([address], text).map((f) => text.slice(f.start, f.end));
}

describe('address blocks', () => {
  it.each([
    [
      'Ship to:\nJohn Q. Public\n123 Elm Street\nApt 4B\nSpringfield, IL 62704\nUSA',
      '123 Elm Street\nApt 4B\nSpringfield, IL 62704\nUSA',
    ],
    [
      'Send it to 1234 N. Main St., Suite 200, Dallas, TX 75201-1234',
      '1234 N. Main St., Suite 200, Dallas, TX 75201-1234',
    ],
    [
      'My address is Flat 2, 14 Abbey Road, London NW8 9AY, United Kingdom',
      'Flat 2, 14 Abbey Road, London NW8 9AY, United Kingdom',
    ],
    [
      'Unit 5, 12 Harbour Road, Sydney NSW 2000, Australia',
      'Unit 5, 12 Harbour Road, Sydney NSW 2000, Australia',
    ],
    [
      'Our HQ is at 100 King Street West, Toronto, ON M5X 1A9.',
      '100 King Street West, Toronto, ON M5X 1A9',
    ],
    [
      'Meine Adresse ist Friedrichstraße 43-45, 10117 Berlin.',
      'Friedrichstraße 43-45, 10117 Berlin',
    ],
    [
      'Bitte liefern Sie an:\n\nKarl-Arnold-Str. 65\n70966 Stuttgart\n\nDanke!',
      'Karl-Arnold-Str. 65\n70966 Stuttgart',
    ],
    [
      'Anschrift: Erich-Ollenhauer-Str. 16 3 OG, 19041 Rostock',
      'Erich-Ollenhauer-Str. 16 3 OG, 19041 Rostock',
    ],
    [
      'Envoyez-le au 14, boulevard Haussmann, 75009 Paris, France.',
      '14, boulevard Haussmann, 75009 Paris, France',
    ],
    ['Domicile: 3 ter impasse des Lilas, 69003 Lyon', '3 ter impasse des Lilas, 69003 Lyon'],
    [
      'Mi dirección es Avenida de la Constitución 12, 3º B, 41004 Sevilla',
      'Avenida de la Constitución 12, 3º B, 41004 Sevilla',
    ],
    ['Vivo en Glorieta de Bilbao s/n., 28004 Madrid.', 'Glorieta de Bilbao s/n., 28004 Madrid'],
    ['Osoite on Mannerheimintie 14 A 5, 00100 Helsinki', 'Mannerheimintie 14 A 5, 00100 Helsinki'],
    ['Adres: Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht 123, 1015 CJ Amsterdam'],
    ['USS Nimitz\nFPO AP 96620-2820', 'USS Nimitz\nFPO AP 96620-2820'],
    [
      'Hello, please update my address to the corner of Elm Street 5 and Oak Lane.',
      'Elm Street 5 and Oak Lane',
    ],
  ])('finds the whole block in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it('stops before the greeting, the phone line and table cells after an address', () => {
    expect(found('Lieferadresse: Moltkestr. 38b, 92328 Kassel.\nGruß\nJana')).toEqual([
      'Moltkestr. 38b, 92328 Kassel',
    ]);
    expect(found('| Calle Mayor 5, 28013 Madrid |\n| Pedido | ORD-2024-1234 |')).toEqual([
      'Calle Mayor 5, 28013 Madrid',
    ]);
    expect(found('Deliver to 57 Bank Street, Portland, ME 04101\nRouting number follows')).toEqual([
      '57 Bank Street, Portland, ME 04101',
    ]);
  });

  it('does not let a phone number after a military address become its postcode', () => {
    expect(found('PSC 3294, Box 9168\nAPO AA 61487\n416 60 039 office')).toEqual([
      'PSC 3294, Box 9168\nAPO AA 61487',
    ]);
  });
});

describe('words that only look different', () => {
  // The scanner classifies words by hashes and tries its regexes only where a word can start
  // them; these pin the cases that shortcut must not lose: a Kelvin sign that lower-cases to
  // "k", and matches that start inside a word with an accent or an apostrophe (the finding
  // then starts at the next token, as it always has).
  it.each([
    ['12 Par\u212A Road, Springfield', '12 Par\u212A Road, Springfield'],
    ["d'P.O. Box 12, Springfield, IL 62704", '.O. Box 12, Springfield, IL 62704'],
    // (Read whole since a town line may leave out its comma, as USPS writes "AUSTIN TX 78701".)
    ['ÄAPO AE 09012', 'ÄAPO AE 09012'],
    ['ézip 12345', '12345'],
    ["l'Apartado 45, Madrid", '45, Madrid'],
    ['ÉSW1A 2AA London', '1A 2AA London'],
    ['POBoxNo12 x', 'POBoxNo12'],
    ['Po\u017Ftfach 12', 'Po\u017Ftfach 12'],
    ['Order éplz 12345 Berlin', '12345 Berlin'],
    ['Boîte postale 12, 75002 Paris', 'Boîte postale 12, 75002 Paris'],
    // A word whose lower case is not that of each of its letters ("İ" becomes two characters).
    ['İstiklal caddesi 12, 34430 Beyoğlu', 'İstiklal caddesi 12, 34430 Beyoğlu'],
  ])('finds %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it('takes a military address only in a text that spells "PO" or "po"', () => {
    // The patterns ignore case, but a military address has always needed one of these two
    // spellings somewhere in the text; the scanner checks it only once it has a match.
    expect(found('USS Nimitz\nfpo ap 96620-2820')).toEqual(['USS Nimitz\nfpo ap 96620-2820']);
    expect(found('USS Nimitz\nFpO AP 96620-2820')).toEqual([]);
  });

  it('gives the same answer whatever was scanned before', () => {
    // Token buffers and the lower-case cache are kept between scans; a long text in between
    // (more tokens than are kept) must leave no trace.
    const texts = [
      'Ship to:\nJohn Q. Public\n123 Elm Street\nApt 4B\nSpringfield, IL 62704\nUSA',
      'Lieferadresse: Musterstraße 12a, 10115 Berlin',
      'Order 12345 shipped on Monday, tracking 1Z999AA10123456784.',
      'Livraison au 12 rue de la Paix, 75002 Paris',
    ];
    const alone = texts.map(found);
    found('12 Main Street, Springfield, IL 62704\n'.repeat(12_000));
    expect(texts.map(found)).toEqual(alone);
    expect(texts.slice().reverse().map(found)).toEqual(alone.slice().reverse());
  });
});

describe('look-alikes stay quiet', () => {
  it.each([
    'Your order #4521 will arrive within 5 business days. Invoice INV-2024-0017 is attached.',
    'The 24 Hour Drive-Thru is closed; we sold 12 Park Avenue apartments last year.',
    'Copyright (c) 2013 Gary Court, Jens Taylor',
    'Copyright (c) 2014 C. Scott Ananian',
    'Related rights for sample code are waived via CC0. Sample code follows.',
    'Von den 5 Artikeln der Bestellung DR14364855 war nur einer im Paket.',
    'J\'ai renvoyé le Pixelcraft 27" monitor le 28/09/2024.',
    'Jurassic Park 3 was released in 2001; Street Fighter 2 in 1991.',
    'SKU 88213 Oak Drive Table ships in 2 boxes, 45 kg total.',
    'Customer 88123 reported that 3 Park Place tickets were double charged.',
    'He ran 5 km around the Lake and 3 miles along Ocean Drive in 40 minutes.',
    'Send 3 copies via Email 2 days before the deadline.',
    'The Mayor 5 minutes ago announced the new budget.',
    'Renegade 2 and Brigade 3 are game titles, and Spring 2024 release notes are out.',
    'He was born in 1985 in Springfield and moved in 2001.',
    'Visit booth 214 at CES 2025, Hall 3, Las Vegas.',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('cost', () => {
  const MB = 1 << 20;
  it.each([
    ['street lines', '12 Main Street, '.repeat(MB / 16)],
    ['address blocks', '12 Main Street\nApt 4\nSpringfield, IL 62704\n'.repeat(MB / 40)],
    ['prefix types', 'rue de la '.repeat(MB / 10)],
    ['capitalised words and numbers', 'Ab 12 '.repeat(MB / 6)],
    ['compound names', 'Hauptstraße 5, '.repeat(MB / 15)],
  ])('stays linear on 1 MB of %s', (_name, input) => {
    // Generous bound on CPU time, as in the meta-test: it catches catastrophic backtracking, not
    // slowness, and a loaded machine (time spent waiting for a core) cannot fail it.
    const t0 = process.cpuUsage();
    scanWith([address], input);
    const cpu = process.cpuUsage(t0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(6000);
  });
});
