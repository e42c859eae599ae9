import { findNames, type FindNamesOptions } from '../names/finder.ts';
import { spelledNames } from '../names/spelled.ts';
import type { Detector, DetectorExamples } from '../types.ts';

/**
 * Person names: the name pass (stage `nlp`), run last on what the pattern detectors left.
 *
 * Names have no checksum and no fixed shape, so evidence is combined: name lists (census and
 * compromise first names and surnames, plus common European ones), the shape of a run of
 * capitalised words (First Last, First M. Last, particles such as "van" and "de"), and cues
 * around it ("Dear", "Mr.", "Name:", "my name is", "Regards,\n", "X wrote:"), in English,
 * German, French and Spanish. A lone known first name needs context; an unknown capitalised
 * word needs a strong cue. A text typed all in lower case is read with its known first names
 * (and the words after them) capitalised. See rules/names/finder.ts for the scores.
 *
 * compromise is not called: as a tie-breaker it cost 20-35 ms a call and added as many false
 * alarms as names (rules/names/compromise.ts has the figures). The finder examines every
 * capitalised word of a text (there is no cap: names far into a 1 MB paste are found); it tries
 * the word pattern only at upper-case letters, remembers what the lists say about each word, and
 * tries a cue pattern only when it could raise the score. See finder.ts for the measured cost.
 */
/**
 * The name detector with finder options: `npm run eval -- --compromise` builds one with
 * compromise as the tie-breaker, to re-measure whether it pays its way.
 */
export function createPersonName(options: FindNamesOptions = {}): Detector {
  return {
    id: 'person-name',
    types: ['PERSON'],
    // Any letter: a text typed all in lower case is scanned with its likely names capitalised
    // ("follow up with patricia desrosiers", see truecase in rules/names/finder.ts).
    prefilter: /\p{L}/u,
    stage: 'nlp',
    detect(text, ctx) {
      const names = findNames(text, ctx.taken, options);
      // A found name spelled out letter by letter: "Radcliffe, that's R A D C L I F F E".
      if (names.length === 0) return names;
      return names.concat(spelledNames(text, names, ctx.threshold));
    },
  };
}

export const personName: Detector = createPersonName();

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // Names in Cyrillic by their labels, lists and endings; a surname and its initials.
    {
      text: 'ФИО: Кузнецов Дмитрий Олегович\nДата рождения: 14.07.1985',
      value: 'Кузнецов Дмитрий Олегович',
    },
    { text: 'Клиентка Белова Н. С. продиктовала данные карты', value: 'Белова Н. С' },
    { text: '[10:14] Оператор Ірина: Добрий день!', value: 'Ірина' },
    { text: 'Καλησπέρα σας κ. Νικολάου, η παραγγελία σας', value: 'Νικολάου' },
    // Names in scripts without capitals after their own labels, honorifics and sign-offs, as a
    // chat's speaker in brackets, and introducing themselves.
    {
      text: 'بيانات العميل\nالاسم: عبد الله بن ناصر الحربي\nالجوال: 0551234567',
      value: 'عبد الله بن ناصر الحربي',
    },
    { text: 'السيدة نورة العتيبي تواصلت معنا اليوم', value: 'نورة العتيبي' },
    { text: "שלום רב,\nגב' מיכל אברהם פנתה אלינו", value: 'מיכל אברהם' },
    { text: 'ग्राहक विवरण\nनाम: श्री दिनेश प्रसाद यादव\nआधार संख्या', value: 'दिनेश प्रसाद यादव' },
    { text: 'ชื่อ-นามสกุล: คุณสมชาย ใจดี\nโทร 081', value: 'สมชาย ใจดี' },
    { text: 'الموظف (سارة): مرحباً، كيف أقدر أساعدك؟', value: 'سارة' },
    { text: 'ممنون از شما\nبا تشکر،\nسارا نوروزی', value: 'سارا نوروزی' },
    { text: '您好，\n我叫王秀英，上周在你们平台购买的空气净化器', value: '王秀英' },
    { text: 'お客様：あの、井上と申しますが、パスワードを忘れて', value: '井上' },
    { text: '이서연 님, 안녕하세요. 문의하신 환불 건은', value: '이서연' },
    // Forms of less common Latin-script languages; a given name signing a message's last line.
    {
      text: 'PHÒNG KHÁM AN BÌNH\nBệnh nhân: Đỗ Quang Vinh        Giới tính: Nam',
      value: 'Đỗ Quang Vinh',
    },
    { text: 'Salam hangat,\nDewi – Customer Service', value: 'Dewi' },
    { text: 'Ticket escalated to the carrier.\n– Jordan (Tier 2)', value: 'Jordan' },
    { text: 'Teléfono de contacto 91 465 37 65 (su hija Marta).', value: 'Marta' },
    {
      text: "Ticket #5531 from Maria dela Cruz, mobile 0917 555 2046\npaolo: ok i'll handle it\nanna: thanks",
      value: 'paolo',
    },
    { text: 'Ring mig gärna på 070-364 35 06. /Elin Johansson', value: 'Elin Johansson' },
    // A workplace after a comma is no firm's name; a referral's label.
    {
      text: 'Treating doctor: Dr Hannah Szymańska, University Hospital Galway',
      value: 'Hannah Szymańska',
    },
    { text: 'Referred by: Darragh Quilty\nIndicators:', value: 'Darragh Quilty' },
    // A chat's speaker beside a role's turns ("Seller:"), and speakers in lower case whom the
    // text names in full.
    {
      text: 'Holly: hi is this still available?\nSeller: yes!\nHolly: can i grab it sat?',
      value: 'Holly',
    },
    {
      text: 'DM: Tom Whitlow ↔ Reena Pathak\ntom: u around?\nreena: ya looking\ntom: ty',
      value: 'reena',
    },
    // The parties of a claim: in capitals before their role, after a plaintiff's label, in a
    // matter's heading.
    { text: 'Claim No: M63CL585\n\nDARRAGH KAVANAGH\tClaimant\nand', value: 'DARRAGH KAVANAGH' },
    { text: 'PLAINTIFF: Jasmine Otieno\nAddress: on file', value: 'Jasmine Otieno' },
    { text: 'Re: Tremblett v. Oakmere Academy Trust – hearing vacated', value: 'Tremblett' },
    // Colleagues taking turns by their nicknames, no role speaking.
    {
      text: 'Tati: alguém me ajuda com a inscrição?\nFilipa: diz\nTati: o cartão dela venceu\nFilipa: ok trato eu disso',
      value: 'Filipa',
    },
    // A booking's passengers: the number glued before, the title after, no part of the name.
    { text: 'PNR 5KQ8ZT\n 1.1OKOYE/CHIAMAKA MRS   2.1OKOYE/EMEKA MR', value: 'OKOYE/CHIAMAKA' },
    // A found name spelled out letter by letter, as a call's transcript writes it.
    { text: "Caller: Ayodele Radford, that's R A D F O R D.", value: 'R A D F O R D' },
    {
      text: 'Patient: Chidi Eze, C as in Charlie, H, I, D, I.',
      value: 'C as in Charlie, H, I, D, I',
    },
    // A surname in capitals before the given name on a list's line; a name alone in brackets
    // after the kin or the role it names; two given names joined by "and" or "+"; a mention
    // made of a given name and a surname the lists miss.
    {
      text: 'Please print SURNAME first.\nTANAKA Hiroshi — Sales Director, Osaka',
      value: 'TANAKA Hiroshi',
    },
    { text: 'his daughter (Funmi, 07700 900 582) will bring him.', value: 'Funmi' },
    { text: 'Our finance controller (Bjørn) says the note is missing', value: 'Bjørn' },
    { text: 'She mentored two juniors (Ruth and Ikenna) this year', value: 'Ikenna' },
    { text: 'Interview schedule\nPanel: Ruud + Fatima', value: 'Fatima' },
    { text: '[10:42] Tom Becker: @priya.raman can you take this one?', value: 'priya.raman' },
    // Columns of people: two ordinary words under "Employee"; Mexico's two surnames.
    {
      text: 'Employee\tDepartment\tSSN\nTrevor Patterson\tOps\t629-69-7472\nMadison Washington\tEngineering\t058-25-5450',
      value: 'Madison Washington',
    },
    { text: 'nombre,apellido_paterno,apellido_materno\nXimena,Gutiérrez,Cruz', value: 'Gutiérrez' },
    // An introduction that goes on, an age after the name, a possessive before a life event.
    { text: "Hi, I'm Nandini and my date of birth is 1953-02-01", value: 'Nandini' },
    { text: 'Intake: Priya Reddy, 29-year-old, born Oct 5 1997', value: 'Priya Reddy' },
    { text: "Reminder: Mariana's retirement party is Friday", value: 'Mariana' },
    // A caller says who and from where.
    { text: "please call me back on +61 3 8474 1175, it's Amara from accounts.", value: 'Amara' },
    // A listed given name in lower case after a verb of speech.
    { text: 'Called four times and spoke to gareth and then to the manager.', value: 'gareth' },
    // A numbered owner's label; a share after the name is no house number.
    {
      text: 'EIN 81-8080044. Owner 1: Lucía Fernández Ortega, 60%, DOB 02/11/1980',
      value: 'Lucía Fernández Ortega',
    },
    // Park, a Korean surname, with a cue.
    { text: 'I spoke with Ethan Park yesterday about the refund.', value: 'Ethan Park' },
    { text: 'Customer: Jiho Park\nOrder: 4471', value: 'Jiho Park' },
    // A birth date or an age and a sex right after the name; a nurse by her title.
    { text: 'Services to Jack Brown, born 4 May 1950, Medicare card on file', value: 'Jack Brown' },
    {
      text: 'SOAP note\nS: Darnell Jackson, 44M, c/o low back pain 2/52',
      value: 'Darnell Jackson',
    },
    { text: 'Call done by Nurse Adeyemi.', value: 'Adeyemi' },
    // A word no list knows and a listed surname opening a sentence, before a verb.
    {
      text: 'Grégoire Dubois paid with American Express 3412 345678 90123.',
      value: 'Grégoire Dubois',
    },
    // A count and a display name: git's shortlog.
    { text: '   239\tJürgen Hoffmann <jurgenhoffmann50@gmx.de>', value: 'Jürgen Hoffmann' },
    { text: '   12 Emily Carter <emily.carter@mail.io>', value: 'Emily Carter' },
    // A calendar invitation's and a directory's common name.
    { text: 'ATTENDEE;PARTSTAT=ACCEPTED;CN=Jun Chen:mailto:junchen31@qq.com', value: 'Jun Chen' },
    { text: 'dn: CN=Emily Carter,OU=Users,DC=corp,DC=local', value: 'Emily Carter' },
    // A field that names its owner, assignee, reporter or author.
    { text: '{"owner": "Emily Carter", "asset": "LAPTOP-IK7K5P4"}', value: 'Emily Carter' },
    // A name joined by "and" to a name found.
    { text: 'We hired two new starters, Callum Reid and Ifeoma Eze, in May.', value: 'Ifeoma Eze' },
    { text: 'Hi Marcus and Shay,\n\nFollowing up on the noise complaint', value: 'Shay' },
    // Form labels and chat roles of Hungarian, Greek, Romanian, Finnish, Italian and Polish.
    { text: 'Név: Nagy Péter\nSzületési idő: 1986.09.14', value: 'Nagy Péter' },
    { text: 'Ονοματεπώνυμο: Μαρία Κωνσταντίνου\nΑΜΚΑ: 05039273692', value: 'Μαρία Κωνσταντίνου' },
    { text: 'Nume și prenume: Ionescu Mihai\nCNP: 1890219129448', value: 'Ionescu Mihai' },
    { text: 'Vakuutuksenottaja: Sanna Heikkinen\nOsoite: Hämeenkatu 20', value: 'Sanna Heikkinen' },
    { text: 'Operatore Chiara: Buongiorno, come posso aiutarla?', value: 'Chiara' },
    { text: 'Poszkodowany: Pan Krzysztof Lewandowski', value: 'Krzysztof Lewandowski' },
    { text: "Λυπάμαι γι' αυτό, κύριε Νικολάου. Η επιστροφή", value: 'Νικολάου' },
    // A person's label, then the surname, a comma and the given names.
    { text: 'Customer: REYES, Maria Guadalupe\nDOB: 04/22/1979', value: 'REYES, Maria Guadalupe' },
    { text: 'Renter: Oyelaran, Adebimpe\nFlorida DL: on file', value: 'Oyelaran, Adebimpe' },
    { text: '  member: OKONKWO-REYES, JASMINE, DOB 05/18/1979', value: 'OKONKWO-REYES, JASMINE' },
    // A message pasted as HTML.
    {
      text: '<p>My name is <b>Ravindra Wickramasinghe</b> and I ordered a laptop.</p>',
      value: 'Ravindra Wickramasinghe',
    },
    // Chat handles made of a person's name: a Slack copy's speaker, an IRC nick, a mention.
    { text: 'maria.lopez  10:02 AM\nprod api is throwing 500s again', value: 'maria.lopez' },
    { text: '[14:02] <hkeller> anyone from the meetup organisers here?', value: 'hkeller' },
    { text: 'deployed, thanks. cc @kofi.mensah for the runbook', value: 'kofi.mensah' },
    // Forms of address of South-East Asia before a given name.
    { text: 'Pak Slamet, saya driver GoSend. Paket sudah di depan.', value: 'Slamet' },
    { text: 'Transfer ke rekening atas nama Ibu Siti Rahmawati.', value: 'Siti Rahmawati' },
    // Korean given names of two hyphenated syllables beside a surname; logins in code and logs.
    { text: '**Authors:** Astrid Nyberg, Ji-woo Park\n**Severity:** SEV2', value: 'Ji-woo Park' },
    { text: 'Thanks for fixing it so fast. - Park Sung-min', value: 'Park Sung-min' },
    {
      text: '    # TODO(mikko.jarvinen): cap jitter once the gateway is fixed',
      value: 'mikko.jarvinen',
    },
    { text: '{"userName": "vikram.iyer", "type": "IAMUser"}', value: 'vikram.iyer' },
    // A job before a name, or as a field's label.
    { text: 'Delivery executive Raju left before she could open it', value: 'Raju' },
    { text: 'I have also spoken to PC Hollis at the station', value: 'Hollis' },
    { text: 'Driver: Abdi (Toyota Camry, silver)', value: 'Abdi' },
    // A human agent in brackets; a quotation's attribution; introductions in a chat.
    { text: 'Tahu (agent): Kia ora, how can I help?', value: 'Tahu' },
    { text: '"Works on my laptop, fails in your cloud" - Tobias', value: 'Tobias' },
    { text: "Kia ora, I'm Wairua. Can I get the email on the order?", value: 'Wairua' },
    { text: '[14:05] Customer: marcus delaney\n[14:06] Agent: Thanks', value: 'marcus delaney' },
    { text: 'Customer: hey, jordan here, parcel PW448120GB', value: 'jordan' },
    // Names in capitals after a title in other languages (also on the line above), a particle
    // inside; after a role with a number or a French "(e)"; two words no list knows as words.
    {
      text: 'Banco Mediterráneo\nDña. DIANA REYES SOLORIO\nCalle Cervantes, 123',
      value: 'DIANA REYES SOLORIO',
    },
    { text: 'De heer ILIAS DE RUITER\nStationsweg 62 A', value: 'ILIAS DE RUITER' },
    { text: 'Herr\nARVED WEIMER\nMozartstraße 130a', value: 'ARVED WEIMER' },
    { text: 'Il/La sig./sig.ra ANA LUIZA MACEDO, C.F. allegato', value: 'ANA LUIZA MACEDO' },
    {
      text: 'Pasajero 1: ANA LUISA FLÓREZ RINCÓN  |  Fecha nac.: 15/02/1996',
      value: 'ANA LUISA FLÓREZ RINCÓN',
    },
    {
      text: 'Patient(e) : FRÉDÉRIQUE FOURNIER   Né(e) le : 03/11/1965',
      value: 'FRÉDÉRIQUE FOURNIER',
    },
    { text: 'Customer: DEION KONOPELSKI, called twice', value: 'DEION KONOPELSKI' },
    {
      text: '1. Mietinteressent: JANNEK ZIMANYI\n   geboren am 06.09.1953',
      value: 'JANNEK ZIMANYI',
    },
    // Cells in capitals under a column of full names.
    {
      text: 'ref_client;nom_complet;email\nCUST-115364;JOSSELIN VINCENT;jv@example.fr',
      value: 'JOSSELIN VINCENT',
    },
    {
      text: 'NIF | APELLIDOS Y NOMBRE | IMPORTE\n50751313L | CERVÁNTEZ CHAVARRÍA GUADALUPE | 534,00 €',
      value: 'CERVÁNTEZ CHAVARRÍA GUADALUPE',
    },
    // An account's holder in capitals after the words that name one.
    {
      text: 'Bonifico sul conto n. 84340721007 intestato a LUIZA MOREIRA:',
      value: 'LUIZA MOREIRA',
    },
    {
      text: 'cuenta 01827734711810374120 (titular MARTÍN COLUNGA SOLORIO).',
      value: 'MARTÍN COLUNGA SOLORIO',
    },
    // A speaker the lists do not know, in a dialogue another speaker anchors.
    { text: 'Ubul: What a wife.\nNicole: Remember me?', value: 'Ubul' },
    // A doctor's surname typed in lower case; a note's dash signature without a blank, or with
    // the writer's number; an agent speaking for a desk; a label of a prescription.
    { text: "Can u tell dr o'hara-haag the rash is worse?", value: "o'hara-haag" },
    { text: 'Re the bill that doctor morissette ordered. Thanks', value: 'morissette' },
    { text: 'Set up $133/mo. -Trisha', value: 'Trisha' },
    { text: 'Payment plan agreed.\n– Amparo (971-247-2389)', value: 'Amparo' },
    { text: 'À rappeler au +33 7 13 59 80 99 — Judicaël', value: 'Judicaël' },
    {
      text: 'Remington (Billing): Your balance is $60.22. Would you like to pay now?\nEarnest: yes pls.\nRemington (Billing): Thank you.',
      value: 'Earnest',
    },
    { text: 'Prescriber: Jaylon Quist, NP', value: 'Jaylon Quist' },
    { text: 'Pat.: Marah Klabuhn, * 22.5.1959', value: 'Marah Klabuhn' },
    { text: 'IHI 8003 6018 4814 3629, Molly Hamilton, born 10/05/1989', value: 'Molly Hamilton' },
    // HR forms and exports: a row numbered with '#', a manager's label, a referee's, a name's
    // part that is also a word, a French form's surname in capitals, a key-value pipe table.
    {
      text: 'employee_id,first_name,last_name\n#74390,Kathleen,Wintheiser',
      value: 'Wintheiser',
    },
    { text: 'Job title: Account Executive\nManager: Stephon Goyette', value: 'Stephon Goyette' },
    { text: 'Referee 2: Anagh Banerjee – anagh61@saini.net', value: 'Anagh Banerjee' },
    { text: 'First name:\tSincere\nLast name:\tSchroeder', value: 'Sincere' },
    { text: 'Nom : COUSIN\nPrénom : Avigaëlle', value: 'COUSIN' },
    { text: 'Prénom | Gabriel\nNom | Jacquet', value: 'Jacquet' },
    { text: 'Thanks & Regards,\nTriloki Patel\n90837-42943', value: 'Triloki Patel' },
    { text: 'Reference received.\n\nCompleted by Anabelle', value: 'Anabelle' },
    { text: 'Title\tMr\nFirst name*\tKenyatta\nSurname*\tBaumbach', value: 'Kenyatta' },
    { text: 'Naam aanvrager: Senna Huisman\nBSN: 510205458', value: 'Senna Huisman' },
    {
      text: 'id;imie_nazwisko;data_ur;email\nSCH1;Natanael Stępniak;11.06.2001;n@o2.pl',
      value: 'Natanael Stępniak',
    },
    // A claim's parties: in lower case after their role, and in a two-party form table.
    { text: '- 3p driver oluwaseun adeyemi reg thz-3687', value: 'oluwaseun adeyemi' },
    { text: 'defendant: orla walsh dob 10/10/1981', value: 'orla walsh' },
    // A speaker no list knows, named elsewhere in the chat; a full name taking turns with a
    // firm's account.
    {
      text: '11:19 - Daley: hoi ik kan niet meer inloggen\n11:20 - Liselotte: Goedemiddag! Mijn naam is Liselotte.\n11:24 - Daley: 17 mei 1986',
      value: 'Daley',
    },
    {
      text: '[16/11/2025, 18:56:11] Melina Goldner: Hi, I put the wrong address on the order\n[16/11/2025, 18:57:09] Kettle & Co: Could you give me your order number?\n[16/11/2025, 19:00:01] Melina Goldner: #UK155465',
      value: 'Melina Goldner',
    },
    // Chats: an agent naming their desk, a chat exported as a table with a sender column, a
    // speaker with an emoji before the colon, a speaker's line in Portuguese.
    { text: 'Agent: Bonjour, Lucie du service client 😊 comment', value: 'Lucie' },
    { text: '11:48 - Konsultant: Cześć! Wiktor z tej strony. Co się stało?', value: 'Wiktor' },
    {
      text: 'timestamp;sender;message\n2025-02-27 19:05:17;"Italo Di Nardo";"non riesco a pagare"',
      value: 'Italo Di Nardo',
    },
    {
      text: '16:18 - Benedita ⚽: ola estou a escrever por causa da encomenda\n16:20 - Agente: Hi and welcome! How can we help?\n16:24 - Benedita ⚽: data de nascimento 9 de agosto',
      value: 'Benedita',
    },
    { text: 'Nombre                  | Diego | Josefina', value: 'Josefina' },
    { text: 'Nom | CARRE | ROUX\nPrénom | Audrey | Scholastique', value: 'ROUX' },
    // Roles and "in the name of" in the other languages; the Dutch "Naam".
    {
      text: 'Paciente: Josep Cordero Vega\nTarjeta sanitaria: CORD011230',
      value: 'Josep Cordero Vega',
    },
    { text: 'Bestuurder: Maurits de Haan\nGeboren: 15/11/1990', value: 'Maurits de Haan' },
    {
      text: 'conto corrente n. 721935647539 intestato a Liberatore Butera presso',
      value: 'Liberatore Butera',
    },
    { text: 'Naam: Isa Zuiderveld\nBSN: 104225348', value: 'Isa Zuiderveld' },
    // A CRM panel's two-cell rows; plural and bracketed name labels; minutes and nominations; a
    // letter signed after a blank line; an electronic signature; a note's author in brackets.
    { text: 'About this contact\nFirst name\tJian\nLast name\tLuo', value: 'Luo' },
    {
      text: 'Contact owner\tKelechi Nwosu\nLast activity date\t2025-09-29',
      value: 'Kelechi Nwosu',
    },
    {
      text: 'Surname: Kassulke    First names: Charles\nPrevious surname(s): Kowalski',
      value: 'Kowalski',
    },
    { text: 'Legal Name (Last, First, MI): Nader, Ginger', value: 'Nader, Ginger' },
    { text: 'Apologies: Deepika Kulkarni\n\n1. Actuals vs forecast', value: 'Deepika Kulkarni' },
    { text: '10. Nominee: Aishwarya Patel    Relationship: Spouse', value: 'Aishwarya Patel' },
    { text: 'Regards.\n\nYours faithfully,\n\nEmeka Okonkwo\nQA Engineer', value: 'Emeka Okonkwo' },
    { text: 'Signature: /s/ Aagneya Gowda    Date: 10/03/2024', value: 'Aagneya Gowda' },
    { text: 'Work notes (Chinedu): account created, temporary password sent', value: 'Chinedu' },
    // Given with a birth date or a record number; a relation of someone named by a possessive; a
    // note's dash signature; support shorthand for the patient and the customer; "thx,".
    {
      text: 'This message is for Jaylin Reinger, date of birth January 23, 1990',
      value: 'Jaylin Reinger',
    },
    { text: 'Patient Paris Conn (MRN MR-0836-64848) could not connect', value: 'Paris Conn' },
    { text: "Re-paired over the phone, pt's son Kellen helped.", value: 'Kellen' },
    { text: 'Re-paired over the phone, data flowing. — Harriet', value: 'Harriet' },
    { text: 'hi billing team — pt Ashtyn Hintz overpaid', value: 'Ashtyn Hintz' },
    { text: 'mailing addr on file. thx, Johnson', value: 'Johnson' },
    // A display name whose address is made of its initials, or of an initial and the surname.
    { text: 'cc Tremaine Reinger <tr@mail.test>', value: 'Tremaine Reinger' },
    { text: 'Jaydon Tremblay <jtremblay@mail.test>', value: 'Jaydon Tremblay' },
    // The recipient's line between an address label and the street.
    {
      text: 'Adresse de livraison :\nMence Leroux\n12 rue de la Paix\n75002 Paris',
      value: 'Mence Leroux',
    },
    // A word no list knows, copied in and asked something.
    { text: 'cc Mckayla can you rotate these?', value: 'Mckayla' },
    // Chat transcripts' events and titles.
    { text: 'Tremaine Reinger joined the conversation', value: 'Tremaine Reinger' },
    { text: 'Conversation with Tremaine Reinger', value: 'Tremaine Reinger' },
    // Whom a payment or a document is made out to.
    { text: 'Make the check payable to Tremaine Reinger.', value: 'Tremaine Reinger' },
    { text: 'Statement for Mckayla Rice, March 2024', value: 'Mckayla Rice' },
    // A first name before the team or firm the person is from.
    { text: '- Ashley from Finance approved the refund', value: 'Ashley' },
    // A German doctor's title with the faculty.
    { text: 'Behandelnder Arzt: Dr. med. Lenia Haupt', value: 'Lenia Haupt' },
    // A double-barrelled surname whose second part has an O' or Mc.
    { text: "Customer: Gisselle Abshire-O'Hara", value: "Gisselle Abshire-O'Hara" },
    // Roles that name a person in insurance, lending and chat forms.
    { text: 'Policyholder: Jaydon Tremblay', value: 'Jaydon Tremblay' },
    { text: '[10:43] Visitor: Schuyler Durgan', value: 'Schuyler Durgan' },
    // A form's label alone on the line above the name (a web page or a PDF copied).
    { text: 'Customer name:\nTremaine Reinger\nEmail:\nt@example.com', value: 'Tremaine Reinger' },
    { text: 'Ship to\nAmira Witting\n4027 Oak Street', value: 'Amira Witting' },
    { text: '{"prenom": "Élodie", "nom": "Dubois"}', value: 'Élodie' },
    { text: 'Customer: Roe, Jane\nPlan: gold', value: 'Roe, Jane' },
    { text: 'PATIENT NAME: GARCIA, MARIA\nDOB: 03/12/1984', value: 'GARCIA, MARIA' },
    // A first name that is also a surname, after a verb only a person takes.
    { text: 'I met Ahmed yesterday.', value: 'Ahmed' },
    // Unknown words opening a sentence before a verb only a person does; the one to call
    // back; the one a note is from; a given name that is also a word before an unknown one.
    { text: 'Johanne Gade wants to know why the invoice doubled.', value: 'Johanne Gade' },
    { text: 'Please call Albino Massimi back before 5pm.', value: 'Albino Massimi' },
    { text: 'Note from Isidore Fleury: the app crashes at login.', value: 'Isidore Fleury' },
    { text: 'Clojure mode (Carin Meier), C# mode (Rob Conery)', value: 'Rob Conery' },
    // The text of a markup element: a name, or any word under a tag named for a person.
    { text: '<customer><name>Maria Garcia</name></customer>', value: 'Maria Garcia' },
    { text: '<td>Maria Garcia</td><td>42</td>', value: 'Maria Garcia' },
    { text: '<firstName>Kwabena</firstName><lastName>Owusu</lastName>', value: 'Owusu' },
    // A title before a name in capitals.
    { text: 'Dear MR. JOHN OKAFOR,\nyour refund is on its way.', value: 'JOHN OKAFOR' },
    { text: 'Attn: MRS. GADE', value: 'GADE' },
    // The value of a form field or a query parameter named for a person.
    { text: 'signup ok: customer_name=Aminata Ndiaye plan=pro', value: 'Aminata Ndiaye' },
    { text: 'GET /u?first_name=Aminata&last_name=Ndiaye', value: 'Ndiaye' },
    { text: 'POST /signup name=Jonas+Lindqvist&plan=pro', value: 'Jonas+Lindqvist' },
    { text: 'customer_name=Aminata Ndiaye&plan=pro', value: 'Aminata Ndiaye' },
    // A field whose key names a person, in the syntaxes of XML, PHP, Java, Go, .env and INI
    // files and HTML forms.
    { text: '<customer firstName="Ana" lastName="Oyelaran"/>', value: 'Oyelaran' },
    { text: "array('id' => 7, 'last_name' => 'Oyelaran')", value: 'Oyelaran' },
    { text: "Customer{id=7, lastName='Oyelaran'}", value: 'Oyelaran' },
    { text: '&Customer{ID:7 LastName:"Oyelaran"}', value: 'Oyelaran' },
    { text: 'CUSTOMER_LAST_NAME="Oyelaran"', value: 'Oyelaran' },
    { text: '[customer]\nlast_name = Oyelaran', value: 'Oyelaran' },
    { text: '<input type="text" name="last_name" value="Oyelaran">', value: 'Oyelaran' },
    { text: 'vorname=Hannelore&nachname=Brüggemann&plz=10115', value: 'Brüggemann' },
    // A German name beside German nouns.
    {
      text: 'Die Rücksendung von Herrn Jürgen Weßling ist bei uns eingegangen.',
      value: 'Jürgen Weßling',
    },
    { text: 'Wir haben mit Ursula von der Leyen gesprochen.', value: 'Ursula von der Leyen' },
    // The subject of a person's verb after a word that opens the sentence.
    { text: 'Yesterday Sorina Marginean called about the refund.', value: 'Sorina Marginean' },
    { text: 'Today Stanko Bobeta asked for a callback.', value: 'Stanko Bobeta' },
    // A Vietnamese name written without its marks: "An" is a syllable of it, not a word.
    { text: 'Customer Nguyen Van An called about the refund.', value: 'Nguyen Van An' },
    // A given name and a surname that are both words, after a label.
    { text: 'Name: Grace Price\nPlan: pro', value: 'Grace Price' },
    // A surname that is also a word, alone after a label of a name's part.
    { text: 'Surname: Price\nPlan: pro', value: 'Price' },
    { text: '{"id": 7, "first_name": "Summer"}', value: 'Summer' },
    { text: '| Field | Value |\n|---|---|\n| last name | Oyelaran |', value: 'Oyelaran' },
    // A name in parts under a name key (normalise reads "first" as "first name"); FHIR's lists.
    { text: 'customer:\n  name:\n    first: Ana\n    last: Oyelaran', value: 'Oyelaran' },
    { text: '{"id": 7, "name": {"first": "Ana", "last": "Kowalski"}}', value: 'Kowalski' },
    {
      text: '{"resourceType": "Patient", "name": [{"family": "Oyelaran", "given": ["Tunde"]}]}',
      value: 'Tunde',
    },
    // Georgian and Bengali are scripts without capitals too; "call X back", "X wants ...".
    { text: 'Account holder: ლაშა მჭედლიძე', value: 'ლაშა მჭედლიძე' },
    { text: 'Customer: রাকিব হাসান', value: 'রাকিব হাসান' },
    { text: 'Please call ศิริญา ธรรมเสน back before 5pm.', value: 'ศิริญา ธรรมเสน' },
    // An English word before a first name is no part of it, wherever it stands.
    {
      text: 'Original code Copyright Julian Gruber <julian.gruber@example.com>',
      value: 'Julian Gruber',
    },
    // Not a short one, which is a given name as often, nor one after a label.
    { text: 'Author: Ran Benita <ran@example.org>', value: 'Ran Benita' },
    // An appositive after "client"; the one a package or a booking is for.
    { text: 'Our client, Amy Corwin, requested a callback.', value: 'Amy Corwin' },
    {
      text: 'The package for Pushti Embranthiri has been delayed again.',
      value: 'Pushti Embranthiri',
    },
    // A role written with a capital before the name; a label with no colon; a mail header's
    // display name; a sign-off. (The name before an address: person-name.test.ts.)
    { text: 'Driver Dilara Gilde will deliver between 9 and 12.', value: 'Dilara Gilde' },
    { text: 'Full name Sylwia Majka, DOB 1990-01-01', value: 'Sylwia Majka' },
    { text: '"Joeline Reinelt" <j.reinelt@example.org>', value: 'Joeline Reinelt' },
    { text: 'Signed,\nBryana Lind\nHead of Support', value: 'Bryana Lind' },
    // Full names in a list; owning what a customer owns; charged as a customer is; a role in
    // parentheses after the name.
    { text: 'Attendees: Danyka Heaney, Lars Olsen and Chen Wei', value: 'Danyka Heaney' },
    { text: "Nick Veum's account was locked after three attempts.", value: 'Nick Veum' },
    { text: 'Can you check why Jaya Suthar was charged twice?', value: 'Jaya Suthar' },
    { text: 'Nick Veum (customer since 2015) is asking for a discount.', value: 'Nick Veum' },
    // A name that is also a shop word, after a kinship or a title; after "Soy".
    { text: 'My husband Price Cruickshank placed the order.', value: 'Price Cruickshank' },
    { text: 'Ms. Price called back about the refund.', value: 'Price' },
    { text: 'Soy Homero Villarreal Tejada y les escribo.', value: 'Homero Villarreal Tejada' },
    // A trait only a person has; someone given their own thing.
    { text: 'Why is Katrine so impulsive?', value: 'Katrine' },
    { text: 'Kevin had given Alma his address.', value: 'Alma' },
    // Two words joined by "and", said to be people.
    { text: 'Marrero and Murphy were precision engineers.', value: 'Marrero' },
    // A list after a plural of people: surnames that are also words count.
    {
      text: 'It is the brainchild of our 3 founders: Monjeau, Graves and Reed.',
      value: 'Graves',
    },
    // A ticket's title: its number, a dash, the customer.
    { text: '[Internal] #122856 – Merl Crona\nHanding over.', value: 'Merl Crona' },
    // An initial "A." is no article; a name then "à l'appareil" (speaking).
    { text: 'Bien cordialement,\nA. Rodriguez', value: 'A. Rodriguez' },
    { text: 'Bonsoir,\nAuriane Guyot à l’appareil, enfin par écrit', value: 'Auriane Guyot' },
    // A greeting, then the writer says who they are.
    { text: "Hello, it's Abdon, I'm calling again about the order.", value: 'Abdon' },
    { text: "Oui bonjour, c'est encore Aymon pour le remboursement.", value: 'Aymon' },
    // A given name that is also a word, spelt again by the address after it.
    { text: '"Ruby Sanders" <someone@example.test>', value: 'Ruby Sanders' },
    { text: 'Summer Weimer,summerweimer@posteo.de,+49 40 7123456', value: 'Summer Weimer' },
    // Dot leaders for a colon; a role's label; a speaker and the team in brackets; an agent named
    // after the role; capitals with a surname that is also a word.
    { text: 'Name ........ Rex Padberg\nBirthdate ... 1986-06-23', value: 'Rex Padberg' },
    { text: 'Reviewer: Jordane Crist   Result: PASS', value: 'Jordane Crist' },
    {
      text: '[18:01] Charli (Harbourline Bank): Hi, how can I help?\n[18:02] Customer: my card\n[18:03] Charli (Harbourline Bank): Sure.',
      value: 'Charli',
    },
    { text: 'Medewerker Fieke: Hoi, ik ben Fieke.', value: 'Fieke' },
    { text: '[10:40] Mitarbeiter (Sofie): Hallo Emily,', value: 'Sofie' },
    { text: 'Name: ANNETTA HILLS\nPassport number: 974414623', value: 'ANNETTA HILLS' },
    // Words that are also ordinary ones, spelt by an address after them or two lines below.
    { text: 'Jasper Price <j.price@mail.test>', value: 'Jasper Price' },
    {
      text: 'Jasper Price\nSenior Engineer\njasper.price@mail.test | 555-201-3344',
      value: 'Jasper Price',
    },
    // The one a letter is for, without a colon; a German title in the dative.
    { text: 'Attn. Nikko Jakubowski\n3 Ambrose Rise', value: 'Nikko Jakubowski' },
    { text: 'z. Hd. Herrn Dr. Klaus Weber', value: 'Klaus Weber' },
    // A name spelt with an accent its ordinary twin lacks ("german"); a particle as surname.
    { text: 'Germán Ontiveros called about his order.', value: 'Germán Ontiveros' },
    { text: 'User Tonya Von (ID 3321) reported the outage.', value: 'Tonya Von' },
    // Said to be what only a person is, with the employer between or not.
    {
      text: 'Rościsław Dudek of Lexisnexis is the CEO of the company.',
      value: 'Rościsław Dudek',
    },
    { text: 'Tamsin Oduya is our account manager.', value: 'Tamsin Oduya' },
    // A capitalised particle inside; forwarding to someone.
    {
      text: 'The package for Dalida Di Benedetto has been delayed again.',
      value: 'Dalida Di Benedetto',
    },
    { text: 'Forwarding this to Joah Lubbers in accounts.', value: 'Joah Lubbers' },
    // A user's id after the name.
    { text: 'User Thalea Uhlig (ID 3321) reported the outage.', value: 'Thalea Uhlig' },
    // A Japanese name spaced for readers of Latin; a Korean one; an Arabic one where a person
    // stands.
    { text: 'The package for 学 川田 has been delayed again.', value: '学 川田' },
    { text: 'The package for 세준 서 has been delayed again.', value: '세준 서' },
    { text: 'The package for عوضية العلاني has been delayed.', value: 'عوضية العلاني' },
    // Two words no list knows, as the subject of a call.
    { text: 'Janne Kallio called about the delayed shipment.', value: 'Janne Kallio' },
    { text: 'Julia Marszałek called about the delayed shipment.', value: 'Julia Marszałek' },
    // A degree or a generational suffix after words no list knows.
    { text: 'Please call Kayli Trantow DDS.', value: 'Kayli Trantow' },
    { text: 'Djenna van der Meulen Jr. called.', value: 'Djenna van der Meulen Jr' },
    // A title's full stop ends no sentence; capitalised and two-word particles stay inside.
    { text: 'I spoke to Dr. Helmer Bailey yesterday.', value: 'Helmer Bailey' },
    { text: 'Hi, this is Cesario De Rosa, I ordered twice.', value: 'Cesario De Rosa' },
    { text: 'Customer: Jorn van der Horst', value: 'Jorn van der Horst' },
    // Lower-case particles between a title and the surname belong to the name.
    { text: 'The patient was seen by Dr. van den Bosch.', value: 'van den Bosch' },
    { text: 'Sra. de la Fuente llamó ayer.', value: 'de la Fuente' },
    // Verbs that hand a ticket or an account to someone.
    { text: 'Ticket assigned to Sostrato Accardi (tier 2).', value: 'Sostrato Accardi' },
    { text: 'Please forward this to Maarit Aaltonen.', value: 'Maarit Aaltonen' },
    { text: 'Presley Dicki called about the delayed shipment.', value: 'Presley Dicki' },
    // A state code after a surname is a title ("MD"); "OK?" after a name is a question.
    { text: 'Jane Smith, MD signed it.', value: 'Jane Smith' },
    { text: 'Call Maria, OK?', value: 'Maria' },
    // A known first name and a surname typed in lower case after a word that takes a person.
    { text: 'Hi! I spoke with maria garcia yesterday about Order 5512.', value: 'maria garcia' },
    // In lower case after an introduction, or as the one an order or a refund is for.
    { text: 'its laura boyle again, still no refund', value: 'laura boyle' },
    { text: 'the refund to maria garcia never arrived', value: 'maria garcia' },
    { text: 'Ticket: customer john smith called, wants refund.', value: 'john smith' },
    // Cells under a column of names in a pasted table, ordinary words under "Last Name" too.
    {
      text: '| Customer | Order |\n|---|---|\n| Mylan Veenstra | 5512 |',
      value: 'Mylan Veenstra',
    },
    { text: 'First Name\tLast Name\tCity\nChandramani\tGill\tPune', value: 'Gill' },
    // The same cues in German, French, Spanish, Italian, Dutch and Portuguese.
    { text: 'Ich habe gestern mit Milan Schönfeld telefoniert.', value: 'Milan Schönfeld' },
    { text: "J'ai parlé avec Audeline Charpentier hier.", value: 'Audeline Charpentier' },
    { text: 'Per favore inoltra a Cosima Di Salvo.', value: 'Cosima Di Salvo' },
    { text: 'Klant: Jordy van de Wal', value: 'Jordy van de Wal' },
    { text: 'Grégoire Perrot a appelé au sujet de la livraison.', value: 'Grégoire Perrot' },
    // A role in apposition right after the name.
    {
      text: 'Hijacinta Godina, the technical writer, said it was fixed.',
      value: 'Hijacinta Godina',
    },
    // Spoken to at the start of a question or a request.
    { text: 'Thanks. Logan, could you resend it?', value: 'Logan' },
    { text: 'Jiří, can you check the invoice?', value: 'Jiří' },
    // A first name as the object of a verb of contact.
    { text: 'You can reach Joel on the number below.', value: 'Joel' },
    { text: 'We refunded Elena yesterday.', value: 'Elena' },
    { text: 'Yesterday Xochitl wrote to me about the refund.', value: 'Xochitl' },
    { text: "Hannelore's order never arrived.", value: 'Hannelore' },
    { text: 'Customer: JOHN SMITH\nPlan: PREMIUM', value: 'JOHN SMITH' },
    // Forms of address of more languages.
    { text: 'My neighbour Tomasz signed for it.', value: 'Tomasz' },
    { text: 'Меня зовут Иван Петров, заказ не пришёл.', value: 'Иван Петров' },
    { text: 'Ονομάζομαι Γιώργος Παπαδόπουλος', value: 'Γιώργος Παπαδόπουλος' },
    { text: 'Met vriendelijke groet,\nSanne Visser', value: 'Sanne Visser' },
    { text: 'Nazywam się Piotr Zieliński.', value: 'Piotr Zieliński' },
    { text: 'Gentile Sig.ra Rossi, grazie per la pazienza.', value: 'Rossi' },
    { text: 'Geachte mevrouw De Vries,', value: 'De Vries' },
    { text: 'Szanowny Panie Kowalski,', value: 'Kowalski' },
    { text: 'Olá João, tudo bem?', value: 'João' },
    { text: 'Hej Lars, tack för hjälpen.', value: 'Lars' },
    { text: 'The package was signed for by Okonkwo.', value: 'Okonkwo' },
    { text: 'Hi, this is Ing. Gaio Bozzi, about my order.', value: 'Gaio Bozzi' },
    {
      text: '[11:47] Agent: Dear Angel, how can I help?\n[11:48] Angel: The parcel is wrong.\n[11:50] Angel: Order 4471.',
      value: 'Angel',
    },
    // Full-name labels in other languages; names in capitals under a part's label.
    { text: 'Nome completo: Noemy Ledner\nNacionalidade: British', value: 'Noemy Ledner' },
    { text: 'OSPITE 1\nCognome: LARKIN\nNome: SELENA\nSesso: F', value: 'SELENA' },
    { text: 'Primer apellido: PRECIADO\nSegundo apellido: ALVARADO', value: 'ALVARADO' },
    { text: 'Full name (as in passport): SARISHA PRAJAPAT', value: 'SARISHA PRAJAPAT' },
    { text: 'Kontoinhaber (Vorname, Name): Jaron Mattern', value: 'Jaron Mattern' },
    // The parties of travel, hire and tenancy forms; who handled a case.
    { text: 'Renter: KOHLER, EDEN\nDL# K240-1405-5503 (IL)', value: 'KOHLER, EDEN' },
    { text: 'Condutor: Hélio Nogueira\nCNH nº 48529745660', value: 'Hélio Nogueira' },
    { text: 'Ospite: Florina Giuliano, camera 174', value: 'Florina Giuliano' },
    { text: 'Pratica chiusa.\nOperatore: Davide', value: 'Davide' },
    { text: 'Sprawa zamknięta.\nobsługa: Paweł', value: 'Paweł' },
    { text: 'Gestionado por: Paula – expediente ES3954644', value: 'Paula' },
    // Airline systems' SURNAME/GIVEN, with a passenger's title or a listed name.
    { text: '  1.CASPER/JACOB MR   2.CASPER/BARBARA MRS', value: 'CASPER/BARBARA' },
    {
      text: '{"pax_name":"LOZADA CASAREZ/GABRIELA","segment":"QF 940"}',
      value: 'LOZADA CASAREZ/GABRIELA',
    },
    // Someone's personal data named after them; a given name doing what only people do.
    { text: "Frankie's credit card number is 3577-1234-5678-9012", value: 'Frankie' },
    {
      text: '615-89-4999 is the social security number Lola gave us over the phone.',
      value: 'Lola',
    },
    // A job title after the name's comma is no firm's ("Legal", "Finance").
    { text: 'Regards,\nEfren Treutel, Legal Counsel', value: 'Efren Treutel' },
    // Under a column of names, whatever number the row's cell before it holds.
    {
      text: 'S.No\tGuest Name\tDOB\n1\tTanushree Dhawan\t09/02/1986\n2\tDhatri Marar\t15/07/1972',
      value: 'Dhatri Marar',
    },
    // A SWIFT MT103's parties under their account lines; a passenger in capitals.
    {
      text: ':50K:/IT19P0503465225000002370175\nPAOLA MISTRETTA\nLARGO AUGUSTO, 38\n80133 NAPOLI',
      value: 'PAOLA MISTRETTA',
    },
    { text: 'Pasajero: MARISOL ARCE BLANCO\nPasaporte: SZO485371', value: 'MARISOL ARCE BLANCO' },
    // A note signed after its last sentence; who handled the case, closing the sentence.
    { text: 'Will check for premium-rate fraud (PRF7489821). Padraig', value: 'Padraig' },
    // A lower-case name after a call or a customer's word in other languages.
    {
      text: 'appel de mathilde fournier pour un prélèvement en double',
      value: 'mathilde fournier',
    },
    { text: 'kundin frieda boyde rief an wg doppelter abbuchung', value: 'frieda boyde' },
    // Chat speakers in square brackets, and with the French blank before the colon.
    {
      text: '[cliente] hola, me cobraron dos veces\n[Concepción] ¡Hola! Siento las molestias.\n[cliente] vale\n[Concepción] Ya veo los cargos',
      value: 'Concepción',
    },
    // An agent named in brackets after a note's label.
    { text: 'Agent summary (Ivy): carrier photo shows a different door', value: 'Ivy' },
    { text: 'Notatka konsultanta (Anatol): poproszono obie strony', value: 'Anatol' },
    // An IRC log's speakers in angle brackets: names, not markup.
    {
      text: '[12:01] <Marcus Webb> hey can someone reset my password\n[12:02] <Priya> sure, your email?',
      value: 'Marcus Webb',
    },
    {
      text: '[12:01] <Marcus Webb> hey can someone reset my password\n[12:02] <Priya> sure, your email?',
      value: 'Priya',
    },
    // Addressed at the start of a request: a word no list or dictionary knows.
    { text: 'Kuba, can I please speak to your manager?', value: 'Kuba' },
    // Before the firm someone works for, named with its legal form.
    { text: 'Jouni from Acme Corp called about the invoice.', value: 'Jouni' },
    { text: 'Dzhambek is from Civic Impulse LLC.', value: 'Dzhambek' },
    // A surname that is also an ordinary word, after a given name.
    { text: 'NHS record for patient Gwen Price, ward 4.', value: 'Gwen Price' },
    // A Vietnamese name keeps its syllables that are words elsewhere ("Thu", "Mai"); a phone
    // number after a name is no house number.
    { text: 'Contact: Nguyễn Thị Thu Hà, 0912 345 678', value: 'Nguyễn Thị Thu Hà' },
    { text: 'Hoàng Mai Đặng called about the delayed shipment.', value: 'Hoàng Mai Đặng' },
    { text: 'Contact: Maria Lopez, 0612 345 678', value: 'Maria Lopez' },
    // A CSV row without blanks, with an address in another cell; a compact JSON string value.
    {
      text: 'id,first_name,last_name,email\n1,Kasimir,Oyelaran,k.oyelaran@mail.test',
      value: 'Oyelaran',
    },
    { text: '{"first_name":"Kasimir","last_name":"Oyelaran","id":7}', value: 'Kasimir' },
    // A word no list or dictionary knows, mentioned and asked something, or copied in.
    { text: '@Thandiwe can you check ticket 881?', value: 'Thandiwe' },
    { text: 'Refund approved. cc @Oyelaran', value: 'Oyelaran' },
    // A dash signature, an introduction in a chat (also typed in lower case), a call note.
    { text: 'Order: 45830074, Tracking: IW716395517FR\n– Jermain', value: 'Jermain' },
    { text: 'Jaida here, running late for the delivery, can you wait?', value: 'Jaida' },
    { text: 'hey, baylee here. can u send the invoice again', value: 'baylee' },
    { text: '- Appel entrant de Berkay Melzer à 15:22.', value: 'Berkay Melzer' },
    { text: 'Rückruf von Eliah Kerner erbeten.', value: 'Eliah Kerner' },
    // A person's pronoun after the verb; a surname written first; a hyphenated lower-case part.
    { text: 'Venkata Subramanian called about his SIM card.', value: 'Venkata Subramanian' },
    { text: 'Sato Haruto asked for a callback.', value: 'Sato Haruto' },
    { text: 'Kim Min-jun reported a billing error.', value: 'Kim Min-jun' },
    // An age in apposition is no house number.
    { text: 'Emily Johnson, 42, from Denver reported the issue.', value: 'Emily Johnson' },
    // A possessive before a word of kinship: any name.
    { text: 'It was a done thing between him and Franciska’s kid.', value: 'Franciska' },
    { text: "I'm Misty's daughter, calling about her account.", value: 'Misty' },
    // A support chat: a speaker between the agent's turns, or who speaks twice beside one.
    {
      text: 'Agent: Hello, how can I help?\nZargan Vedzizhev: My order never arrived.\nAgent: Sorry to hear that.',
      value: 'Zargan Vedzizhev',
    },
    {
      text: '[10:32] Jouni Hahli: my order is late\n[10:33] Support: checking it now\n[10:35] Jouni Hahli: thanks',
      value: 'Jouni Hahli',
    },
    // An ordinary word that is a given name too, in a dialogue another speaker's name anchors.
    { text: 'Ella: What a wife.\nDestiny: Remember me, Maria?', value: 'Destiny' },
    {
      text: 'ok danke\n\nAm 12.08.2024 um 9:39 schrieb Darian Freigang:\n> Hallo',
      value: 'Darian Freigang',
    },
    {
      text: '| Field | Value |\n|---|---|\n| Customer | Jewel Champlin |',
      value: 'Jewel Champlin',
    },
    { text: 'Order 4471 again. Jonas here: the parcel is still missing.', value: 'Jonas' },
    { text: 'Krisztián Szöllösy listed his top 20 songs.', value: 'Krisztián Szöllösy' },
    { text: 'Producer Gherardo Napolitani explained the delay.', value: 'Gherardo Napolitani' },
    { text: 'Ms. Austin flew to Oslo on Sunday.', value: 'Austin' },
    { text: 'Regards,\nMilan Howell', value: 'Milan Howell' },
    { text: 'Name: Åsa Laine', value: 'Åsa Laine' },
    { text: 'I spoke with Vitorović yesterday.', value: 'Vitorović' },
    { text: 'Klant: Mevr. Ise Postma', value: 'Ise Postma' },
    { text: 'Pacient: MUDr. Vojmil Valášek', value: 'Vojmil Valášek' },
    { text: 'Me llamo Julio Pérez.', value: 'Julio Pérez' },
    { text: 'Saludos,\nDomingo Ruiz', value: 'Domingo Ruiz' },
    { text: '@Ken can you take this one? The customer called twice.', value: 'Ken' },
    { text: 'Refund sent, tracking 1Z999.\n- Candida', value: 'Candida' },
    { text: 'Prénom: Élodie\nNom de famille: Gonzalez', value: 'Gonzalez' },
    { text: 'Hello, my name is Karl Hall and I need help.', value: 'Karl Hall' },
    { text: 'Dear Mr. Karl Hall,', value: 'Karl Hall' },
    { text: 'Thanks for looking into it.\nPatricia Lowe', value: 'Patricia Lowe' },
    { text: 'Le colis est arrivé abîmé.\n\nBonne journée,\nAgnès Morel', value: 'Agnès Morel' },
    { text: 'Hi, my name is Krisztián Szöllösy and I need help.', value: 'Krisztián Szöllösy' },
    { text: 'Please update the account for Sarah Connor today.', value: 'Sarah Connor' },
    { text: 'Dear Mr. Okonkwo, thank you for your patience.', value: 'Okonkwo' },
    { text: 'Sehr geehrte Frau Šárka Ottová, vielen Dank.', value: 'Šárka Ottová' },
    {
      text: 'The refund was approved by Szabina J. Gelencsér yesterday.',
      value: 'Szabina J. Gelencsér',
    },
    { text: 'Best regards,\nMatthías Traustason', value: 'Matthías Traustason' },
    { text: 'Name: José Núñez\nPlan: Premium', value: 'José Núñez' },
    { text: 'my name is monika žilková and my order is late', value: 'monika žilková' },
    { text: 'I spoke with Ludwig van Dijk about the invoice.', value: 'Ludwig van Dijk' },
    { text: 'Bonjour Madame Lefèvre, votre colis est arrivé.', value: 'Lefèvre' },
    { text: 'Estimado Don Alejandro, gracias por su mensaje.', value: 'Alejandro' },
    {
      text: 'My colleague Edi Živković called twice. Later Živković sent the receipt.',
      value: 'Živković',
    },
    // Given names of Europe and beyond that the census lists miss.
    { text: 'Why is Sigrun so quiet today?', value: 'Sigrun' },
    // Text typed all in lower case.
    { text: 'can you follow up with dorota wiśniewska next week?', value: 'dorota wiśniewska' },
    { text: 'hey, jarmila here. can u resend the invoice?', value: 'jarmila' },
    // A list a colon introduces.
    { text: 'Speakers: Ilves, Kowalczyk and Brandt.', value: 'Kowalczyk' },
    // "von" as a preposition, not a particle.
    { text: 'Eingehender Anruf von Marlene Hoxha um 9:10.', value: 'Marlene Hoxha' },
    { text: 'She named him Frank.', value: 'Frank' },
    // A surname that folds to an ordinary word ("basic") is not that word.
    { text: 'Samantha Bašić employs corporate lingo.', value: 'Samantha Bašić' },
    // Verbs only a person takes make unknown words at a sentence's start a name.
    { text: 'Cendrillon Coudert lives at 333 Golfskálinn 78.', value: 'Cendrillon Coudert' },
    { text: 'Timotea lives on Via dei Fiorentini 17.', value: 'Timotea' },
    { text: 'Zak shouted at the driver.', value: 'Zak' },
    { text: "Wisława Szczepańska's lawyers appealed.", value: 'Wisława Szczepańska' },
    // Relations in German (whole nouns), French and Spanish; "X speaking" in four languages.
    {
      text: 'Wenn ich nicht da bin, kann meine Nachbarin Hannelore unterschreiben.',
      value: 'Hannelore',
    },
    { text: 'Si je suis absent, ma voisine Émérance peut signer.', value: 'Émérance' },
    { text: 'Bonjour,\nLudie Marquardt à l’appareil, enfin par écrit.', value: 'Ludie Marquardt' },
    // A label that ends with a dash.
    { text: 'Full name - Priyanka Raghunathan\nPlan: Pro', value: 'Priyanka Raghunathan' },
    // A person who shares a firm's name, after a cue only a person takes.
    { text: 'Hi, my name is Morgan Stanley and I need help.', value: 'Morgan Stanley' },
    // Two words alone on the first line, above an address: the block's addressee.
    { text: 'Cormac Allan\n12 High Street\nLondon SW1A 1AA', value: 'Cormac Allan' },
    // Where a listed or foreign surname works: "from", "of" or "at" and a capital.
    { text: 'Favian Rangel from Drake PLC is the keynote speaker.', value: 'Favian Rangel' },
    {
      text: 'The jury named Dobrosław Tomaszewski of Fernandez Inc. and two others.',
      value: 'Dobrosław Tomaszewski',
    },
    // In lower case, a verb after a first name is no surname, in German, French or Spanish too.
    { text: 'meine frau sabine kommt morgen vorbei', value: 'sabine' },
    { text: 'mi hermano pablo recoge el paquete', value: 'pablo' },
    // Lower case with a middle initial; after a label padded with spaces.
    { text: 'please follow up with benjamin a seiler next month', value: 'benjamin a seiler' },
    { text: 'i met codey m ross at the depot yesterday', value: 'codey m ross' },
    { text: 'Ticket 4411\nname:    hyuuma t. maida\nplan: pro', value: 'hyuuma t. maida' },
    // A chat exported with a header over each turn, and a messenger's dated stamps.
    {
      text: 'Maurice  9:02 AM\nHow can I help?\nCustomer  9:03 AM\nmy parcel is lost\nMaurice  9:04 AM\nSorry to hear that!',
      value: 'Maurice',
    },
    {
      text: 'Teodora · 14:10\nBonjour, je regarde.\nClient · 14:11\nmerci\nTeodora · 14:12\nC’est réglé.',
      value: 'Teodora',
    },
    // A role before the name in German; an initial's full stop before particles; a firm's word
    // in small letters after a comma opens the next phrase; a maiden name after "née".
    {
      text: 'Versichertennummer T582041735, Patientin Ursula Bergmann, geb. 03.11.1952',
      value: 'Ursula Bergmann',
    },
    {
      text: 'Graag terugstorten op NL94 INGB 0007 3491 82 t.n.v. J. van der Berkel.',
      value: 'J. van der Berkel',
    },
    {
      text: 'Pharmacy note: Rx 6629013 refill for Lorraine Gutiérrez, insurance ID UHC-883920441.',
      value: 'Lorraine Gutiérrez',
    },
    { text: 'VIP note: Mrs. Eleanor Whitcombe-Hayes (née Price) prefers calls.', value: 'Price' },
    // An age written "y/o" after the name; two initials before a surname no list knows; a Malay
    // patronymic; a middle name that is a word between listed names; a lower-case name after
    // "reply to".
    {
      text: 'Patient: Lakshmi Narayanan Iyer, 67 y/o M, admitted.',
      value: 'Lakshmi Narayanan Iyer',
    },
    { text: 'Approvals pending: K. S. Ramachandran (CFO office)', value: 'K. S. Ramachandran' },
    { text: 'Penerima: Nur Aisyah binti Kamarudin', value: 'Nur Aisyah binti Kamarudin' },
    { text: 'Müşteri: Mehmet Can Demir, Ankara', value: 'Mehmet Can Demir' },
    { text: 'can you draft a reply to rohit khanna? his PAN is pending', value: 'rohit khanna' },
    // A speaker for a firm; "hey kevin here" after a speaker's colon; thanks before an emoji.
    {
      text: '[18/03/2024, 20:15] Kerry @ PayFirst: Hi Dave, what should it be?\n[18/03/2024, 20:16] Dave Pryce: the new sort code please\n[18/03/2024, 20:20] Kerry @ PayFirst: updated both',
      value: 'Kerry',
    },
    { text: '(14:01) Kevin Marsh: hey kevin here, direct deposit failed again', value: 'kevin' },
    { text: '(09:14:10) Maria Lopez: thank u ingrid 🙏', value: 'ingrid' },
    // A Teams header naming its speaker surname first after the time.
    {
      text: '[3/14/2024 9:12 AM] Becker, Tom\nCustomer called again\n[3/14/2024 9:13 AM] Nguyen, Linh\nok',
      value: 'Nguyen, Linh',
    },
    // A chat's thanks or goodbye to a given name typed in lower case.
    {
      text: 'Order #12345 shipped today, tracking sent by Email.\nok thank u linnea',
      value: 'linnea',
    },
    { text: 'Order #12345 shipped today, tracking sent by Email.\ncheers, oskar', value: 'oskar' },
    { text: 'Paczka dotarła, Faktura w załączniku.\ndzięki marek', value: 'marek' },
    // A firm named after a person leaves the person found.
    {
      text: 'Invoice from Hausmann Technik GmbH, contact Jonas Hausmann.',
      value: 'Jonas Hausmann',
    },
    // A name in capitals after "holder" with no colon.
    {
      text: 'Card blocked after 3 wrong PIN attempts, holder ANJALI DESHPANDE, linked mobile +91 70218 44590.',
      value: 'ANJALI DESHPANDE',
    },
    // A given name that is also a word opening a sentence or a line: after an imperative ("Reach
    // Faith Okonkwo at ..."), or before a verb in the third person.
    {
      text: 'Hello there.\nReach Faith Johnson at fj@mailbox.org for details.',
      value: 'Faith Johnson',
    },
    { text: 'Summer Nakamura moved to 88 Queen Street last year.', value: 'Summer Nakamura' },
    { text: 'Jack Tremaine rents a unit downtown.', value: 'Jack Tremaine' },
    // A given name with the surname's initial; a surname that is a word after a middle initial.
    { text: 'Note (Alex P., 2025-03-02): caller verified.', value: 'Alex P' },
    { text: 'Best regards,\n--\nBryan T. Bruder\nGottlieb Group', value: 'Bryan T. Bruder' },
    { text: 'Kundin Ursula Bergmann, geb. Krüger, ruft wegen der Rechnung an.', value: 'Krüger' },
    // Given names and surnames beyond Europe's and the census lists: West African, Scottish.
    {
      text: 'Escalation from Nkechi (tier 2): customer Kwame Mensah cannot log in.',
      value: 'Kwame Mensah',
    },
    {
      text: 'Escalation from Nkechi (tier 2): customer Kwame Mensah cannot log in.',
      value: 'Nkechi',
    },
    {
      text: 'Package left at the door in Glasgow G12 8QX for Ewan MacLeish.',
      value: 'Ewan MacLeish',
    },
    // The same with a dash before the time (normalised to "-" before the name pass reads it).
    {
      text: 'Priya Raman — 09:02\ncan you check order 55102?\nRoger — 09:04\nHi, the parcel never arrived.',
      value: 'Roger',
    },
    {
      text: 'Agent - 10:31\nHow can I help?\nMateo - 10:32\nMy card was charged twice.\nAgent - 10:33\nRefunding now.',
      value: 'Mateo',
    },
    {
      text: '[4/2/25, 9:14:03 AM] Okwuosa: Hello! Can you share your booking code?\n[4/2/25, 9:15:10 AM] Renske Visser: sure, it is 7QK2\n[4/2/25, 9:16:40 AM] Okwuosa: Thank you!',
      value: 'Okwuosa',
    },
    {
      text: '(9:41:05 AM) Benedikt - Support: Hi! How can I help?\n(9:42:10 AM) Customer: my card was charged twice\n(9:43:00 AM) Benedikt - Support: Let me check.',
      value: 'Benedikt',
    },
    // "X here" before a dash; a role noun before the name, in English, Dutch and Spanish.
    { text: 'Mirela here – customer on hold about a refund', value: 'Mirela' },
    { text: 'Guarantor Aurelio Brandt never signed the form.', value: 'Aurelio Brandt' },
    { text: 'Klant Sjoerd van Wijk belde over zijn factuur.', value: 'Sjoerd van Wijk' },
    { text: 'la clienta Maricruz dice que no recibió nada', value: 'Maricruz' },
    // A Dutch sign-off; a log's key for the holder; labels of an identity document in capitals.
    { text: 'Kun je dit nakijken?\n\nGroet,\nThijmen', value: 'Thijmen' },
    { text: 'WARN kyc check failed holder="Oyelaran Tunde" doc=8841', value: 'Oyelaran Tunde' },
    { text: 'Name as per PAN: RADHIKA KULKARNI\nBank: Savings', value: 'RADHIKA KULKARNI' },
    // A role's label before a surname that is also a word; labels of applicants, insureds and
    // borrowers in Turkish, French, Italian, Spanish and Swedish.
    { text: 'Ticket closed.\nAgent: Mortimer Swift', value: 'Mortimer Swift' },
    { text: 'Konut Kredisi Başvurusu\nBaşvuran: Eray Atlı   TCKN: yok', value: 'Eray Atlı' },
    { text: 'Contrat n° 0276317510   Sociétaire : Paterne Picard', value: 'Paterne Picard' },
    { text: 'Polizza n. 716682890   Contraente: Costanza Capogna', value: 'Costanza Capogna' },
    {
      text: 'Titular 2: Ariadna Maestas Oquendo\nVivienda: propia',
      value: 'Ariadna Maestas Oquendo',
    },
    // A French record's surname in capitals before the given name; a form's dot leaders; an
    // age after the name; an owner's, a next of kin's and an insured's labels.
    { text: 'Patiente : MARTY Édith   IPP : 462277840', value: 'MARTY Édith' },
    {
      text: 'Subscriber .......... GRIMES ELVA\nDOB ................. 19420101',
      value: 'GRIMES ELVA',
    },
    { text: 'Le 05/05/2025\nEsther Schmitt, 24 ans, 52 kg', value: 'Esther Schmitt' },
    { text: 'Proprietario: Eginardo Corti, cell. su richiesta', value: 'Eginardo Corti' },
    { text: 'NOK: Giovani Stoltenberg (son), see chart', value: 'Giovani Stoltenberg' },
    { text: 'Name: BAILEY, Emily   Hospital no: M373323', value: 'BAILEY, Emily' },
    // A subject line's name after its dash; "my manager is"; a form's "Forename(s)"; a log's
    // key=value in capitals; a given name that is also a product's before a listed surname;
    // a Nordic sign-off on the name's line; a speaker with their role in brackets.
    {
      text: 'New starter IT pack – Samson Bogisich (Software Engineer II) – start 3 Nov',
      value: 'Samson Bogisich',
    },
    { text: 'My manager is Govinda Banerjee, he approved it.', value: 'Govinda Banerjee' },
    { text: 'Title: Mr   Forename(s): Frederic   Surname: Murphy', value: 'Frederic' },
    {
      text: 'WARN account 48/213897/A payer=AISHA TAYLOR dob=n/a amount=516.00',
      value: 'AISHA TAYLOR',
    },
    { text: 'Parent/carer 1          : Ruby Wilson (guardian)', value: 'Ruby Wilson' },
    { text: 'vilket bankgiro gäller?\nMvh Patrik Holmgren', value: 'Patrik Holmgren' },
    { text: 'Visitor: hi\nMaria (Advisor): Hi there, I can see your claim', value: 'Maria' },
    // A name above an address on the next line (no firm's word there); who closed a ticket;
    // staff and couriers named by their role; a Polish JSON key; a WooCommerce export's
    // billing columns.
    {
      text: 'RETURNS LABEL\nFROM: Jaime Nicolas\nFlat 2, 112 Beech Grove\nLeeds',
      value: 'Jaime Nicolas',
    },
    { text: 'Reviews removed. Ticket closed by Robb.', value: 'Robb' },
    { text: 'Staff: Henry @ store 0412', value: 'Henry' },
    { text: 'Reklamacja dostawy: kurier Ryszard zostawił paczkę pod drzwiami', value: 'Ryszard' },
    {
      text: '[{"id": 2420237, "klient": "Hilarion Miśkiewicz", "email": "n/a"}]',
      value: 'Hilarion Miśkiewicz',
    },
    {
      text: 'order_id,status,billing_first_name,billing_last_name\n10230,processing,Mabelle,Flatley-Hermann',
      value: 'Mabelle',
    },
    // A Polish list's surname and given-name columns; a Polish professor's "dr hab."; a first
    // aider on a school trip's form.
    {
      text: 'nr_albumu;nazwisko;imie;data_urodzenia\n424170;Buczkowski;Gerazym;2006-12-18',
      value: 'Gerazym',
    },
    { text: 'Średnia: 3,83\n\nDziekan: dr hab. Beatrycze Małek', value: 'Beatrycze Małek' },
    { text: 'Contacted parent by phone at 12:00\nFirst aider: Seán Mac Giolla', value: 'Seán' },
    // A notary's title.
    { text: 'Notaire chargé de la succession : Maître Solange Dupuis.', value: 'Solange Dupuis' },
    // A chat's last line after its unpunctuated last sentence; a double-dash signature.
    { text: 'card blocked again. pls sort asap, this is the third time\nChloe', value: 'Chloe' },
    { text: 'Escalating to EDD because occupation = "consultant". -- Harpreet', value: 'Harpreet' },
    // A bank statement's payers and payees after the payment's rail.
    {
      text: '20/06/2025  FPS J MITCHELL  -259.69  -130.68\n25/06/2025  FROM MATILDA CHEN   270.43',
      value: 'J MITCHELL',
    },
    { text: '2025-05-06  Swish från KRISTINA HOLMQVIST  877,11', value: 'KRISTINA HOLMQVIST' },
    { text: '12.08.  Gutschrift EMILIAN KOENIG Essen Samstag   +196,17', value: 'EMILIAN KOENIG' },
    // Capitals as a quoted value: a holder's key, or a bare "name" with a listed name word.
    { text: '{"holder": "GÉRARD MARCHAL", "iban_last4": "0189"}', value: 'GÉRARD MARCHAL' },
    { text: '{"id": 7, "name": "TOMASZ KOWALCZYK", "tier": 2}', value: 'TOMASZ KOWALCZYK' },
    { text: 'PASSPORT\nSurname OKONKWO\nGiven names ADAEZE\nNo. X1234567', value: 'OKONKWO' },
    // A chat in lower case: an introduction without its apostrophe, a speaker beside a role's
    // turns, a name before the address that spells it; a full name's turns anchor a one-word
    // speaker's ("Sylvestre:").
    {
      text: 'Customer  5:38 PM\nhi im marcus okonjo\nYou  5:38 PM\nThanks!',
      value: 'marcus okonjo',
    },
    {
      text: 'Support: would you like store credit?\nagustin mbeki: bank transfer pls\nSupport: Sure!',
      value: 'agustin mbeki',
    },
    { text: 'dup charge for edith sorensen / edith81@example.net', value: 'edith sorensen' },
    {
      text: '(6:14 PM) Rodolphe Garnier: bjr je veux être remboursé\n(6:15 PM) Sylvestre: Désolé ! Votre adresse e-mail ?\n(6:16 PM) Rodolphe Garnier: rgarnier@example.fr',
      value: 'Sylvestre',
    },
    // A message signed with a given name alone after a blank line, before a forwarded mail.
    {
      text: 'this is the third email from them\n\nJoel\n\n---------- Forwarded message ---------',
      value: 'Joel',
    },
    // A note's author in its head line before the date; a label's value surname first whose
    // given name no list knows; the Dutch account holder.
    { text: 'Shift notes - Benedek  15/05/2024\npls tidy up for the next shift', value: 'Benedek' },
    { text: 'Employee: Okafor, Adaeze (E49120)', value: 'Okafor, Adaeze' },
    { text: 'Naam rekeninghouder: Sanne Wouters\nIBAN: zie boven', value: 'Sanne Wouters' },
    // A chat whose turns are set off by dashes, a role's among them.
    {
      text: 'Mohamed - i want to cancel. too expensive\nME - Sorry to see you go!\nMohamed - no thanks just cancel',
      value: 'Mohamed',
    },
    // A log line's JSON, keyed by the role.
    {
      text: '{"level":"warn","customer":"Ilse Marwede","error":"card_declined"}',
      value: 'Ilse Marwede',
    },
    // A quoted draft is a message, not a string literal; clergy and forms of address as titles.
    {
      text: "pls make this shorter: 'Dear Chidinma, thank you for reaching out.'",
      value: 'Chidinma',
    },
    { text: 'The contact there is Pastor Kwame Asare.', value: 'Kwame Asare' },
    // A mention by the name in a team chat; a lone given name before a person's verb in Dutch;
    // a surname after a title in a chat typed in lower case.
    { text: '@Steffi kannst du Frau Koch zurückrufen?', value: 'Steffi' },
    // A lower-case given name before a verb of speech; a name in capitals heading a CV above
    // its contact line; a sign-off with its exclamation marks.
    { text: 'ok and ahmed said he would do the rest', value: 'ahmed' },
    // Two unknown words opening a sentence before a life's event, and a pair of them before a
    // verb in the plural; a name before its age and an address.
    { text: 'Gallup, NM. Chenoa Whitehorse was born there in 1978.', value: 'Chenoa Whitehorse' },
    { text: 'Hirut Bekele and Dawit Girma were both on the bus.', value: 'Dawit Girma' },
    { text: 'Gracias!!\nSergi Puig\nDpto. Logística', value: 'Sergi Puig' },
    { text: 'Koningsdag valt erin. Ruben neemt mijn tickets over.', value: 'Ruben' },
    { text: 'oye, el sr. moreno ha vuelto a llamar', value: 'moreno' },
    // A given name under "nombre" beside "apellido"; a surname in capitals alone in its cell;
    // a markup element named in Polish.
    { text: 'nombre\tapellido\ttelefono\nOñate\tLarrañaga\t686809602', value: 'Oñate' },
    { text: 'id,nom,prenom,ville\n1,DUVERNOY,Gaëtan,Lyon', value: 'DUVERNOY' },
    { text: '<Pracownik><Imie>Krzysztof</Imie></Pracownik>', value: 'Krzysztof' },
    // A given name that is also a word, with its desk or shift in brackets.
    { text: 'Message from Faith (night shift): the refund went out.', value: 'Faith' },
    // Capitals under a role, and in the first column of an export whose header names people.
    { text: 'Caller: FAITH AKINYI ODHIAMBO | Acct 7', value: 'FAITH AKINYI ODHIAMBO' },
    {
      text: 'CUST_NAME,CITY,STATUS\nOKONKWO ADAEZE,LAGOS,OPEN\nDE SOUZA JOAO PEDRO,LISBON,CLOSED',
      value: 'DE SOUZA JOAO PEDRO',
    },
  ],
  noMatch: [
    // A firm after a sign-off and its partner's name, a bank answering, a role as a speaker.
    'Yours faithfully,\nAshdown & Keel LLP',
    'Good morning, Brightwell Bank, how can I help?',
    'Banker: And lastly, for the term deposit, do you want it rolled over?',
    // Firms on both sides of a matter; a role in capitals with no name before it.
    'Re: Apple v. Samsung appeal',
    // Acronyms paired after an article; places and schools named after people.
    'Do I bill Medicaid directly with the MSN/ERA attached?',
    '09:30 Encuentro en la Puerta del Sol, junto a la estatua',
    'en el kínder de la escuela Benito Juárez desde marzo',
    // Languages named like people, in a skills list.
    'Languages: Python, Scala, Go, Rust, Julia (basic), Pascal (legacy)',
    'She learned Ada and Pascal at university.',
    'Note: check the logs first\nStatus: pending review\nNote: ask the team\nStatus: done now',
    'CLAIM FORM (Claimant)',
    // Letters that spell no name found: a plan's, a postcode's.
    'The plan is G O L D, the postcode L S eight, press A B C.',
    // Brands of a product, things named after people, a firm's coined word.
    'Also asks if Tempur and Emma mattresses can be returned.',
    "Customer wants the 'Grace Hopper' edition of our coding kit.",
    'Asked whether our Ned Kelly mug is back in stock.',
    "What do I tell customers? Safaricom says it's on our side.",
    'Lane closures on Sheikh Zayed Road continue until March.',
    // A firm signing a letter; a department's mailbox in a mail's header.
    'Yours faithfully\n\nMarsh Fennell Solicitors',
    'From: Lakeshore Mutual Claims <noreply-claims@lakeshore.example>',
    'Johnson Controls and Siemens Healthineers were both late.',
    // Cyrillic capitalises firms, holidays and products too; chat roles and form labels.
    'Банк получателя: ПАО «Банк Восход», БИК 044525974',
    'Очікувана дата: 24.08 (День Незалежності — можливі затримки)',
    '[10:15] Клиент: здравствуйте, не могу зайти в личный кабинет',
    'العميل: السلام عليكم، بغيت أغير كلمة المرور',
    '고객님, 문의해 주셔서 감사합니다.',
    'مع التحية،\nفريق خدمة العملاء',
    'Selamat pagi kak. Boleh dibantu nama dan nomor pesanannya?',
    'Ndege kutoka Jomo Kenyatta International Airport imechelewa',
    // A clock's word in a German quote header; a firm with a Nordic legal form or a builder's
    // word; a street after its "Avenida de"; a desk's mailbox; a town before its province or
    // country; a given name before an ordinary noun; firms of partners' names; places.
    'Am Mo., 2. Juni 2025 um 08:47 Uhr schrieb',
    'Subject: RE: Missing credit note – Halvorsen Marine AS',
    'Invitation: Contract review – Alvarez Construcciones',
    'La nueva sede está en la Avenida de Simón Bolívar, junto a la estación',
    'To: Support Escalations <escalations@umoya-telecom.co.za>',
    '- Regina, Saskatchewan → Canada West\n- Victoria, Canada → not yet covered',
    'Peppa Pig lunchbox – out of stock\nMickey Mouse ears – 120 units',
    'Greyson Stokes\nHead of Operations\nKuhic, Johnson and Brekke',
    'Aristóteles spent a year at Jones, Mitchell and Williams as an assistant',
    'contact our partner (Acme) now',
    '{"owner": "Security Team", "author": "OpenAI"}',
    'ATTENDEE;CN=Sales Team:mailto:salesteam@corp.io',
    'Albrecht & Partner Rechtsanwälte mbB, Maximilianstraße',
    'I asked grace period questions; we spoke to support; please call back',
    "it's Kubernetes from the cluster, it's Pending from yesterday",
    'Abertura de conta PJ: Padaria Pão de Mel Ltda., CNPJ 22.686.696/0001-94',
    'Loja online que nunca entregou. Protocolo de atendimento 42126880262904.',
    'Day 2: Lincoln Park Zoo (free!), then Victoria Park and Stanley Park.',
    'Beneficiary: Markovic Trade d.o.o.',
    "I'm Happy with it, I'm Done and tired",
    'Customer\tRegion\tRevenue\nGeneral Motors\tMidwest\t$1.2M\nBest Buy\tSouth\t$0.8M',
    'subject: CN=api.example.com, O=Example Inc',
    // Streets named after people, without a number; a holiday; a department's signature.
    'Because of the works, strada Mihai Eminescu will be closed until Friday.',
    'From 1 May the shop in Karl Johans gate has new opening hours.',
    'We are closed on Victoria Day.',
    'Z poważaniem\nDział Obsługi Klienta',
    'Location: Springfield, Illinois',
    "Sainsbury's and Marks & Spencer from 1 May; Albrecht & Partner Rechtsanwälte mbB",
    'from Boulevard Haussmann back to Avenue Victor Hugo where the hotel is.',
    'Paket dari Warung Bu Sri sudah di depan, Sucursal Santa Rosa (local 4)',
    'Số 45 Ngõ 112, Phường Trung Hòa, Quận Cầu Giấy, Hà Nội.',
    'sample form like this - Name: Juan dela Cruz, Mobile: 09XX-XXX-XXXX',
    'admin  10:02 AM\nbuild passed\n@here @channel @platform-team',
    'Driver: Nvidia 551.23 (Studio)',
    'Our PC World order arrived.',
    'Use the co-op Park entrance, then check-in Kim Street.',
    'import os.path\nuser.name = config.get("name")  # TODO(perf.tuning): cache it',
    'Passenger name: JANE DOE\nBooking reference: ABC123',
    '"Best pizza in town" - Yelp',
    'Fin (AI Agent): Hi! Nova (bot) will take it from here.',
    "It's Nightly. Ok, moving on.",
    // Brands named like people, whatever cue stands before them.
    "[14:02] Visitor: hi, my order had Ben & Jerry's gift cards, Dr. Martens boots and a jacket\n[14:03] Support: The Dr. Martens and Ben & Jerry's items ship separately.",
    'Snack restock: Dr Pepper, Mr. Clean wipes, John Deere mugs',
    'Ships from\nChester, Virginia\nEst. delivery 9:30 AM',
    'Order #12345 shipped today.\nthanks guys! cheers mate, thx support, ty all',
    // Bots by their bracket or their word; a mail header's word in Swedish; a brand;
    // shops and desks as chat senders; a firm named after the person beside them.
    'Fin (AI Agent): Hi there! How can I help?\nCustomer: where is my order?\nFin (AI Agent): Let me check.',
    'Bot Luna: I can help with returns.',
    'Till: Kundservice <kundservice@butik.se>\nÄmne: Retur',
    "I love Ben & Jerry's ice cream.",
    'Tienda Sol: Hola, tu pedido está listo.\nBäckerei Sonnenkorn: Ihre Torte ist fertig!',
    'Para: Seguros Alba <atencion@segurosalba.es>\nAsunto: Póliza',
    '--\nMaison Lumière SAS\n12 rue des Fleurs',
    'Rose Gold looks great. Summer Camp starts on Monday. Faith Healing works? Ruby Gems installs fast.',
    // A bot introduced as one is no person in its other mentions either.
    'Ask Tessa, our AI assistant, to summarise any ticket. Tessa can also draft replies.',
    'The U. S. Army base; write to mark down the notes.',
    // Typefaces, products named with a given name, storms, places and a department's heading.
    'New: Helena Sans is now the default UI font. Pair it with Victor Mono for code.',
    'SKU,Name,Price\nLMP-2201,Milo Desk Lamp,49.00\nCHR-1180,Ava Ergonomic Chair,199.00',
    'Tropical Storm Calvin is expected to bring rain on Friday; Hurricane Beatriz weakened.',
    'Customer Success Playbook - Chapter 3',
    'The role reports to the Finance Manager, Ho Chi Minh City office.',
    'Acme Retail FZE, Jebel Ali Free Zone, Dubai',
    // A role's value in capitals that holds ordinary words; an invoice's fields beside a given
    // name's line; a German noun opening a message.
    'Customer: ACME PREMIUM SUPPORT',
    'FAKTURA\nFakturanr: INV-2025-59887\nOrdernr: PO64891711\nDatum: 2025-11-23\n\nNetto: 19 787,54 kr',
    'Zusammenfassung vom Helpdesk letzte Woche, kannst du helfen?',
    // A car and a dealer named after its make; a column's gap after an initial or a rank's
    // letters is no title's blank.
    'Make/Model: Kia Sportage 1.6 T-GDi GT-Line    Odometer: 41,000',
    'Kind regards\nHendrick Chevrolet – Service Department',
    'Driver: A. M.   Route: R941  Depot HYD-North',
    'Vehicle: 2020 Chevrolet Equinox LT  Plate: UTR-8161  Fuel out: Full',
    // Products in capitals under a bare "name".
    'sku,name,price\nA-1,BLUE WIDGET,12.00\nA-2,RED GADGET PRO,14.00',
    // Couriers speaking in a chat.
    'Fahrerin: Hallo, meine Auszahlung fehlt\nSupport: Hallo!\nFahrerin: ja hab gewechselt',
    // Slashes between words in capitals that are no one's name.
    'use TCP/IP AND/OR UDP; LHR/JFK; EUR/USD; N/A; HTTP/HTTPS; RSAES-OAEP/SHA-256',
    // Firms of estate agents, solicitors and conveyancers; housing foundations; 'lt.' (laut).
    'Kingsley Hart Estate Agents are delighted to bring this home to the market',
    'Quinlan & Doyle Estate Agents | sosullivan@quinlandoyle.ie',
    'IBAN NL85 TRIO 9900 2443 38 t.n.v. Stichting Derdengelden Notarissen aan de Vecht',
    'Eigentumswohnung Kastanienweg 82, Verkehrswert lt. Gutachten 486.095,87 €',
    "Chase's new app is great; Amazon's address is public",
    'Betreff: Rückzahlung Mietkaution – Schillerstraße 3b, Bremen',
    'ISO 3166-2 codes assigned to Kosovo region; text is now handled by Squire rather than the browser.',
    ':59:/DE89370400440532013000\nACME HANDELS GMBH\n:70:/INV-2291',
    // Schools named after people; students greeted; a phone's French label.
    'AUTORIZACIÓN SALIDA ESCOLAR – IES Miguel Hernández\nLiebe Studierende,\nTél : voir ci-dessus',
    // A beneficiary's relationship; the police; a claim form's title.
    'Relationship: Grandson  DOB on file\nDenuncia en Policía Nacional nº 73947/26.\nMotor Claim Intimation',
    // Holidays, sizes, shipping words and countries in other languages; a team signing off.
    '1er mai – Fête du Travail\n6 stycznia – Trzech Króli\n19 czerwca – Boże Ciało',
    'Tour de doigt (mm)   Taille FR   Taille US\nStandardversand (DHL): 1–3 Werktage\nÖsterreich: 6,95 €',
    'Vänliga hälsningar\nKundtjänst',
    // Agencies greeted; a resident's role in a chat; products before words no list holds.
    'Hej Skatteverket!\nJag har flyttat.',
    'Medewerker: Goedemiddag\nInwoner: ik wil grofvuil laten ophalen',
    'We use Ruby Gems and Swift Package Manager; lunch at Ruby Tuesday.',
    '- Morbus Parkinson (G20.10)\n- Diabetes mellitus Typ 2',
    // Pets and their other mentions; a practice greeted; hospitals named after people.
    'My dog Willow (patient #215841) needs a refill. Willow is microchipped.',
    'Tier: Frieda (Europäisch Kurzhaar, 11 J.)\nNächster Termin: Frieda nüchtern ab 20 Uhr.',
    'Hi Westside Vet Clinic, my order is late.',
    'LETTERA DI DIMISSIONE – Policlinico Universitario Agostino Gemelli',
    'DISCHARGE SUMMARY — Royal Victoria Infirmary',
    // A statement's line to an account or a firm; a list's last item after prose.
    '01/06/2025  TO SAVINGS ACCOUNT  -100.00\n02/06/2025  FROM HMRC TAX REFUND  200.00',
    'Ingredients: flour, sugar, salt and some\nRosemary',
    // Capitals under a bare "name" key: a product, a plan, a region.
    '{"name": "GRACE PERIOD", "days": 14}, {"name": "US EAST"}, {"name": "ACME PREMIUM"}',
    // A French form's labels before their blank and colon.
    'Garant (caution solidaire) : Société Générale\nVisale : pas éligible\nClient : oui',
    // Labels of travel forms with no one in them.
    'Guest: none\nPax: 2 adults\nDriver: UPS GROUND',
    // Airports, stations and holidays named after people; brands with the word before.
    '16:57  LH 1304  Liverpool John Lennon        E35  VERSPÄTET',
    'travaux sur la ligne 1, station Charles de Gaulle – Étoile fermée',
    'US | Martin Luther King Jr. Day | 20/01/2025',
    'Dr. Oetker Ristorante Pizza Salame    58    154,28',
    'Captain Morgan Spiced Gold 70 cl    46',
    // A temperature before a sentence; a library with its version.
    'Bewaren bij -80 °C. Blanco: laatste twee wells per plaat.',
    'Jackson 2.15.1, JDK 21.0.3+8',
    // Lakes, forests, publishers, estates and warehouses.
    'Sample manifest WQ-2025-95 - Loch Ness north shore',
    "Bordereau d'échantillons - Forêt de Fontainebleau",
    'Château Margaux, Premier Grand Cru | 2015 | FR',
    "[15:01] Entrepôt Nord : je regarde\n[15:05] Entrepôt Nord : trouvée derrière l'allée 1",
    '[08:49] Klient: dzień dobry, od rana nie działa internet\n[08:50] Konsultant: dzień dobry',
    // Things a shop names after people, hotels and a town named like one.
    'can you send the replacement Rosie Kids Raincoat to my work address instead?',
    'Warte immer noch auf die Erstattung für Regal Karl, danke',
    'arriving tonight at Hotel Maria Theresia, conf 88010918.',
    'Return scanned at depot (Milton Keynes).',
    'Hi, the bill that doctor west ordered',
    'Shipped to 12 Sunset dr apt 4, Reno',
    // Human resources in capitals, not German's "Hr."; firms of brothers and partners.
    'On 03/10/2025, HR Shared Services wrote:',
    'Responsable de RRHH en Reyna Barrios Hermanos',
    '> Customer Success Manager | Bergmann Versand',
    'Surname: NONE',
    'il conducente ha detto che la controparte non risponde',
    'the tenant rent arrears were discussed',
    '10:00 - Operador: Olá, bem-vindo(a) ao chat!\n10:03 - Operador: Qual é a sua data?',
    'Buongiorno e benvenuto/a nella chat di Ciclomania! Come possiamo aiutarla?',
    'Die Zahlung bitte nur über die Kasse.\nGelesen',
    'date;time;sender;text\n2025-01-06;21:19;"Assistenza";"Buongiorno e benvenuto/a"',
    '[24.11.25, 09:27:44] Nordlicht Energie: Leider gibt es die Jeans nicht.\n[24.11.25, 09:29:31] Nordlicht Energie: Danke, ich prüfe das kurz.',
    'Cognome | Nome | Email\n|---|---|---|',
    'Nombre\tApellidos\tCorreo\nMAC: 5B:E2:4F:FF:49:76',
    // Products, streets and clubs named like people.
    'Camille Backpack – stand 4.2 K24\nOlivia Rug – stand 8.2 Y17',
    'Place du Marché – Rue de la République – Avenue des Tilleuls',
    '| 1   | AC Torre Bianca  | 25 | 25 | 0  | 0  | 52 |',
    'SKU: DDC-6339-AJP\n\nElena Pendant Light\nCharcoal · 131×71×56 cm',
    '| Name | Qty |\n|---|---|\n| Export | 3 |',
    // A list after a place's label; a chat's visitor in German and Spanish; part of a form
    // where the label asks for a surname but gets a word.
    'Strongest cities: Zaragoza, Jackson, Regina.\nNotes: bounce rate up',
    '[13:48:34] Besucher: hallo, meine bestellung ist weg\n[13:50:01] Agent: Ich schaue nach.',
    '[03:38:31] Visitante: hola, el cupón no funciona\n[03:41:04] Agente: ¿Qué código usas?',
    'SURNAME: EXPORT',
    // A version in a release note's head; a firm after a bracketed reference.
    'Release notes - Version 10/01/2024\nFixed the export.',
    'Transferred (ref 4411) – Tidewater Retail',
    // Dashes in a list of places and things.
    'Paris - France\nBerlin - Germany\nMadrid - Spain',
    // A list a colon announces, one given name long.
    'Team members:\n\nMarcia',
    // A pharmacist speaking in a French chat.
    '(3:09 PM) Pharmacien: Bonjour, il manque votre numéro ?\n(3:10 PM) Client: le voici\n(3:11 PM) Pharmacien: Merci !',
    // A CI step's name among YAML keys; a type named after a role.
    'steps:\n  - name: Deploy\n    run: ./scripts/deploy.sh',
    'type Person = {name: string}\ntype Customer = Person & {id: string}',
    // A product after a quantity; a meeting room named for a mountain; a team greeted as an
    // airline; a German formal possessive.
    'Items:\n  1 × Sleek Cotton Ball @ €644.29\nVergaderruimte "Mont Blanc" is verplaatst',
    'Dear Zephyr Air,\nIMEI Ihres Geräts: 254685063202794.',
    'Naam: Prijslijst 2024',
    // A header row of tab-separated cells; a device's interface in brackets; a base class in code.
    'Nombre\tCorreo\tTeléfono\nMAC (Wi-Fi): 5B:E2:4F:FF:49:76',
    'class Iterator(Iterable):\n    pass',
    // A bullet list's items; a font's size; plural record names before another.
    'Todo:\n- Docs\n- Tree Walker\n- Harriet\n12 pt Helvetica Neue headings',
    'Medical Record Numbers, NHS Numbers, CHI',
    'CUSTOMER: ACME, INC\nPLAN: GOLD',
    // Identifiers and keys in YAML, a host name, a relation, firms after a thing's label, a team
    // greeted, a town after "in", a merchant's column.
    'metadata:\n  name: billing-config\nbinaryData:\n---\nname: deploy\non:\n  push:',
    'mongodb:\n  uri: "mongodb+srv://svc:pw@db.example.test"',
    'Asset tag: AT-304635    Hostname: LT-YTA5907    OS build: 22631',
    'Insured: see above    Relationship to patient: Self',
    "Trading name: Mossy Rock Ceramics\nEmployer's name: Bartoletti, Cremin and Corwin",
    "Hi Tandem Ledger devs,\nthe doctor's office in Knoxville says I need a referral",
    'Date\tMerchant\tAmount\n2025-07-12\tPret A Manger\tA$605.97',
    // A department signing; a title-cased list item; an adjective before a surname; a product
    // in an invoice's item column.
    'Thanks,\nProcurement',
    'Restock ETA is 2025-02-07. Cheers, Ops',
    'We went with Plan B. It works; Vitamin C. is optional.',
    'Die Filiale wurde 1998 eröffnet, geb. in Köln von der Stadtverwaltung genehmigt.',
    'Top feedback themes\n3. Manual Missing In Spanish (3%)',
    'Catalog fix:\n- Study Bible, hardcover',
    'Pos. | Menge | Artikel\n3 | 40 | Incredible Bamboo Ball',
    // A team's line above a mailbox of its name.
    'Billing Team\nbilling.team@acme.test\nSales Engineering\nsales.engineering@acme.test',
    // Brands named as a doctor.
    'Dr Pepper and Dr. Oetker pizzas are back; Dr. Martens boots ship Monday.',
    // Products and teams copied in and asked something.
    'cc Jira can you check the board? cc Legal can you review?',
    // A depot above an address, under a label.
    'Warehouse:\nCentral Depot\n12 Main Street\nAustin, TX 78701',
    // Teams behind an address made of their initials, and in a chat's title.
    'Acme Support <as@acme.test> and Billing Team <bt@acme.test>',
    'Slack Connect joined the conversation. Chat with Customer Support',
    // What a document is for when it is no one.
    'Receipt for Order Items; Statement for March Billing; Prepared for Acme Logistics LLC',
    // An academy, a society or an award named after a person.
    'Grace Hopper Academy signed the renewal; the Alan Turing Award went to the team.',
    // A label on the line above a thing, not a person.
    'Product name\nOcean Breeze\nStatus\nOpen',
    'Requester\nFacilities Team',
    // Markup: a heading's words, one word in bold, a product under a tag named "name".
    '<details><summary>Valores Multilínea</summary></details>',
    "highlight() // 'Liechi <b>Berry</b>'",
    '<name>Widget Pro</name>',
    // German nouns are capitalised: noun phrases with "der" and "von", umlauts, and words
    // that are given names elsewhere ("Allen" is "all", "Nur" is "only").
    'Bitte prüfen Sie die Änderung der Lieferadresse, da die Zustellung von Paketen nicht klappt.',
    'Die Kündigung von Verträgen ist nur schriftlich möglich.',
    'Eine Reihe von Einträgen wurde beim Auflösen von Modulen übersprungen.',
    'Allen Kunden senden wir eine Bestätigung. Nur Bestellungen mit Rechnung werden bearbeitet.',
    'Der Name ist ungültig.',
    // Letters beyond ASCII that the sentence's own words use are no sign of a foreign name.
    'Le Service Client de la Société Générale a répondu hier à ma réclamation.',
    // Nor after an article: title-cased nouns.
    'Il Servizio Clienti della Società non risponde.',
    'A Secretaria da Fazenda enviou a Nota Fiscal Eletrônica.',
    // Types after a key of a name's part, in a schema or in code.
    'type User { lastName: String! firstName: String }',
    'last_name: Optional[str] = None',
    // A bare "name" attribute, a comparison in code.
    'foo(name="Tuple", size=2)',
    'if (lastName == "Oyelaran") return;',
    '<input type="text" name="city" value="Springfield">',
    // A bare "name" label before dictionary words: a thing's name.
    'Name: Price List',
    '{"id": 7, "name": "Order Summary", "first": "Ana"}',
    // Capitals after "MS" without its dot, or an acronym after a title.
    "If you don't have them, do this for MS SQL.",
    '- MS Crypto API (Windows only)',
    // A product: a given name before an acronym, a bot that introduces itself; a place after
    // a verb of travel.
    'Auto-testing provided by Travis CI and linting by Jenkins.',
    'Hi, this is Grafana, your monitoring assistant.',
    'We stayed in Bela Vista for a week.',
    'Mrs. USA pageant, Dr. API docs',
    // Fields that name a thing or a host; an argument in code.
    'hostname=Prod Server&file_name=Report Final.pdf&name=Export',
    "Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')",
    // A product before a verb a product does too; a modal opening a question.
    'Grafana Loki wants more memory after the upgrade.',
    '## Will Requizzle break my dependencies?',
    // A first name that is also a surname, in a firm's name after "and".
    'We bought it from Marks and Spencer last week.',
    // Ordinary English words, even after "by" or "according to".
    'Super fast. Backed by Typed Arrays (Uint8Array and ArrayBuffer).',
    // What a name is like, in code and its comments.
    'Otherwise the name is taken from the attribute, and file.name is useful.',
    'kwo_params = {param.name: param for param in self.parameters}',
    // Products in a list, charged or owning an account.
    'We stock Galaxy Buds, Apple Watch and Pixel Pro.',
    "Apple Music was charged twice and Office Depot's account page is down.",
    // A ticket's title that names a feature.
    'JIRA-1234 – Dark Mode\n#4511 - Release Notes',
    // Products are reliable and slow.
    'Figma is very reliable. Why is Grafana so slow?',
    // Firms are partners; products are tools.
    "Acme and Globex were partners. Docker and Kubernetes are the engineers' tools.",
    // Partners and customers may be firms; colours are words.
    'Our partners: Acme, Globex and Initech. Colours: Red, Green and White.',
    // "X here" in a code comment, mid-sentence: no introduction.
    "  // Unreachable here\n  # raise Rounded and Inexact here---they'll always be raised",
    // A greeting before a day.
    "Hello, it's Tuesday again and the parcel is still missing.",
    // A shop's list spelt by its address; a sale as a display name.
    '"Summer Sale" <promo@shop.example>',
    'Price List <pricelist@shop.example>',
    // Microsoft's products; a product's name in code.
    'Fixed pasting nested lists from MS Word.',
    "type Apple = {type: 'Fruit'; name: 'Apple'; edible: true}",
    // A department a letter is addressed to.
    'Rechnung z. Hd. Buchhaltung, Attn. Comptabilité',
    // Firms and products are suppliers and stores, not managers.
    'Northwind Traders is our supplier and Hashicorp Vault is the secret store.',
    // An issue number after a product.
    'nix: Update backend to use Nix Flakes (#414)',
    // Korean spaces its words; phrases in other scripts where no person stands.
    '"Time submitted" means in korean, "입력된 시간"',
    'The word for thanks is شكرا جزيلا in Arabic, and מזל טוב to the whole team!',
    // What a parcel is under is not always someone.
    'You can follow the parcel under Two-Factor Authentication.',
    // Places that read as a given name and a surname; a title letter inside a formula.
    '0x045b: "si_LK", # Sinhala - Sri Lanka\n0x500a: "es_PR", # Spanish - Puerto Rico',
    '# approximation to z*M.  To avoid loss of precision, the',
    // A firm's name holds a business word.
    'Acme Widgets called about the order.',
    'Northwind Traders wrote to us about the invoice.',
    'Final Fantasy IV arrived on Friday, and Windows Server Sr. builds fail.',
    'Product name - Widget Pro\nFile name - Quarterly Report.xlsx',
    // Verbs of contact before words that are no given names; software that "lives at" a path.
    'Please email Support today or reach Billing on the portal. Python lives at /usr/bin.',
    // Given names in products, and towns, under their columns.
    'Product;Price\nOscar Camera;49.90\nNova Plan;12.00',
    'City,Zip\nCharlotte,28202\nAustin,73301',
    // Towns named like people, before their state or province.
    'Flights from Charlotte, NC to Phoenix, AZ were delayed. We visited Victoria, BC and Regina, SK.',
    // Lower-case words after those cues that are no name, or a documentation stand-in.
    'We asked grace period questions. As user jane doe, click Save. Contact sales team today.',
    // Firms after the same cues.
    'Ich habe mit Deutsche Telekom telefoniert. Ho parlato con Poste Italiane ieri.',
    // A firm or a product in apposition, with no role noun.
    'Acme Widgets, the manufacturer, replied. Google Cloud, our provider, failed.',
    // Teams and departments a ticket is handed to.
    'Ticket assigned to Human Resources, then escalated to Second Line and forwarded to Customer Success.',
    // Ordinary words opening a question or a request.
    'Weird, can you check again? Noted, please send it. Honestly, do you know why?',
    // A product line whose last word is also a given name.
    'Is the Amazon Echo Dot compatible with the Nova plan?',
    // A single letter between words in lower case is no initial unless a list knows a word.
    'i bought a size m shirt and we need vitamin d levels checked. give mark a call.',
    "Acme Widget's price went up. Microsoft Azure's pricing page is wrong.",
    // Firms named after people.
    'Morgan Stanley and Berkshire Hathaway both moved their accounts to the new plan.',
    'The order had Calvin Klein jeans and a T Rowe Price statement in it.',
    'Basic plans renew monthly. The basic plan has no phone support.',
    'Grafana lives in the monitoring namespace. Terraform state lives in S3.',
    'Settings lives on the left. Mailgun lives at https://example.test/status.',
    'Customer: ACME PREMIUM\nClient: GLOBEX CORP',
    // Names of things, units and headings that name cues used to take for people.
    'The app name is platform dependent.',
    'The delay before a retry, in ms.  Defaults to 100.',
    "return c.html('<h1>Hello Hono!</h1>')",
    '## Frequently Asked Questions',
    'Works on AWS Lambda, Lambda@Edge, or Node.js.',
    '| Event Name | Logger Method |',
    // The last word of a product or a firm is not the writer.
    'Apple Music wrote that my subscription expired.',
    'Windows Defender said the file was infected.',
    // "mag" (likes) is the Austrian title only with its full stop.
    'Ich mag Schokolade sehr.',
    'We met at the Banco De Chile office.',
    '[09:00] Note: restart the router\n[09:01] Status: open\n[09:02] Note: done',
    // Ordinary words and chat words opening a request; a field's label; a firm's department.
    'Regardless, can you check the order?',
    'Yikes, could you send the invoice again?',
    'Btw, please reset my password.',
    'Shipping from Acme Corp is delayed.',
    // One lower-case word under "name:" in a YAML header or a config block.
    '---\nname: dotenvx\ndescription: Use dotenvx to run commands\n---',
    'metadata:\n  name: frontend\n  namespace: shop',
    'He grew up in Shelly Park.',
    // One ordinary English word, after a greeting or in a JSON value; code around a word.
    'Hello Production',
    '[{"id":1,"name":"Object","nullable":false}]',
    'Tags: {There,Vb,Val,Val,Adj,Noun}',
    'HELLO="Dotenv"',
    '@Injectable can be used on any service class.',
    '@Autowired private UserService users;',
    'Shopping list\n- Milk\n- Eggs\n- Rosemary',
    'Please check the logs.\n- Zendesk',
    'mándenlo aquí:\ncalle 5',
    'I got a call from Initech today about the invoice.',
    // Brands and shops named after people.
    "I ordered from Ben & Jerry's last night.",
    "Trader Joe's was out of stock.",
    'I bought Calvin Klein Jeans for the trip.',
    'Acme Widgets called about their order.',
    // A firm's relatives are firms.
    'Vodafone’s sister company handles the billing.',
    "Zalando's parent company said the refund is on its way.",
    // A ticket's fields between a chat's turns: no one speaks in them.
    'Agent: hi there, how can I help?\nSummary: customer wants a refund\nAgent: ok will do',
    'Agent: hi there, how can I help?\nBestellnummer: 1234 bitte\nAgent: ok will do',
    'Visitor: hallo, ich habe eine Frage\nAgent: Gerne, worum geht es?\nVisitor: meine Bestellung fehlt',
    'Customer: Acme Corp\nAgent: Tom\nResolution: refunded, my apologies to them',
    'Er schrieb Briefe an alle. Am Montag schrieb Support:\n> Danke',
    '| Name | Description |\n|---|---|\n| Export | Nightly CSV |',
    'Support here: how can we help? Click here.',
    'Rapid Cycle explained the delay.',
    'Client Secret rotated. Manager Approval pending.',
    'I flew to Paris on Monday; our Austin office ships to Sydney and Houston.',
    'Chase Bank declined the card. Christmas Eve delivery?',
    'The Geneva office and the Alaska team.',
    'Model OMB-G8313FR. Weight 34.3 kg, dimensions 28 x 68 x 40 cm.',
    'El 5 de Julio llegó el paquete. Domingo cerrado.',
    'Shopping list:\n- Milk\n- Eggs\n- Rosemary',
    'Ping @Support or @Team in the channel.',
    'Tickets for Carnegie Hall are sold out.',
    'We met at the Albert Hall.',
    'The update fixed it.\nSettings\n\nThanks',
    // A file name after a label, as upload metadata carries it.
    'Attachment name: export.csv (12 KB)',
    'Thanks for contacting Acme Support. Your Order Status is Pending.',
    'Please restart Windows and open Microsoft Teams, then sign in to Salesforce.',
    'Our office in San Francisco is closed on Monday, December 25 for Christmas.',
    'Hi Team, the Release Notes for Version 2.4 are in Confluence.',
    'Ask ChatGPT or Claude to summarise the Customer Success Manager report.',
    'Grace period ends in May; Will you renew before June?',
    'Dear Customer, your Refund Request has been approved by our Billing Team.',
    'The CUSTOMER NAME field is REQUIRED.',
    'Sehr geehrte Damen und Herren, Ihre Bestellung wurde versandt.',
    'See https://github.com/JohnSmith/repo and call getUserName() in UserService.',
    'Example: John Doe, 123 Main Street.',
    'Tickets for the La Liga match on Sunday are in the Ticket Portal.',
    'the chrome extension crashes when i open teams and outlook on monday',
    'dear customer, your refund request has been approved by our billing team',
    'we ship from san francisco and santa cruz on friday morning',
    'my father retired last year and my sister moved to madison',
    'Our offices: Dallas, Houston and Austin.\nStores: Walmart, Target and Kroger.',
    'Eingehender Anruf von Montag bis Freitag, Hotline Team.',
    'They called her Monday morning about the Refund Request.',
  ],
};
