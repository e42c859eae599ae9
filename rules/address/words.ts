/**
 * Word lists for the address detector: street types by position, unit designators, regions and
 * countries, and the words that tell a number is not a house number.
 *
 * Every list is lower-case and compared against a lower-cased token, so matching is a Set lookup
 * per token and the scan stays linear however long the lists grow. A word token is letters (and
 * an apostrophe part), so forms with dots or hyphens ("a.m", "e-mail") could never match and are
 * not listed. Lists of single words are written as one space-separated string split at load:
 * the shipped engine is smaller than with a quoted string per word.
 */

/**
 * English street types written AFTER the street name ("Downing Street", "Pennsylvania Ave").
 * These are distinctive enough that a house number plus a capitalised name plus one of them is
 * an address on its own.
 */
export const STRONG_SUFFIX_TYPES = new Set(
  'street st avenue ave av road rd lane ln drive dr court ct close place pl terrace ter tce boulevard blvd crescent cres parkway pkwy highway hwy square sq circle cir trail trl alley mews grove gardens expressway freeway turnpike causeway plaza esplanade parade wynd row walk way crossing cove pike str'.split(
    ' ',
  ),
);

/**
 * English street types that are also ordinary nouns ("Hill", "Park", "Point"). After a house
 * number they make a street only with more evidence: a unit, a postcode, a city line or an
 * address word nearby.
 */
export const WEAK_SUFFIX_TYPES = new Set(
  (
    'hill hills park green point ridge view creek lake loop mall lodge isle fork forks rapids flat flats fort dale glen union crossroad radial center centre meadow meadows heights manor knoll landing junction harbor harbour haven estate estates brook springs valley village vista wharf quay embankment promenade path run pass track spur summit shore shores mill mills orchard oval ranch port station trace bypass extension rest mount field fields falls island islands keys garden gate gateway grange hollow villas chase approach ' +
    // The rest of the USPS standard suffix names (Publication 28, appendix C1).
    'viaduct extensions loaf glens neck bayou beach bend bluff bluffs branch bridge brooks burg burgs camp canyon cape cliff cliffs common commons corner corners course courts coves crest curve divide drives ferry ford fords forest forge forges greens groves harbors inlet junctions knolls lakes lights lock locks manors mission mountain mountains overpass parks parkways pines ports prairie ridges river roads shoals skyway spurs squares stravenue stream streets throughway trafficway tunnel underpass unions valleys views villages ville walks ways wells plains rise vale broadway ' +
    // USPS names missing above, and British ones ("Fox Fold", "Church Lea", "Meadow Croft").
    'annex arcade circles dam ramp shoal trailer motorway mead fold drove paddock croft garth lea nook dene route yard points ' +
    'club key pine plain rapid passage bottom centers crossroads spring light wood woods brae ' +
    // Australian ones ("Chloe Circuit", "Station Concourse", "Banksia Glade").
    'circuit cct concourse glade outlook retreat ramble circus'
  ).split(' '),
);

/**
 * Street types written BEFORE the street name: French, Spanish, Italian, Portuguese, Polish,
 * Romanian, Greek and others ("rue de la Paix", "Calle Mayor", "Via Roma", "ul. Narewska").
 * The house number comes before (French) or after (most others).
 */
export const PREFIX_TYPES = new Set(
  // French and Belgian
  (
    'rue avenue av bd boulevard bld allée allee place impasse imp chemin ch route rte quai cours passage square cité résidence sentier faubourg fbg montée promenade esplanade hameau parvis voie ruelle r drève dreve galerie jardin chaussée chaussee venelle clos ' +
    // Spanish and Catalan
    'calle c avenida avda avinguda paseo plaza plaça pza carrer carretera ctra camino ronda travesía travesia glorieta callejón pasaje passeig rambla urbanización urb arrabal caserío caserio prolongación prolongacion calleja bajada subida cuesta entrada salida parque mercado muelle senda vereda rincón rincon ramal aldea masía masia explanada torrente barranco riera cañada costanilla bulevar autovía paraje partida polígono poligono barrio colonia sector jardines parcela solar puerta lugar acceso rampa edificio puente arroyo bloque chalet conjunto escalinata extramuros huerta manzana pasadizo plazuela poblado quinta sendero ' +
    // Mexican
    'calzada calz cerrada cda privada priv retorno circuito andador prol blvd viaducto eje ' +
    // Italian
    'via viale piazza piazzale piazzetta corso largo vicolo strada contrada lungomare borgo salita galleria rotonda incrocio traversa vico ' +
    // Portuguese and Brazilian
    'rua rúa travessa praça praca alameda estrada rodovia beco quadra marginal jardim ladeira urbanização urbanizacao calçada calcada bairro escadas escadinhas praceta rotunda viela caminho ' +
    // Polish, Czech, Slovak, Slovenian, Croatian, Romanian
    'ul ulica al aleja plac pl os osiedle szosa bulwar bulw wybrzeże wyb rondo skwer náměstí nám námestie trg str bulevardul calea splaiul șoseaua soseaua intrarea aleea piața piata ' +
    // Malay and Indonesian ("Jalan Ampang Hilir", "Jl. Sudirman No. 5")
    'jalan jln jl lorong lrg persiaran ' +
    // Greek (after normalisation Greek text stays Greek)
    'οδός οδος οδ λεωφόρος λεωφ πλατεία πλ πάροδος παρ λ ' +
    // Russian and Ukrainian ("ул. Ленина, 5", "вул. Шевченка, 12")
    'ул улица пр проспект пер переулок бул бульвар ш шоссе наб набережная пл площадь ал аллея туп тупик вул вулиця просп пров провулок площа майдан бульв'
  ).split(' '),
);

/**
 * Prefix types that are also common English words or abbreviations ("place", "square", "via",
 * "route", "c", "r", "al", "os", "str"): they need a capitalised name right after them, and
 * those written with a dot ("c.", "r.", "al.") need the dot.
 */
export const AMBIGUOUS_PREFIX_TYPES = new Set(
  'place square via route passage promenade esplanade largo corso strada galleria quadra ronda rambla plaza avenue boulevard cours voie av colonia sector jardines parcela solar puerta lugar acceso partida barrio senda ramal cerrada privada retorno circuito andador marginal rondo'.split(
    ' ',
  ),
);

/** Prefix abbreviations that count only when written with their dot ("c.", "r.", "al."). */
export const DOTTED_PREFIX_TYPES = new Set(
  'jl jln lrg c r al os pl bulw wyb str ch imp bd nám pza urb λεωφ λ οδ πλ παρ rte ctra fbg bld ul calz cda priv prol blvd ул пр пер бул ш наб пл ал туп вул просп пров бульв'.split(
    ' ',
  ),
);

/**
 * Street types written as a separate lower-case word after the name in Nordic, Baltic and
 * Hungarian addresses ("Karl Johans gate 22", "Luite tee 87", "Kossuth Lajos utca 12",
 * "Wesselényi u. 94."). Lower case is what tells the Norwegian "gate" from an airport gate.
 */
export const SEPARATE_SUFFIX_TYPES = new Set(
  (
    'gate gata vei veg vej gade allé plass plads torv terrasse tee tänav iela gatvė utca u út útja tér körút krt köz sétány rkp rakpart cesta caddesi cadde cad sokak sokağı sok sk bulvarı bulvar blv straße strasse straat laan weg katu tie kapu põik str väg gränd ' +
    // Russian and Ukrainian, after an adjective name ("Высокая набережная, 5", "Стрийська площа")
    'улица проспект переулок бульвар шоссе набережная площадь аллея тупик вулиця провулок площа майдан ' +
    'ул пр пер наб пл ш ал просп вул ' +
    // More Hungarian and Latvian ones ("Diófa határút 22", "Asītes bulvāris 24")
    'határút főút sugárút dűlő sor lejtő liget fasor lakótelep országút körtér főtér tere udvar bulvāris gāte prospekts laukums gatve šķērsiela dambis ' +
    // Croatian, Serbian and Bosnian ("Zeleno polje 5", "Našičko naselje 48", "Riva obala 3")
    'polje naselje obala šetalište vijenac prilaz odvojak sokak'
  ).split(' '),
);

/**
 * Endings of one-word street names: German, Dutch, Scandinavian, Icelandic, Finnish, Estonian
 * and Slavic ("Musterstraße", "Parijsstraat", "Magasinsgatan", "Koskikatu", "Hersnapvej").
 * English words that share an ending ("spring", "firewall", "renegade") are left out or listed
 * in COMPOUND_EXCEPTIONS.
 */
export const COMPOUND_ENDINGS: readonly string[] = // German, Austrian, Swiss
  (
    'straße strasse str weg gasse platz allee damm ufer steig pfad chaussee markt graben stieg anger kamp brücke zeile hof gässli gässchen ' +
    // Dutch and Flemish
    'straat laan gracht plein kade dijk singel steeg dreef baan steenweg kanaal park plantsoen pad ' +
    // Danish and Norwegian
    'vej vejen gade gaden stræde allé plads torv vei veien vegen gata gaten stien bakken svingen ringen løkka kollen moen haugen toppen marka jordet tunet berget åsen vang marken ' +
    // Swedish
    'gatan vägen väg gränd gränden torget stigen backen allén leden gärdet ' +
    // Icelandic
    'stræti straeti vegur braut stígur gerði ' +
    // Finnish
    'katu tie kuja polku väylä raitti rinne kaari ranta aukio tanhua mäki linja penger ' +
    // Estonian, Latvian, Lithuanian
    'tänav puiestee maantee põik iela gatvė ' +
    // Slavic and Hungarian
    'ulica ulice cesta utca'
  ).split(' ');

/**
 * Words that end like a compound street name but are not one. (An ending alone, such
 * as "bakken", is no compound: compoundEnding wants two letters before it.)
 */
export const COMPOUND_EXCEPTIONS = new Set(
  // German nouns of places that are no street: a seat, a parking space, a workplace, a slot.
  'renegade brigade necktie bowtie hogtie untie auntie rutie sitzplatz parkplatz stellplatz arbeitsplatz steckplatz speicherplatz spielplatz sportplatz campingplatz liegeplatz'.split(
    ' ',
  ),
);

/** Unit designators before a number: "Apt. 4", "Suite 500", "Flat 2", "Unit 7", "#12". */
export const UNIT_WORDS = new Set(
  'apt apartment appt apto suite ste unit flat fl floor level room rm bldg building blk block bloco bloque bl lot box dept depto door wohnung zimmer app ap whg etage étage piso puerta pta dpto departamento andar sala scala esc escalera interno int bte bus lgh lok lokal m mieszkanie kv кв no nr nº'.split(
    ' ',
  ),
);

/** Unit words that are common English nouns: they count only right after a street line. */
export const WEAK_UNIT_WORDS = new Set(
  'lot box dept door bus m int no nr nº sala room rm building bldg floor fl level block bl ap esc kv'.split(
    ' ',
  ),
);

/** Number suffixes that belong to a house number: "12 bis", "3 ter", "7 quater". */
export const HOUSE_NUMBER_SUFFIXES = new Set(['bis', 'ter', 'quater', 'quinquies']);

/** US states, territories and military "states", and Canadian provinces, as postal codes. */
export const REGION_CODES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH ' +
    'NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP ' +
    'AB BC MB NB NL NS NT NU ON PE QC SK YT ' +
    // Australian states
    'NSW VIC QLD SA TAS ACT'
  ).split(' '),
);

/** Full names of US states, Canadian provinces and Australian states (lower case). */
export const REGION_NAMES = new Set(
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming alberta manitoba ontario quebec québec saskatchewan yukon nunavut queensland victoria tasmania'.split(
    ' ',
  ),
);

/**
 * Country names, English and native, lower case, one or more words, separated by commas.
 * Multi-word names are matched word by word (see scanner), so only the first word needs to be
 * looked up here.
 */
export const COUNTRIES: readonly string[] = (
  'united states,united states of america,usa,us,united kingdom,uk,great britain,england,' +
  'scotland,wales,northern ireland,ireland,éire,canada,australia,new zealand,south africa,' +
  'germany,deutschland,austria,österreich,switzerland,schweiz,suisse,svizzera,liechtenstein,' +
  'france,belgium,belgique,belgië,netherlands,the netherlands,nederland,luxembourg,spain,españa,' +
  'portugal,italy,italia,malta,greece,cyprus,denmark,danmark,norway,norge,sweden,sverige,' +
  'finland,suomi,iceland,ísland,greenland,estonia,eesti,latvia,lithuania,poland,polska,' +
  'czech republic,czechia,slovakia,slovenia,slovenija,croatia,hrvatska,serbia,' +
  'bosnia and herzegovina,montenegro,albania,north macedonia,bulgaria,romania,hungary,' +
  'magyarország,ukraine,moldova,belarus,russia,turkey,türkiye,israel,egypt,morocco,tunisia,' +
  'algeria,nigeria,kenya,ghana,india,pakistan,bangladesh,sri lanka,china,japan,south korea,' +
  'korea,taiwan,hong kong,singapore,malaysia,indonesia,philippines,thailand,vietnam,mexico,' +
  'méxico,brazil,brasil,argentina,chile,colombia,peru,uruguay,paraguay,venezuela,ecuador,' +
  'bolivia,costa rica,panama,cuba,puerto rico,dominican republic,jamaica,saudi arabia,' +
  'united arab emirates,uae,qatar,kuwait,iran,iraq,jordan,lebanon'
).split(',');

/**
 * Words that label a number as something other than a house number when they come right before
 * it: "Step 3 Avenue of approach", "Chapter 12 Park", "Version 2 Street Fighter", "Gate 23".
 */
export const NUMBER_LABELS = new Set(
  'step steps chapter ch section sec part page pages pp p version ver v release build figure fig table level lvl phase stage round episode ep season volume vol issue item items line lines row column col order orders invoice ticket case ref tracking sku model serial account acct id pin code error err status http port gate terminal platform track bus flight train seat grade class week day days month year years top rank number num tier plan option slide lesson unit module task question q rule article art paragraph clause note appendix exhibit sprint iteration ios android windows win python java node about over under only just than x qty quantity total price cost usd eur gbp chf covid boeing airbus iphone galaxy pixel ps xbox rev revision patch hotfix dx icd cpt rx ndc garantie warranty guarantee gewährleistung'.split(
    ' ',
  ),
);

/**
 * Words that tell an English type word is used as an ordinary noun or verb when they come right
 * after it ("2 Street Fighter", "3 Way Handshake" is caught by other rules; these are the
 * lower-case continuations of prose).
 */
export const PROSE_AFTER_NUMBER = new Set(
  'am pm h hr hrs hours hour min mins minutes minute sec secs seconds ms days day weeks week months month years year times time people persons users items pieces pcs percent pct kg g lb lbs km mi miles mph m cm mm gb mb kb tb px pt x of to out more less new other main key best top different easy simple quick great major common'.split(
    ' ',
  ),
);

/** Words that start prose, not a city name, when they follow a street line. */
export const NOT_A_CITY = new Set(
  'the a an and or but i we you he she it they this that these those there here please thanks thank call email phone tel fax mobile cell desk office website web mail name dear hi hello regards best cheers sincerely if when then so for from to in on at by with is was are my our your his her their can could will would should do does did not no yes ok okay let also what where how why who which note order invoice ticket tracking ref id date time total amount price card account iban ssn dob subject sent monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  ),
);

/**
 * Lower-case particles inside street and city names ("rue de la Paix", "Via dei Fiorentini").
 * Elided ones ("d'Alsace") are part of the word they are glued to.
 */
export const NAME_PARTICLES = new Set(
  'de du des la le les del della dei degli delle dello di da do dos das el los las y i e en sur sous aux au am an der dem den im auf bei van von ter ten op het of the upon on nad pod na al san sant santa são st ste saint sainte'.split(
    ' ',
  ),
);

/**
 * Postal box words: "P.O. Box 123", "PO Box", "Postfach 12 34", "Apartado 45", "BP 12". Sticky:
 * the scanner tries it where a match can start.
 */
export const PO_BOX =
  /(?<![\p{L}\p{N}])(?:P\.?\s?O\.?\s?Box|Post\s?Office\s?Box|Postfach|Apartado(?:\s+de\s+Correos)?|Casilla(?:\s+de\s+Correo)?|Caixa\s+Postal|Boîte\s+postale|B\.?P\.?|Postbus|Postboks|Postbox|Box)\s{0,3}(?:No\.?\s{0,2}|#\s{0,2})?(\d{1,6}(?:\s\d{2,4})?)(?![\p{L}\p{N}])/iuy;
