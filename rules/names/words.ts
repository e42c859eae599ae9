/**
 * Hand-written word lists for the person-name finder: words that are never name parts (stop
 * words), names that are also ordinary words, and common first names and surnames of the
 * languages Hush's users write in that the census lists (lists.generated.ts) miss.
 *
 * All lower-case and space-separated, split once at load by rules/names/lexicon.ts. The name
 * lists are the most frequent names of each country, written from general knowledge; they do
 * not come from @faker-js/faker (the test corpora are generated with it).
 */

/**
 * Capitalised words that are never part of a person's name: sentence starters, greetings and
 * sign-offs, pronouns, support and UI vocabulary, products and companies, calendar words,
 * places, job titles and organisation suffixes. A run of capitalised words is cut at them.
 */
export const STOP_WORDS = [
  // Function words and sentence starters (English).
  'to cc bcc fwd a an the this that these those there here it its i me my mine we us our ours you your yours he him his she her hers they them their theirs who whom whose what which when where why how if then than so but and or nor not no yes yeah yep nope ok okay also just only even still yet already again soon now today tonight tomorrow yesterday always never sometimes often maybe perhaps please thanks thank thx ty sorry hello hi hey dear greetings regards best cheers sincerely kind warm warmest many all any some each every both either neither none nothing something anything everything everyone everybody someone somebody anyone anybody another other others such same own after before since because while although though however therefore meanwhile unfortunately fortunately hopefully actually basically finally firstly secondly lastly additionally also besides otherwise instead indeed again anyway note notes update re fw fwd aw wg tr rv subject question answer issue problem bug error warning info fyi asap eta tbd n/a na nb ps pps attn per via vs etc ie eg',
  'let lets let’s can could would should shall might must do does did done have has had having be is are was were been being get got gets go going went come came see saw look looking looks make made take took give gave send sent call called ask asked tell told try tried use used using need needs want wants like liked love find found check checked contact email emailed message reply replied forward forwarded click tap open close select choose enter type press login log sign signin signup register subscribe unsubscribe download upload install uninstall update upgrade reset restart refresh delete remove add edit save cancel confirm submit continue proceed return returns refund refunds exchange ship shipped deliver delivered track tracking order ordered pay paid charge charged billed verify verified resolve resolved escalate escalated assign assigned welcome',
  // Support, commerce and account vocabulary.
  'ticket tickets case cases request requests inquiry enquiry complaint feedback support help helpdesk desk service services customer customers client clients user users member members agent agents team teams staff admin administrator moderator manager supervisor owner account accounts profile settings setting preferences dashboard portal console home homepage page pages menu button link tab tabs field form forms window dialog popup screen view panel sidebar header footer toolbar search filter sort status state priority severity category type product products item items sku model version release build plan plans pricing price prices tier subscription subscriptions trial license licence invoice invoices receipt receipts payment payments card cards credit debit balance wallet transaction transactions purchase purchases cart basket checkout shipping shipment delivery package parcel courier warehouse stock inventory order orders return exchange warranty guarantee policy policies terms conditions privacy security password passwords login username code codes pin otp token key keys api sdk app apps application applications website site web online offline mobile desktop device devices phone tablet laptop computer browser extension plugin integration integrations feature features option options setup installation configuration config report reports analytics data database file files document documents attachment attachments folder image images photo photos video videos audio message messages email emails mail inbox chat conversation call calls meeting meetings event events calendar schedule appointment booking reservation notification notifications alert alerts reminder reminders newsletter campaign marketing sales billing finance accounting legal compliance hr operations engineering development product design research quality assurance qa it devops network server servers cloud storage backup sync error errors failure outage incident maintenance downtime pending processing processed completed complete cancelled canceled canceling failed declined approved rejected active inactive enabled disabled expired suspended closed open opened new old urgent high low medium normal critical minor major resolved unresolved escalated assigned unassigned waiting hold standard premium basic pro plus enterprise business personal free trial gold silver bronze platinum vip human resources department departments division line shift level first second third',
  'hello world everyone everybody all folks guys team there sir madam sirs madams colleagues friends partners valued customers',
  // A group of firms opens its name with the word: "Grupo Olivar", "Gruppo Rossi".
  'grupo gruppo groupe gruppe groep grupa',
  // Airports, named after people as often as not ("Sabiha Gökçen Havalimanı").
  'havalimanı havalimani aeropuerto aeroporto aéroport flughafen lennujaam lentokenttä',
  // The labels of a ticket's or a document's sections ("Summary: ...", "Steps: ..."), which
  // stand where a chat's speakers do.
  'forename forenames surname surnames firstname lastname fullname givenname familyname vorname vornamen nachname achternaam voornaam voornamen roepnaam apellido apellidos cognome nazwisko curriculum vitae lebenslauf personalteam supportteam serviceteam hr-team summary details detail information notice tip tips important example examples steps step expected actual result results response responses solution solutions resolution environment workaround cause causes description comment comments context background impact outcome action actions reason reasons symptom symptoms diagnosis findings observation observations recommendation recommendations deprecated usage parameters caution overview introduction conclusion requirements prerequisites explanation',
  // The roles a chat's lines open with, besides those above ("Visitor: ...", "Kundin: ...").
  'kund kunde widerruf inwoner bewoner burger från nota müşteri hizmetleri kurye kurier kurierka fahrerin bezorger repartidor repartidora visitor visitors guest guests operator advisor adviser kundin kundendienst cliente agente conseiller conseillère berater beraterin soporte asistente klant medewerker medewerkster mitarbeiter mitarbeiterin cx cust pt besucher besucherin visitante visiteur visiteuse bezoeker invitado invitada usuario usuaria utilisateur utilisatrice benutzer nutzer nutzerin gast atención atencion kundenservice pharmacien pharmacienne pharmacist apotheker apothekerin farmacéutico farmacéutica farmacista receptionist rezeption réception recepción recepcionista concierge',
  // More roles a call's or a chat's turns open with ("Subscriber: ...", "Banker: ..."), and
  // the interjections that open a turn ("Ha, no worries").
  'dob exp ppt pax docs authorization authorisation insurer insurers subscriber subscribers banker bankers teller cashier caller callers nurse receptionist technician consultant executive dispatcher interviewer interviewee claimant tenant landlord merchandiser ha haha hehe hmm hm mm mmm um umm uh uhh er erm ah ahh ooh wow yay',
  // Job titles and relations a form names instead of a person ("Relationship to patient: Self",
  // "Recruiter at Tidewater Capital").
  'recruiter underwriter adjuster scientist researcher lecturer tutor trainer strategist self parent child sibling spouse dependent dependant guardian relationship grandson granddaughter grandchild nephew niece husband wife son daughter stepson stepdaughter',
  // Introductions that open a sentence: "Soy Homero Villarreal", "Sou a Ana", "Sono Marco",
  // "Jestem Ewa Nowak", "Jsem Petra Malá".
  'soy sou sono jestem jsem',
  // Departments a letter is addressed to ("z. Hd. Buchhaltung", "Attn. Accounts Payable").
  'dept appeals chart devs procurement purchasing merchandising payroll fulfillment fulfilment treasury onboarding offboarding warehousing underwriting receivables payables invoicing bookkeeping dispatch recruitment recruiting facilities reception admissions enrollment enrolment registrar bursar housekeeping catering fundraising partnerships sourcing localization localisation moderation concierge presales aftersales telesales frontdesk servicedesk helpline hotline claims collections infosec secops netops sysops itops ops sre noc sysadmin sysadmins ' +
    'buchhaltung personalabteilung geschäftsführung einkauf vertrieb verwaltung rechnungswesen finanzabteilung rechtsabteilung poststelle versand reklamation kundenservice debitorenbuchhaltung kreditorenbuchhaltung contabilidad facturación facturacion departamento administración administracion comptabilité comptabilite facturation amministrazione contabilità contabilita boekhouding administratie',
  'bypass pass flat flats lodge fort orchestra crossing mews pde parade väg gata gatan vej street st road rd avenue ave boulevard blvd lane ln drive dr court ct place pl square sq highway hwy way suite apt apartment floor building unit box po city county state province region district zip postcode postal country north south east west northern southern eastern western central upper lower greater new old saint san santa santo são st.',
  // Organisation and place suffixes.
  'traders trading widgets gadgets logistics freight outdoor outdoors outfitters electronics cosmetics apparel robotics textiles interiors organics brewing brewery bakery telecom realty rentals supplies supply manufacturing engineering dynamics logistik ' +
    'kanzlei inmobiliaria immobilien ihres ihrer construcciones construções construcoes constructions ' +
    'mont rustic sleek ergonomic handcrafted handmade unbranded refined bamboo granite concrete rubber plastic wooden marble leather linen velvet ceramic porcelain ' +
    'orthopedics orthopaedics medicine pharmacy pharmacie farmacia apotheke women mutuelle assurance assurances óptica ópticas optica opticas motorizzazione móveis moveis ' +
    'universidad universidade università universita universität universitat universiteit université universite uniwersytet ' +
    // Banks, insurers, treasuries, authorities and polytechnics that open a firm's name.
    'politechnika politecnico politécnico assicurazioni assicurazione banco banca sparkasse volksbank stadtwerke behörde ministerio ministero ministère seguros aseguradora tesorería tesoreria trésorerie corporativa corporativo ' +
    'tél studierende studenten schüler eltern onderwijsbureau secretaría segreteria risposta respuesta reactie odpowiedź ' +
    'policía policia polizia polizei politie intimation legesenter legesenteret vårdcentral vårdcentralen lægehus ' +
    'atelier ateliers werkstatt taller talleres serwis concesionario autohaus zustellbasis bußgeldstelle laboratorio studio summit expo webinar meetup festival kitchen kitchens bistro deli grill gare bahnhof hauptbahnhof stazione estación estacion aeropuerto aeroporto aéroport aeroport flughafen orly ' +
    'servizio clienti klantenservice klantendienst kundenbetreuung kundtjänst kundservice kundeservice asiakaspalvelu ' +
    'taille standort versand standardversand expressversand sperrgut lieferzeiten ' +
    'österreich schweiz frankreich italien spanien niederlande belgien polen schweden dänemark norwegen finnland tschechien ungarn allemagne autriche suisse belgique espagne italie alemania suiza bélgica ' +
    'infirmary hospice hôpital hopital policlinico ospedale klinikum krankenhaus ziekenhuis kliniek clinique clínica clinica hospitalario ' +
    'protocolo protocol inc incorporated lda ltda eireli llc llp ltd limited plc corp corporation co company companies gmbh ag kg ohg ug sa sas sarl srl spa bv nv oy ab as aps kft sro group holdings holding partners associates consulting consultants solutions systems technologies technology tech labs lab software hardware services industries international global worldwide enterprises ventures capital investments bank banking financial insurance airlines airways air motors automotive foods pharma pharmaceuticals health healthcare medical clinic hospital university college school academy institute foundation association society council committee agency department ministry office bureau center centre museum library church cathedral hotel resort restaurant cafe bar pub store shop shops market supermarket mall plaza tower hall station airport port harbour harbor garden gardens zoo stadium arena theatre theater cinema studio studios records media press news times post journal magazine weekly daily herald tribune gazette network channel radio tv television film films pictures entertainment games sports club united fc city river lake mountain mountains hill hills valley bay beach island islands coast forest desert canyon falls bridge',
  // Products, companies and AI assistants people mention in support text and prompts; car makes
  // that are no one's surname (not Renault, Peugeot, Citroën, Opel, Ford, Honda, Suzuki...).
  'kia hyundai toyota nissan mazda subaru mitsubishi chevrolet chevy volkswagen vw bmw audi skoda škoda vauxhall dacia cupra lexus volvo buick cadillac gmc jeep ' +
    'chatgpt gpt openai anthropic claude gemini bard copilot watson bing perplexity mistral llama grok deepseek midjourney alexa siri cortana bixby google alphabet gmail youtube android chrome chromium firefox mozilla safari edge opera brave microsoft windows office outlook excel word powerpoint teams onedrive sharepoint azure xbox skype linkedin github gitlab bitbucket apple iphone ipad ipod imac macbook mac macos ios icloud itunes airpods amazon aws alexa kindle prime audible zappos ebay paypal venmo stripe square shopify etsy walmart target costco ikea netflix hulu disney spotify twitch tiktok instagram facebook meta whatsapp messenger telegram signal snapchat pinterest reddit twitter x discord slack zoom webex salesforce hubspot zendesk freshdesk intercom jira confluence trello asana notion monday airtable dropbox box docusign adobe acrobat photoshop figma canva sketch oracle sap ibm intel amd nvidia samsung galaxy huawei xiaomi sony lg nokia motorola dell hp lenovo asus acer logitech tesla uber lyft airbnb booking expedia fedex ups usps dhl hermes dpd gls colissimo correos visa mastercard amex maestro klarna revolut wise n26 citi citibank barclays hsbc santander ing bbva sparkasse commerzbank deutsche postbank linux ubuntu debian unix python java javascript typescript node nodejs react angular vue svelte django flask rails ruby php golang rust kotlin swift scala perl haskell docker kubernetes terraform ansible apache jenkins postgres postgresql mysql mongodb redis sqlite excel wordpress woocommerce magento wix squarespace mailchimp sendgrid twilio okta auth0 cloudflare heroku vercel netlify firebase poste posteitaliane livre mercadolibre mercadolivre telekom vodafone ' +
    // Carriers, airlines and payment firms named in support tickets.
    'comcast xfinity verizon fios telstra optus movistar telefonica bouygues swisscom proximus kpn ziggo lufthansa ryanair easyjet qantas emirates afterpay affirm sezzle quickbooks intuit xero gusto rakuten kobo nordea danske monzo robinhood coinbase binance ' +
    // Tax and social-security agencies written to by name.
    'skatteverket skattestyrelsen skatteetaten försäkringskassan pensionsmyndigheten udbetaling belastingdienst hmrc urssaf caf cpam ' +
    // Insurers and health funds.
    'debeka allianz axa generali hdi huk barmer aok dkv bupa aetna cigna humana anthem medibank mgen asisa sanitas adeslas mapfre zilveren achmea vgz menzis ohra unive',
  // Calendar words, and holidays that are no one's given name.
  'fête fete święto swieto świętych swietych boże boze ciało cialo króli kroli trzech wszystkich narodowe niepodległości niepodleglosci zielone wigilia narodzenie pracy konstytucji wniebowzięcie ' +
    'virgen madonna epifanía epifania pentecostés pentecôte pentecost pfingsten himmelfahrt fronleichnam toussaint wielkanoc świątki ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march september october november december feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter christmas xmas easter halloween thanksgiving hanukkah ramadan eid diwali new year years holiday holidays weekend weekday morning afternoon evening night noon midnight am pm utc gmt cet est pst edt pdt',
  // The same in German, French and Spanish.
  'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag feiertag feiertagen janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo mayo junio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado',
  // Countries, nationalities and the largest cities.
  'usa us america american americans uk britain british england english scotland scottish wales welsh ireland irish canada canadian mexico mexican brazil brazilian argentina chile peru colombia venezuela cuba spain spanish portugal portuguese france french germany german deutschland austria austrian switzerland swiss italy italian netherlands dutch holland belgium belgian luxembourg denmark danish sweden swedish norway norwegian finland finnish iceland poland polish czech czechia slovakia hungary hungarian romania bulgaria greece greek turkey turkish russia russian ukraine ukrainian belarus serbia croatia slovenia bosnia albania estonia latvia lithuania israel egypt morocco algeria tunisia nigeria ghana ethiopia africa african south china chinese japan japanese korea korean indian pakistan bangladesh indonesia malaysia singapore thailand vietnam philippines australia australian zealand europe european asian middle emirates uae qatar saudi arabia iran iraq syria lebanon',
  'warszawa kraków krakow wrocław wroclaw poznań poznan gdańsk gdansk szczecin łódź lodz lublin katowice białystok gdynia bydgoszcz zabrze ' +
    'london berlin madrid barcelona rome munich münchen hamburg frankfurt cologne köln vienna wien zurich zürich geneva brussels amsterdam rotterdam copenhagen stockholm oslo helsinki dublin lisbon prague warsaw budapest athens istanbul moscow kyiv new york los angeles chicago phoenix philadelphia  seattle atlanta miami detroit toronto montreal vancouver melbourne tokyo beijing shanghai delhi mumbai bangalore dubai singapore mexico lyon marseille toulouse nice bordeaux lille nantes strasbourg seville bilbao malaga stuttgart düsseldorf dresden leipzig hannover nuremberg bremen manchester birmingham liverpool leeds glasgow edinburgh bristol oxford cambridge california texas florida   oregon ohio michigan illinois nevada arizona',
  // Job titles and roles.
  // Units on a product's label: "Akku 4,0 Ah Li-Ion".
  'ah mah wh kwh li-ion lipo nimh hab ' +
    'ceo cto cfo coo cio vp svp evp president director head lead senior junior chief officer executive engineer developer designer analyst architect consultant specialist coordinator assistant associate representative rep intern trainee technician operator accountant auditor lawyer attorney counsel paralegal doctor nurse physician surgeon dentist pharmacist therapist teacher professor student manager supervisor administrator secretary receptionist clerk cashier driver courier chef founder cofounder partner owner chairman chairwoman chair board treasurer producer songwriter writer author singer actor actress musician artist player coach editor journalist reporter photographer bot chatbot assistant reuters bloomberg associated afp',
  // German, French and Spanish words that start sentences, open letters or are capitalised nouns in tickets.
  // Roles written before a name in German, French, Spanish and Italian ("Patientin Ursula Bergmann").
  // A department's word ("Customer Success").
  'success',
  'patientin mandantin mandant versicherte versicherter versicherungsnehmer versicherungsnehmerin antragsteller antragstellerin ärztin empfängerin absenderin inhaberin kontoinhaber kontoinhaberin käuferin verkäuferin bewohnerin teilnehmerin mieterin vermieterin pflegerin betreuerin sachbearbeiter sachbearbeiterin enkelin patiente paciente paziente locataire clienta',
  'mann sohn tochter vater mutter bruder schwester kollege kollegin partnerin nachbarin nachbar freundin freund ehemann ehefrau liebes salutations amicalement bises abrazos modelle modell modèles modèle modelos modelo asociados hermanos hijos team-team der die das den dem des ein eine einer einen dem und oder aber nicht kein keine ich du er sie es wir ihr ihre ihren ihrem ihnen mein meine unser unsere euer dein sehr geehrte geehrter geehrtes damen herren liebe lieber hallo guten tag morgen abend danke vielen dank bitte grüße gruß freundlichen freundliche beste viele mit bei von zu im am um für auf aus nach wie was wer wo wann warum leider bestellung rechnung kunde kundin konto lieferung paket rückerstattung rücksendung frage problem anfrage support service team kundenservice kundendienst betreff nachricht anruf rückruf anrufer anruferin telefonat antwort zahlung karte adresse name vorname nachname telefon datum nummer artikel produkt preis versand ware woche monat jahr heute gestern uhr',
  'le la les un une des du de et ou mais pas je tu il elle nous vous ils elles mon ma mes votre vos notre nos bonjour bonsoir salut merci cordialement bien sincèrement madame monsieur mademoiselle mesdames messieurs cher chère chers commande facture client cliente compte livraison colis remboursement retour question problème demande service équipe objet réponse paiement carte adresse nom prénom téléphone date numéro article produit prix semaine mois année aujourd’hui hier',
  'el la los las un una unos unas y o pero no yo tú él nosotros usted ustedes ellos mi mis su sus nuestro nuestra hola buenos buenas días tardes noches gracias saludos atentamente cordiales estimado estimada estimados querido querida señor señora señorita pedido factura cliente cuenta envío entrega paquete reembolso devolución pregunta problema solicitud servicio equipo asunto respuesta pago tarjeta dirección nombre apellido teléfono fecha número artículo producto precio semana mes año hoy ayer',
  // Greetings and forms of address of other European languages ("Olá João", "Geachte heer
  // Jansen", "Szanowny Panie Kowalski", "Kedves Kovács Úr"): never part of the name after them.
  // And their sign-offs: "Mvh Patrik Holmgren", "Hilsen Mathias".
  'mvh mvg hilsen hälsningar groet groeten groetjes tack takk pozdrawiam terveisin ' +
    'goedemiddag goedemorgen goedenavond goedendag buongiorno buonasera ' +
    'olá oi hej hei moi hoi beste geachte szanowny szanowna vážený vážená kedves ahoj szia cześć tere sveiki labas gentile gentilissimo gentilissima egregio egregia prezado prezada buongiorno buonasera salve úr ονομάζομαι γεια αγαπητέ αγαπητή καλημέρα здравствуйте привет уважаемый уважаемая шановний шановна вітаю ' +
    'caro cari care carissimo carissima querido querida drogi droga drodzy stimate stimată stimata kære kjære kæreste hyvä kedves tisztelt ' +
    // The roles a chat's or a form's lines open with in those languages ("Operatore Chiara:",
    // "Konsultantka Marta:", "Ügyintéző (Kiss Réka):", "Szerződő: Varga Zoltán").
    'operatore operatrice assistente consulente utente atendente operador operadora konsultant konsultantka klient klientka doradca doradczyni pracownik pracowniczka operátor operátorka zákazník zákaznice ügyintéző ügyfél ügyfélszolgálat munkatárs szerződő biztosított beteg páciens handläggare kundtjänst kundservice kundeservice rådgiver rådgivare asiakas asiakaspalvelu asiakaspalvelija vakuutettu vakuutuksenottaja potilas pacient pacientka pacjent pacjentka poszkodowany poszkodowana ubezpieczony ubezpieczona asigurat asigurată asigurata clientă clienta consultant consultantă εκπρόσωπος πελάτης πελάτισσα ασθενής ασφαλισμένος ασφαλισμένη υπάλληλος ' +
    // And in English: the parties of a claim, a tenancy or a case named by their role.
    // Their desks and polite words that sign or open a mail: "Dział Obsługi Klienta", "Kérem, ...".
    'dział działu obsługa obsługi klienta klientów zespół zespołu biuro klantenservice servizio clienti zákaznický zákaznická podpora serviciul clienți relații εξυπηρέτηση πελατών köszönöm üdvözlettel tisztelettel ' +
    'claimant claimants tenants insured insureds policyholder policyholders cardmember cardholder complainant respondent applicant applicants defendant plaintiff pupil pupils',
  // Russian, Ukrainian and Bulgarian: the roles a chat's or a form's lines open with ("Оператор
  // Ірина:", "Клиентка Белова"), pronouns, greetings' and sign-offs' words, and the nouns a
  // support text capitalises at a line's start (a bank, a shop, a day, a product's kind).
  'клиент клиентка клиенту клиента оператор операторка менеджер сотрудник сотрудница специалист пользователь покупатель покупательница получатель отправитель продавец курьер водитель врач пациент пациентка агент бот система поддержка служба банк магазин компания день дата заказ товар чайник сервис отдел я вы мы он она они это спасибо пожалуйста добрый доброе здравствуйте привет уважаемый уважаемая коллеги команда с уважением ' +
    // Indonesian, Malay, Swahili and Vietnamese sentence openers and form words ("Boleh dibantu
    // ...", "Untuk refund ...", "Jina: ...", "Anwani: ..."), and Malay "Encik" (Mr) used alone.
    'boleh kalau untuk saya kami kita anda mohon terima kasih selamat dengan dari atau yang ini itu sudah belum baik silakan apakah bisa tolong sebelum setelah jika karena namun tetapi jadi ada tidak nama alamat tanggal nomor jina anwani namba tarehe habari asante karibu tafadhali samahani ' +
    'клієнт клієнтка оператор менеджер працівник працівниця користувач покупець отримувач відправник водій лікар пацієнт пацієнтка підтримка служба банк магазин компанія день дата замовлення товар сервіс відділ ви ми дякую будь ласка добрий вітаю шановний шановна колеги команда клиентът оператор служител',
].join(' ');

/**
 * Names that are also ordinary words or places ("Grace period", "Will you", "Jordan"). Added to
 * the ones the build script derives from compromise's lexicon: alone they are never a name, and
 * they need a strong cue or a known name beside them.
 */
export const COMMON_WORD_NAMES =
  // Spanish months and weekdays that are common given names too: "Julio Pérez", "Domingo Ruiz".
  'julio domingo abril ' +
  // Places and words that are given names or surnames too: "Ms. Austin", "Regards,\nMilan
  // Howell", "Name: Åsa Laine", "User: Eve Magrath".
  'austin dallas houston sydney milan paris georgia virginia carolina jordan india kenya denver boston valencia washington asia eve asa chase delta skip ' +
  'will may june april august grace hope faith joy charity mercy patience prudence constance honor honour liberty justice destiny harmony melody trinity serenity summer autumn winter dawn eve sky star storm rain river ocean forest glen dale brook heath cliff rock stone rose lily daisy iris ivy holly hazel heather violet jasmine olive ginger pearl ruby jade amber crystal coral jewel candy brandy sandy rusty dusty sunny misty stormy penny page bill mark art pat don sue rob bob jack nick chip chuck buck bud hunter mason carter chase grant lance wade drew cole dean rod miles cash sterling king prince major duke earl baron knight bishop marshal bond frank earnest noble royal young rich guy gay reed wood ford hill bell price key case christian angel angela jordan austin houston dallas denver phoenix paris london sydney madison florence georgia virginia carolina india asia africa china kenya israel sierra savannah aurora alexa siri claude ruby julia ada jasper jenkins sage max sam tom jerry harry barry bart lou ray jay gene van les hung long min sang sung chin young man ok else son my in do so numbers blue green brown white black gray grey gold silver ' +
  // Ordinary English words in the first-name lists: "Amazon Echo Dot", "the Nova plan".
  'dot echo nova kit pip tab clay ash bay gale lane robin finch fern moss wren lucky happy rocky bliss ' +
  // German words that open sentences and are given names: "Allen Kunden ...", "Nur Bestellungen ...".
  'allen nur';

/**
 * Honorifics that introduce a name ("Mr. Smith", "Frau Müller", "Sra. Núñez"). Matched
 * case-insensitively with an optional full stop, except the French "M." which must keep both.
 */
export const TITLES =
  'maître maitre mr mrs ms mx miss mister dr doctor prof professor herr herrn frau hr fr mme mlle madame monsieur mademoiselle sr sra srta señor señora señorita senor senora senorita sig signor signora signorina don doña dona dña sir dame lady lord rev reverend fr father sister brother capt captain col sgt lt officer judge dhr mevr dott avv mudr mgr judr phdr drs ir heer mevrouw meneer pani panie pane paní shri smt kumari shrimati sayın ' +
  // Indonesian, Malay, Filipino and Vietnamese forms of address before a given name ("Pak
  // Slamet", "Ibu Siti Rahmawati", "Kuya Jun", "Ate Joy", "Chị Hương").
  'bapak pak ibu bu kak mbak kuya ate tita tito manong manang chị ông bà encik cik puan ' +
  // Polish "Pan" (Mr), and Greek "κύριος/κύριε" (Mr, and as spoken to) and "κυρία" (Mrs).
  'pan κύριος κύριε κυρία κυρ ' +
  // Russian, Ukrainian, Bulgarian and Serbian ("Пані Олено", "г-н Петров", "госпођа Јовановић").
  'пані пан господин госпожа г-н г-жа господине госпођа госпођо ' +
  // Nurses as a ward and a care note call them ("Nurse Adeyemi", "Matron Okafor").
  'nurse matron ' +
  // Clergy, and the forms of address an agent writes ("Pastor Kwame Asare", "Hi Ma'am Joy").
  "pastor imam rabbi sheikh ustaz ustazah deacon madam ma'am ma’am";

/**
 * Titles that are also ordinary words ("Ing." of an engineer, German "mag" = likes, "Mag." of a
 * master's degree in Austria), and Greek "κ." (κύριος/κυρία shortened): titles only with their
 * full stop.
 */
export const DOTTED_TITLES = 'ing mag hab κ';

/** Lower-case words that sit between the parts of a name ("Ludwig van Beethoven"). */
export const PARTICLES =
  'van von de da di del della dei der den ten ter du dos das do bin binti bint ibn al zu vom';

/** Second words of two-word particles ("van der", "van de", "de la", "von dem"). */
export const PARTICLES_SECOND = 'der den dem de het la las los le';

/**
 * Common first names of Europe and beyond that the US census lists miss. The groups after the
 * first five are the usual given names of each country (Nordic, Finnish, Icelandic, Dutch,
 * Polish, Czech, Hungarian, South Slavic, Russian, Baltic, Romanian, Greek, Portuguese,
 * Japanese, Turkish, Persian, Arabic, Indian), written from general knowledge like the rest;
 * names that are ordinary words in English (compromise's lexicon), German, French or Spanish
 * ("Ville", "Liga", "Nada", "Rune") were left out.
 */
export const EXTRA_FIRST_NAMES = [
  // German
  'jürgen jörg günter günther klaus dieter uwe wolfgang manfred werner helmut horst heinz gerhard hans karl-heinz rainer bernd ralf frank torsten thorsten sven jens lars kai dirk holger matthias stefan steffen tobias florian lukas lukas maximilian felix jonas leon finn niklas moritz tim jan fabian sebastian johannes philipp julian benedikt till ole hannes henrik malte timo heike ute anke birgit sabine petra karin monika renate ursula gisela brigitte ingrid helga elke silke doris gabriele susanne andrea claudia stefanie katrin kerstin nicole tanja simone nadine anja jana lena lea leonie hannah jasmin annika franziska johanna charlotte luise marlene greta frieda mia emilia',
  // French
  'jean jean-pierre jean-paul jean-luc jean-marc jean-claude jean-françois pierre philippe françois michel alain jacques bernard patrick christophe nicolas olivier thierry laurent frédéric sébastien stéphane didier gérard yves rené hervé pascal guillaume mathieu julien antoine benoît cédric damien jérôme xavier rémi théo hugo louis léo gabriel raphaël arthur baptiste corentin maxime quentin clément valentin adrien aurélien mathis enzo marie anne catherine isabelle sylvie nathalie françoise monique christine sandrine véronique valérie céline aurélie émilie camille chloé manon léa inès juliette louise océane mathilde margaux pauline clémence élodie amélie hélène béatrice brigitte dominique geneviève josiane ginette solène maëlle noémie zoé zoë',
  // Spanish and Portuguese
  'josé jose juan carlos luis antonio manuel francisco javier miguel ángel angel jesús alejandro rafael pedro pablo sergio fernando jorge alberto raúl ramón enrique andrés diego álvaro iván rubén óscar víctor adrián mario gonzalo ignacio joaquín santiago mateo martín nicolás tomás agustín joão joao paulo rui tiago gonçalo duarte maría maria carmen ana isabel dolores pilar teresa rosa josefa mercedes lucía lucia elena laura marta cristina paula sara raquel beatriz sofía sofia julia alba irene nuria silvia patricia rocío inmaculada montserrat begoña ainhoa leire valentina camila martina daniela gabriela mariana fernanda catalina ximena guadalupe conceição fátima',
  // Italian
  'giuseppe giovanni mario luigi francesco antonio alessandro andrea marco matteo lorenzo leonardo riccardo davide stefano paolo roberto massimo fabio simone luca gianluca pietro salvatore vincenzo domenico emanuele federico giorgio carlo alberto enrico maria giulia francesca chiara alessandra valentina federica sara martina elisa silvia paola laura roberta giovanna rosa anna lucia elena beatrice aurora ginevra',
  // Dutch, Nordic, Polish, Czech, Hungarian, Slavic and others
  'jan pieter kees henk willem johannes sander bram daan joost ruud sanne femke anouk lieke eva lars nils anders erik björn bjørn magnus jonas mikael henrik johan gustav axel oskar emil sigurd leif ingrid astrid sigrid karin linnea freja frida maja ebba agnes elin mette trine kirsten piotr krzysztof andrzej tomasz paweł pawel marcin michał michal jakub grzegorz łukasz lukasz mateusz wojciech kamil katarzyna małgorzata malgorzata agnieszka joanna magdalena ewa zofia monika aleksandra jiří jiri petr josef pavel tomáš tomas martin lukáš jakub jana eva hana lenka kateřina katerina lucie petra věra zuzana šárka sarka lászló laszlo istván istvan józsef jozsef zoltán zoltan sándor gábor ferenc attila péter mária erzsébet katalin ilona éva zsófia dmitri dmitry sergei sergey alexei andrei ivan vladimir nikolai mikhail olga natalia tatiana svetlana irina yulia oksana mehmet mustafa ahmet emre murat ayşe fatma zeynep elif mohammed mohamed muhammad ali hassan hussein omar yusuf ibrahim fatima aisha leila yasmin wei li ming hiroshi takashi yuki haruto sakura yui priya ananya rahul arjun rohan vikram sanjay anil',
  // Danish, Norwegian, Swedish
  'aksel asger carsten esben frode gorm jeppe jesper jørgen jorgen kjeld knud kristoffer mikkel morten palle poul preben troels villads vagn viggo aase bente birte birthe dorthe ditte gitte grethe hanne helle jette lene lisbeth merete nanna pernille rikke tove ulla vibeke arne bjarne eirik einar espen geir halvor hallvard harald håkon haakon helge ivar jarle jostein kjell knut kåre kare magne oddvar ottar ragnar roald sigve sindre steinar svein sverre terje torbjørn trond trygve vegard øystein oystein åse berit gudrun gunhild guro hege ingunn kjersti marit ragnhild sigrun solveig sunniva synnøve torill turid unni vigdis arvid bengt birger börje gösta hampus jöran kjell-åke pontus stig sune ture ulf åke agneta anneli birgitta britta gunilla lovisa margareta sigvard ulrika viveka',
  // Finnish
  'aarne aatos aki antero antti arto aulis eero eino eljas erkki esko hannu heikki ilkka jaakko jani jari jarmo jorma jouko juha juhani jukka jussi kalevi kauko keijo kimmo lasse markku mikko olli onni osmo paavo pasi pekka pentti petri raimo reijo risto sakari seppo simo tapani tapio teemu tuomas tuomo urho veikko anu eija eila hilkka irja jaana kaija kaisa katja kirsi kristiina liisa maija marjatta marjo merja minna mirja outi päivi paivi pirjo raija riitta ritva satu seija sirpa soile taina tarja terhi tiina tuula tuulikki virpi',
  // Icelandic
  'ágúst arnar ásgeir baldur birgir bjarni friðrik guðmundur gudmundur halldór haraldur hörður kristján ólafur olafur sigurður sigurdur snorri sveinn þórður thordur þorsteinn thorsteinn ásdís ásta berglind bryndís guðrún hrafnhildur ingibjörg ragnheiður sigríður sigridur steinunn þóra thora unnur',
  // Dutch and Flemish
  'arjan geert jeroen joris jos koen maarten martijn rik rutger stijn teun thijs tijs wim annemieke bregje dieuwke els hanneke ineke jolanda karlijn marloes marjolein mieke nienke renske roos saskia sietske tineke willemijn',
  // Polish
  'marek tomek bartek kuba kasia basia gosia bartosz bartłomiej bogusław czesław dariusz dawid jacek janusz jarosław jerzy kazimierz leszek mariusz mieczysław mirosław patryk przemysław przemek radosław rafał ryszard sławomir tadeusz waldemar wiesław witold zbigniew zdzisław agata beata bożena danuta dorota elżbieta grażyna jadwiga justyna kinga lucyna marzena stanisława urszula weronika wiesława zuzanna żaneta',
  // Czech and Slovak
  'antonín bohumil bohuslav dalibor jindřich karel ladislav libor luboš lubomír miloslav miroslav oldřich přemysl radek radim rostislav svatopluk vácslav václav vaclav vlastimil zdeněk zdenek blanka božena drahomíra hedvika jarmila jaroslava jitka klára ludmila markéta miroslava naděžda radka soňa vendula vlasta zdeňka zdenka',
  // Hungarian
  'andrás antal árpád béla bence csaba dénes endre ernő gergely géza gyula imre jános jenő kálmán károly lajos márton mihály miklós nándor szabolcs tamás tibor vilmos anikó emese enikő eszter etelka gizella gyöngyi hajnalka ildikó irén judit krisztina magdolna orsolya piroska réka rozália szilvia tímea zsuzsanna zsuzsa',
  // Greek, in Greek letters: the nominative and the vocative a greeting uses ("Γεια σου Νίκο").
  'γιώργος γιώργο γεώργιος μαρία ελένη νίκος νίκο νικόλαος δημήτρης δημήτρη δημήτριος κατερίνα αικατερίνη σοφία γιάννης γιάννη ιωάννης κώστας κώστα κωνσταντίνος παναγιώτης παναγιώτη χρήστος χρήστο βασίλης βασίλη θανάσης θανάση αθανάσιος βαγγέλης βαγγέλη ευάγγελος αναστασία δέσποινα ιωάννα χριστίνα βασιλική αγγελική παρασκευή φωτεινή ειρήνη αλεξάνδρα αλέξανδρος αλέξανδρε μιχάλης μιχάλη σταύρος σταύρο σπύρος σπύρο θοδωρής θοδωρή θεόδωρος άννα ευαγγελία γεωργία στέλιος στέλιο ανδρέας ανδρέα πέτρος πέτρο λευτέρης λευτέρη μαρίνα ευτυχία στέφανος στέφανε τάσος τάσο μάνος μάνο ηλίας ηλία αποστόλης αποστόλη κυριακή θεοδώρα ελευθερία νίκη γιώτα τασούλα ντίνα ρένα',
  // Slovene, Croatian, Serbian, Bosnian
  'branko darko davor dražen dušan ivica ivo jože josip marjan mladen nebojša predrag srećko stjepan tomislav uroš vlado željko andreja branka dragana gordana jasna ljiljana mateja mirjana nataša nevenka sanja spomenka zorica',
  // Russian, Ukrainian, Belarusian
  'alexandr aleksey arkady artyom dmitriy evgeniy fedor gennady grigory konstantin ruslan semyon stepan timofey vitaly vsevolod vyacheslav yegor anastasiya darya galina inna kseniya lyudmila nadezhda sofiya taisiya yekaterina zinaida zoya',
  // In Cyrillic: Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Kazakh given names
  // as written in their own script (nominative; "Роман", "Вера" and "Лев" are also words).
  'александр алексей анатолий андрей антон аркадий арсений артём артем борис вадим валентин валерий василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий даниил данил денис дмитрий евгений егор иван игорь илья кирилл константин леонид максим матвей михаил никита николай олег павел пётр петр руслан семён семен станислав степан тимофей тимур фёдор федор эдуард юрий ярослав алёна алена александра алина алла анастасия ангелина анна антонина валентина валерия вероника виктория галина дарья диана евгения екатерина елена елизавета жанна зоя инна ирина карина кира ксения лариса лидия людмила маргарита марина мария милана наталья наталия нина оксана ольга полина раиса светлана софия софья таисия тамара татьяна ульяна юлия яна',
  'олександр олексій андрій анатолій богдан василь віктор віталій володимир дмитро євген ігор микола михайло павло петро сергій тарас юрій остап назар григорій ярема олена ірина наталія тетяна світлана ганна юлія катерина вікторія олександра софія дарина соломія уляна христина надія лілія ярослава зоряна мирослава оленка галя',
  'георги стоян петър димитър христо йордан милан драган марко никола стефан јована милица јелена драгана снежана весна нурлан ерлан асель айгерим бахытжан дана',
  // Baltic
  'andris artūras gintaras juozas kęstutis mindaugas raimonds rimantas saulius valdis vytautas žygimantas aistė baiba egle eglė ilze ieva jurgita laima vaida',
  // Romanian and Greek
  'ciprian cosmin costel dorin florin horia iulian liviu mircea ovidiu sorin tudor vasile andreea ioana loredana mihaela oana raluca dimitrios ioannis konstantinos nikolaos panagiotis spyros stavros vasileios yannis aikaterini athina despina evangelia ioanna kalliopi paraskevi vasiliki',
  // Portuguese and Brazilian
  'caio diogo edson fabrício márcio murilo nuno vinícius bruna giovana luiza',
  // Japanese
  'akihiro akio atsushi daichi daiki daisuke hideki hideo hikaru hiroki hiroyuki isamu junichi kazuki kazuo keisuke kenji kenta kenichi koji kohei makoto masahiro masaki masato minoru naoki nobuo osamu riku ryota ryuichi shigeru shinji shota tadashi takahiro takeshi takumi tetsuya tomoya toshio tsubasa yasuo yoshio yusuke yuta yuto akane asuka ayaka ayumi chihiro chika haruka hina hiromi kaori kumiko mayumi megumi miho miki misaki miyu momoko nanami noriko sayaka shiori tomoko yuka yukiko yumi',
  // Turkish, Persian, Arabic
  'alireza arda barış burak can cem deniz eren furkan gökhan hakan halil kemal mert onur serkan tolga volkan yasin ayşegül büşra derya ebru esra gül kübra melek merve özlem selin serap sevgi tuğba yasemin dariush farhad nasrin parisa shirin mahmud nabil tarek walid amal huda',
  // Indian
  'aditya ajay akash anand aniket ankit arun ashok ganesh gaurav harish karthik mukesh naveen nitin pradeep rakesh ramesh ravi sachin santosh saurabh shankar siddharth sunil varun vijay vinod anjali aparna deepa divya lakshmi meera neha pooja preeti radha rekha shreya sneha swati',
  'rohit rahul venkatesh srinivas lakshman kavya geeta ritu manoj imran asif faisal zain rashid tariq sadia nusrat tahmina rahim yousef zaynab',
  // Scottish, Irish and Welsh
  'ewan callum calum hamish finlay lachlan struan eilidh mhairi morag catriona kirsty ailsa aoife sinead sinéad oisin oisín ruairi ruairí cormac donal dónal caoimhe clodagh grainne gráinne orla orlaith roisin róisín saoirse sorcha tadhg rhys dafydd iwan gethin emyr cerys bethan sian siân angharad',
  // West African (Akan, Igbo, Yoruba, Hausa)
  'kwame kofi kwabena kwaku kwasi akosua abena adwoa efua afia akua chinedu chidi chioma ngozi nkechi emeka obinna uchenna ifeanyi chukwuemeka adaeze amaka chiamaka chinonso nnamdi oluwaseun olumide ayodele babajide folasade funmilayo tunde yetunde adebayo temitope bukola segun femi kemi tolulope bisi damilola adeola olufemi oluwatobi aminu abubakar hauwa',
  // East and Southern African
  'wanjiru wanjiku njeri achieng akinyi atieno wairimu nyambura zawadi neema abebe tesfaye alemu mekdes hiwot tigist selamawit yohannes thabo sipho lerato nomvula thandiwe zanele mandla bongani lindiwe nokuthula sibusiso themba',
  // Chinese and Korean (romanised as one word), Indonesian
  // Malay
  'aisyah nurul siti syafiq hafiz aiman izzat balqis hakim mohd',
  // Irish and Welsh, South Indian, Somali and Hausa, Southern African, Māori and Pacific, Thai
  // and Vietnamese, Ukrainian, Central Asian and Turkish names the lists above miss
  'declan seren ffion iolo owain raju praveen venkat meena priyanka gopal halima abdullahi ' +
    'abdi musa idris imani folake wambui baraka tendai tatenda farai naledi nneka lwazi kagiso ' +
    'tshepo wiremu hemi rangi ngaio keanu makoa sione tevita viliami trang quang somchai somsak ' +
    'siriporn nattapong kanya seojun sota naoko taras bohdan mykola andriy ivanka halyna lesya ' +
    'timur rustam aigerim dilnoza nodir bekzod gulnara zarina arman ramazan kerem ozan baris',
  'xiaoming zhiwei xiaoling qiang yifan zihan haoran yuxuan jiahao minjun seoyeon jihoon jiwoo hyunwoo soojin eunji jiyeon minseo yejin budi agus dewi wahyu rizki bambang',
].join(' ');

/** Common surnames of Europe and beyond that the US census lists miss. */
export const EXTRA_SURNAMES = [
  // German
  'müller mueller bruder schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann schäfer schaefer koch bauer richter klein wolf schröder schroeder neumann schwarz zimmermann braun krüger krueger hofmann hartmann lange schmitt werner schmitz krause meier lehmann schmid schulze maier köhler koehler herrmann könig koenig walter mayer huber kaiser fuchs peters lang scholz möller moeller weiß weiss jung hahn schubert vogel friedrich keller günther frank berger winkler roth beck lorenz baumann franke albrecht schuster simon ludwig böhm boehm winter kraus martin schumacher krämer kraemer vogt stein jäger jaeger otto sommer groß gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn kühn pohl engel horn busch bergmann thomas voigt sauer arnold wolff pfeiffer',
  // French
  'martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre lefèvre michel garcia david bertrand roux vincent fournier morel girard andré lefèvre mercier dupont lambert bonnet françois martinez legrand garnier faure rousseau blanc guerin guérin muller henry roussel nicolas perrin morin mathieu clément gauthier dumont lopez fontaine chevalier robin masson sanchez gérard nguyen boyer denis lemaire duval joly gautier roger roche roy noel meyer lucas meunier jean perez marchand dufour blanchard marie barbier brun dumas brunet schmitt leroux colin fernandez pierre renard arnaud rolland caron aubert giraud leclerc vidal bourgeois renaud lemoine picard gaillard philippe leclercq lacroix fabre dupuis olivier rodriguez da silva hubert louis charles guillot rivière riviere le gall lebrun',
  // Spanish and Portuguese
  'garcía garcia rodríguez rodriguez gonzález gonzalez fernández fernandez lópez lopez martínez martinez sánchez sanchez pérez perez gómez gomez martín martin jiménez jimenez ruiz hernández hernandez díaz diaz moreno muñoz munoz álvarez alvarez romero alonso gutiérrez gutierrez navarro torres domínguez dominguez vázquez vazquez ramos gil ramírez ramirez serrano blanco molina morales suárez suarez ortega delgado castro ortiz rubio marín marin sanz núñez nunez iglesias medina garrido cortés cortes castillo santos lozano guerrero cano prieto méndez mendez cruz calvo gallego vidal león leon márquez marquez herrera peña pena flores cabrera campos vega fuentes carrasco diez caballero reyes nieto aguilar pascual santana herrero lorenzo montero hidalgo giménez gimenez ibáñez ibanez ferrer durán duran silva santos oliveira souza sousa pereira costa rodrigues almeida nascimento lima araújo araujo fernandes carvalho gomes martins rocha ribeiro alves monteiro mendes barros freitas barbosa pinto moura cavalcanti dias castro campos cardoso teixeira',
  // Italian
  'rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti de luca mancini costa giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini leone longo gentile martinelli vitale lombardo serra coppola de santis damico d’amico marchetti parisi villa conte ferraro ferri fabbri bianco marini grasso valentini messina sala de angelis gatti pellegrini palumbo sanna farina rizzi monti cattaneo morelli amato silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone rossetti caputo montanari guerra palmieri bernardi martino fiore de rosa ferretti bellini basile riva donati piras vitali battaglia sartori neri costantini milani pagano ruggiero sorrentino d’angelo orlando',
  // Dutch, Nordic, Polish, Czech, Hungarian and others
  'de jong jansen de vries van den berg van dijk bakker janssen visser smit meijer de boer mulder de groot bos vos peters hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer hansen johansen olsen larsen andersen pedersen nielsen kristiansen jensen karlsen johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson jonsson lindberg lindqvist lindström lindstrom korhonen virtanen mäkinen makinen nieminen mäkelä hämäläinen laine heikkinen koskinen järvinen jarvinen nowak kowalski kowalska wiśniewski wisniewski wiśniewska wójcik wojcik kowalczyk kamiński kaminski lewandowski lewandowska zieliński zielinski szymański szymanski woźniak wozniak dąbrowski dabrowski kozłowski kozlowski jankowski mazur krawczyk piotrowski grabowski nowakowski pawłowski michalski król krol novák novak svoboda novotný novotny dvořák dvorak černý cerny procházka prochazka kučera kucera veselý vesely horák horak němec nemec marek pokorný pokorny nagy kovács kovacs tóth toth szabó szabo horváth horvath varga kiss molnár molnar németh nemeth farkas balogh papp takács takacs juhász juhasz lakatos mészáros meszaros oláh simon rácz racz fekete ivanov ivanova petrov petrova smirnov smirnova kuznetsov popov sokolov volkov lebedev kozlov novikov morozov yilmaz yılmaz kaya demir şahin sahin çelik celik yıldız yildiz aydın aydin öztürk ozturk arslan doğan dogan kılıç kilic kim lee park choi jung kang cho yoon wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu singh kumar sharma patel gupta shah mehta reddy rao iyer nair khan ahmed hussain ali malik qureshi sheikh hassan ibrahim haddad nasser nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly murphy kelly o’sullivan walsh byrne ryan o’brien oconnor o’connor doyle mccarthy gallagher o’neill kennedy lynch quinn mcdonald macdonald campbell stewart robertson thomson anderson mackenzie fraser',
  // West, East and Southern African
  'mensah asante boateng owusu osei adjei appiah agyeman ofori okafor okonkwo nwosu adeyemi okeke chukwu ogunleye balogun olawale okoro nwachukwu kamau otieno mwangi kiprop njoroge ochieng nkosi dlamini ndlovu khumalo mokoena tshabalala',
  // Chinese and Korean
  'zheng liang xie deng peng zeng yuan jiang shen cui zhong jeong jang ahn jeon baek',
  // Indian, Pakistani and Bangladeshi
  'khanna deshpande kulkarni iyengar narayanan ramachandran krishnan subramanian verma joshi menon pillai malhotra bhatia saxena agrawal banerjee mukherjee ghosh desai chauhan yadav mishra pandey tiwari dubey srivastava siddiqui rahman hossain uddin',
  // Scottish and Irish
  'macleish macgregor macintyre mackinnon mcloughlin o’reilly o’donnell o’hara',
].join(' ');

/**
 * Lower-case words that can follow "my name is" without being a name. A lower-case name is only
 * taken after a strong cue, and never when it is one of these.
 */
export const FUNCTION_WORDS =
  'a an the this that these those is are was were be been being am not no yes and or but so as at by for from in into of on onto to with without about above after again against all also any because before below between both down during each few further here there how if just more most much no nor now off once only other our out over own same some such than then too under until up very what when where which while who whom why will would can could should shall may might must have has had having do does did doing done get got go going gone still already actually really literally basically probably definitely obviously spelled spelt wrong right correct incorrect missing different same listed shown written printed attached below above important unknown private confidential hidden blank empty changed updated new old my your his her their its our me you him them us it he she they we i test user example sample placeholder anonymous none null undefined n/a na xxx ist nicht und der die das ein eine est pas et le la les un une es no y el los las una';

/**
 * Firms and brands named after people, written as a person's name would be ("Morgan Stanley",
 * "Calvin Klein"): the whole run of words is a firm unless a cue only a person takes comes first
 * ("My name is Morgan Stanley"). Lower-case, one space between words, "&" and "and" both kept.
 */
export const FIRMS_NAMED_AFTER_PEOPLE = [
  'morgan stanley|goldman sachs|berkshire hathaway|wells fargo|charles schwab|merrill lynch',
  'dow jones|edward jones|raymond james|rowe price|t rowe price|t. rowe price|jp morgan|j.p. morgan',
  'albert heijn|lloyds|johnson & johnson|johnson and johnson|procter & gamble|procter and gamble',
  'ernst & young|marks & spencer|marks and spencer|dolce & gabbana|ben & jerry|ben & jerry’s',
  'calvin klein|ralph lauren|tommy hilfiger|hugo boss|louis vuitton|christian dior|giorgio armani',
  'yves saint laurent|estée lauder|estee lauder|michael kors|kate spade|tory burch|vera wang',
  'harley davidson|harley-davidson|rolls royce|rolls-royce|mercedes benz|mercedes-benz',
  'aston martin|alfa romeo|martha stewart|ben sherman|paul smith|ted baker|karl lagerfeld',
  'walt disney|john deere|john lewis|dr martens|hewlett packard|hewlett-packard|booz allen',
  'allen & overy|baker mckenzie|clifford chance|cooper & kirk|reed elsevier|sherwin williams',
  // Insurers, appliances and medicine called by people's names; holidays named after people.
  'delta dental|russell hobbs|kenwood chef|braxton hicks|tommy john|victoria day|martin luther king day|columbus day',
  // Shops, restaurants and brands called by a person's name in the possessive. (Not a given
  // name alone, "Wendy's": in a ticket "Wendy's order" is Wendy's.)
  "ben & jerry's|mcdonald's|trader joe's|papa john's|jimmy john's|arby's|sam's club|carl's jr",
  // Drinks, food and fashion sold under a person's name.
  "jack daniel's|jack daniel|johnnie walker|jim beam|captain morgan|jose cuervo|josé cuervo",
  'tío pepe|tio pepe|don melchor|dom pérignon|dom perignon|pol roger|veuve clicquot|moët & chandon',
  "dr. oetker|dr oetker|giovanni rana|uncle ben's|aunt jemima|betty crocker|marie callender's",
  "jean paul gaultier|carolina herrera|marc o'polo|tom ford|coco chanel|gianni versace",
  'stella mccartney|vivienne westwood|alexander mcqueen|tommy bahama|jack wolfskin|tom tailor',
].join('|');

/**
 * Airports, stations, venues, observatories and holidays named after people ("Liverpool John
 * Lennon", "station Charles de Gaulle – Étoile", "Martin Luther King Jr. Day"): read as
 * FIRMS_NAMED_AFTER_PEOPLE are. A customer who shares such a name is rarer than a timetable
 * that names the place. Lower case.
 */
export const PLACES_NAMED_AFTER_PEOPLE = [
  'charles de gaulle|john lennon|leonardo da vinci|marco polo|franz josef strauß|franz josef strauss',
  'franklin d. roosevelt|franklin d roosevelt|george best|john paul ii|jan paweł ii|humberto delgado',
  'adolfo suárez|adolfo suarez|clara campoamor|guglielmo marconi|g. marconi|falcone borsellino',
  'john f. kennedy|john f kennedy|ronald reagan|george bush|louis armstrong|lech wałęsa|lech walesa',
  'frédéric chopin|fryderyk chopin|václav havel|vaclav havel|konrad adenauer|willy brandt',
  'helmut schmidt|santiago bernabéu|santiago bernabeu|johan cruijff|johan cruyff|giuseppe meazza',
  'william herschel|martin luther king|martin luther king jr|columbus day|christi himmelfahrt',
  'inmaculada concepción|inmaculada concepcion|henk sneevlietweg|sarah bernhardt|victoria station',
].join('|');

/**
 * Countries and cities whose names read as a given name and a surname ("Sri Lanka", "Puerto
 * Rico", "San Marino"): read as FIRMS_NAMED_AFTER_PEOPLE are. Lower case.
 */
export const PLACES_NAMED_LIKE_PEOPLE = [
  'sri lanka|puerto rico|costa rica|sierra leone|hong kong|el salvador|san marino|saint lucia',
  // Cities of South-East Asia whose names read as people's ("Hà Nội", "Chon Buri").
  'hà nội|ha noi|hồ chí minh|ho chi minh|đà nẵng|da nang|hải phòng|hai phong|cần thơ|can tho',
  'nha trang|biên hòa|bien hoa|chon buri|chiang mai|chiang rai|khon kaen|petaling jaya',
  'shah alam|johor bahru|kota kinabalu|quezon city|santa rosa',
  'st lucia|st. lucia|saint kitts|saint vincent|saint helena|st helena|timor leste|cabo verde',
  'burkina faso|san salvador|san jose|san josé|santa cruz|santa clara|santa barbara|santa fe',
  'santa monica|san diego|san francisco|san antonio|los angeles|las vegas|santo domingo',
  'são paulo|sao paulo|rio de janeiro|buenos aires|porto alegre|belo horizonte|st louis',
  'saint louis|st. louis|st petersburg|saint petersburg|port louis|port elizabeth|costa mesa',
  'milton keynes|san sebastián|san sebastian|santiago de compostela|santa catarina',
].join('|');

/**
 * Things a shop names after a person, the person's name before or after the thing: "Rosie Kids
 * Raincoat", "Theo Bunk Bed", "Stehlampe Emil", "Chaqueta Carmen". Folded; one word each. The
 * English ones apart: after a given name they make a thing ("Olivia Rug"), where another
 * language's may be a surname ("Tom Tasche").
 */
export const PRODUCT_NOUNS_EN = new Set(
  [
    'bag|bags|backpack|tote|wallet|purse|dress|skirt|shirt|blouse|jacket|coat|raincoat|parka',
    'hoodie|sweater|jumper|cardigan|jeans|trousers|boots|shoes|sneakers|trainers|sandals',
    'loafers|scarf|gloves|socks|necklace|bracelet|earrings|lamp|chair|stool|desk|sofa|couch',
    'bed|mattress|pillow|cushion|blanket|rug|bookcase|shelf|cabinet|dresser|wardrobe|vase|mug',
    'mugs|candle|candles|kettle|toaster|blender|headphones|earbuds|stroller|crib|tent|bike',
    'helmet|duvet|quilt|sideboard|nightstand|armchair|ottoman|bench|bookshelf|planter|teapot',
    'mirror|pendant|sconce|chandelier|throw|tray|basket|clock|speaker|tumbler|bottle',
    // Typefaces: "Helena Sans", "Victor Mono".
    'sans|serif|mono|grotesk|grotesque|slab|typeface|font',
  ]
    .join('|')
    .split('|'),
);
export const PRODUCT_NOUNS = new Set([
  ...PRODUCT_NOUNS_EN,
  ...[
    // German, French, Spanish, Italian, Dutch
    'lampe|stehlampe|tischlampe|regal|kissen|tasche|jacke|mantel|schuhe|stiefel|tisch|stuhl',
    'bett|decke|teppich|tasse|kleid|rucksack|sessel|kommode|sac|robe|veste|manteau|chaussures',
    'bottes|chaise|canapé|coussin|tapis|bougie|chaqueta|bolso|vestido|abrigo|zapatos|botas',
    'lámpara|silla|sofá|cojín|alfombra|taza|lampada|borsa|giacca|cappotto|scarpe|stivali',
    'tavolo|sedia|divano|cuscino|tappeto|tazza|candela|plaid|jurk|schoenen|laarzen|tafel|stoel',
    'kussen|vloerkleed|kaars|mok',
  ]
    .join('|')
    .split('|'),
]);

/**
 * Words that head the name of a street, a venue or an office, not of a person, when a
 * capitalised run starts with them: "Rue de la République", "Paseo del Río", "Stade
 * Rivière-Haute", "Ufficio Amministrazione". Folded.
 */
export const NOT_PERSON_HEADS = new Set(
  [
    'rue|avenue|avenida|calle|paseo|plaza|piazza|viale|corso|via|straße|strasse|allee|gasse|chemin',
    // Shops, desks and firms that name themselves so ("Tienda Sol", "Bäckerei Sonnenkorn",
    // "Biuro Obsługi Klienta", "Seguros Alba", "Studio Colombo S.r.l.").
    'tienda|webwinkel|winkel|bäckerei|backerei|metzgerei|konditorei|apotheke|assistenza|biuro|seguros|dział|działu|dzial|dzialu|maison|boutique|atelier|salon|studio|farmacia|ferretería|ferreteria|panadería|panaderia|librería|libreria',
    // Storms are named like people ("Tropical Storm Calvin"); Arabic place words ("Jebel Ali").
    'tropical|storm|hurricane|typhoon|cyclone|jebel|jabal|wadi',
    'allée|quai|impasse|boulevard|ronda|travessa|rua|largo|laan|straat|plein|gracht|weg|platz',
    'stade|stadio|estadio|stadion|sporting|racing|ufficio|büro|bureau|oficina|kantoor|servizio',
    'abteilung|département|departamento|dipartimento',
    // Lakes, forests, hills, parks and bays; holidays; publishers; wine estates; warehouses.
    'loch|lough|lac|lago|laguna|forêt|foret|bois|mont|sierra|playa|plage|parc|parque|parco',
    'golfo|bahía|bahia|fiesta|festa|fête|feria|ediciones|editorial|éditions|editions|edizioni',
    'verlag|uitgeverij|château|chateau|domaine|bodega|bodegas|weingut|tenuta|castello|cantina',
    'entrepôt|entrepot|magazijn|warehouse|depot|dépôt|lager|filiale|sucursal|agence|agenzia',
    'stichting|woonstichting|afdeling|hausverwaltung|inmobiliaria|immo|cabinet|kanzlei|notariaat',
    'brf|gemeente|comune|ayuntamiento|mairie|certificate',
    // Shops and stalls of South-East Asia ("Warung Bu Sri", "Toko Budi Jaya"); saints' places
    // ("Santa Rosa", "São Bento").
    'warung|toko|kedai|apotek|bengkel|carinderia|santa|são',
  ]
    .join('|')
    .split('|'),
);

/**
 * Vietnamese heads of places and shops ("Phường Bến Thành", "Quận Cầu Giấy", "Nhà thuốc Long
 * Châu"), compared as written in lower case: folded, "phường" (a ward) would be "Phương" (a
 * given name) and "đường" (a street) the surname Dương.
 */
export const NOT_PERSON_HEADS_VI = new Set(
  'phường|quận|huyện|xã|tỉnh|thành|ngõ|ngách|hẻm|đường|phố|nhà|tiệm|quán|chợ|cửa'.split('|'),
);

/**
 * A form's field names, which a form printed as a table puts in its first column ("Nome |
 * Adelardo | Adelina" under "Cognome | ..."): under a name's column they are labels, not names.
 * Folded.
 */
export const FIELD_LABELS = new Set(
  [
    'name|names|address|phone|email|e-mail|date|vehicle|plate|insurer|policy|signature|role',
    'nome|cognome|indirizzo|telefono|veicolo|targa|firma|assicurazione|nascita|nato|nata',
    'nom|prénom|prenom|adresse|téléphone|véhicule|immatriculation|assureur|signature|née|né',
    'nombre|apellidos|apellido|dirección|direccion|teléfono|vehículo|matrícula|aseguradora|firma',
    'vorname|nachname|anschrift|telefon|fahrzeug|kennzeichen|versicherung|unterschrift|geboren',
    'naam|voornaam|achternaam|adres|telefoon|voertuig|kenteken|handtekening',
    'apelido|morada|telemóvel|veículo|seguradora|assinatura',
    'correo|courriel|mail|city|ciudad|ville|città|stadt|ort|country|país|pays|paese|land|dob',
  ]
    .join('|')
    .split('|'),
);
