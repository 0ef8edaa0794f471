/**
 * Stations: the sending posts as they appear in reference ids (`09USOSCE147` → `USOSCE`).
 * References name them the way people write them (`BUENOS AIRES`, `BA`, `SECSTATE`,
 * `USUN NEW YORK`); `normalizeStation` maps those spellings onto the id form, and
 * `canonicalizeId` repairs malformed ids such as `08ECTION01OF02MANAMA492`.
 */
import { isNearMiss, isTransposed } from './near-miss.ts';
import { remembered } from './remember.ts';

/** Station names as used in reference ids: every origin of the corpus, plus other US posts. */
const knownStations: ReadonlySet<string> = new Set(
  `ABIDJAN ABUDHABI ABUJA ACCRA ADANA ADDISABABA AITKAOHSIUNG AITTAIPEI ALGIERS ALMATY AMMAN
  AMSTERDAM ANKARA ANTANANARIVO APIA ASHGABAT ASMARA ASTANA ASUNCION ATHENS AUCKLAND BAGHDAD
  BAKU BAMAKO BANDARSERIBEGAWAN BANGKOK BANGUI BANJUL BARCELONA BASRAH BEIJING BEIRUT BELFAST
  BELGRADE BELMOPAN BERLIN BERN BISHKEK BOGOTA BRASILIA BRATISLAVA BRAZZAVILLE BRIDGETOWN
  BRUSSELS BUCHAREST BUDAPEST BUENOSAIRES BUJUMBURA CAIRO CALCUTTA CALGARY CANBERRA CAPETOWN
  CARACAS CASABLANCA CHENGDU CHENNAI CHIANGMAI CHISINAU CIUDADJUAREZ COLOMBO CONAKRY COPENHAGEN
  COTONOU CURACAO DAKAR DAMASCUS DARESSALAAM DHAHRAN DHAKA DILI DJIBOUTI DOHA DUBAI DUBLIN
  DURBAN DUSHANBE DUSSELDORF EFTOLONDON EFTOTRIPOLI FLORENCE FRANKFURT FREETOWN FUKUOKA GABORONE
  GENEVA GEORGETOWN GUADALAJARA GUANGZHOU GUATEMALA GUAYAQUIL HALIFAX HAMBURG HAMILTON HANOI
  HARARE HAVANA HELSINKI HERMOSILLO HILLAH HOCHIMINHCITY HONGKONG HYDERABAD IRANRPODUBAI
  ISLAMABAD ISTANBUL IZMIR JAKARTA JEDDAH JERUSALEM JOHANNESBURG KABUL KADUNA KAMPALA KARACHI
  KATHMANDU KHARTOUM KIEV KIGALI KINGSTON KINSHASA KIRKUK KOLKATA KOLONIA KOROR KRAKOW
  KUALALUMPUR KUWAIT KYIV LAGOS LAHORE LAPAZ LEIPZIG LIBREVILLE LILONGWE LIMA LISBON LJUBLJANA
  LOME LONDON LUANDA LUSAKA LUXEMBOURG MADRID MAJURO MALABO MANAGUA MANAMA MANILA MAPUTO
  MARSEILLE MASERU MATAMOROS MAZARESHARIF MBABANE MELBOURNE MERIDA MEXICO MILAN MINSK
  MONROVIA MONTERREY MONTEVIDEO MONTREAL MOSCOW MOSUL MUMBAI MUNICH MUSCAT NAGOYA NAHA NAIROBI
  NAPLES NASSAU NDJAMENA NEWDELHI NIAMEY NICOSIA NOUAKCHOTT NOGALES NUEVOLAREDO OSAKAKOBE OSLO
  OTTAWA OUAGADOUGOU PANAMA PARAMARIBO PARIS PARTO PERTH PESHAWAR PHNOMPENH PODGORICA
  PONTADELGADA PORTAUPRINCE PORTLOUIS PORTMORESBY PORTOFSPAIN PORTOALEGRE PRAGUE PRAIA PRETORIA
  PRISTINA QUEBEC QUITO RABAT RANGOON RECIFE REYKJAVIK RIGA RIODEJANEIRO RIYADH ROME RPODUBAI
  SANAA SANJOSE SANSALVADOR SANTIAGO SANTODOMINGO SAOPAULO SAPPORO SARAJEVO SECDEF SECTO SEOUL
  SHANGHAI SHENYANG SINGAPORE SKOPJE SOFIA STATE STOCKHOLM STPETERSBURG STRASBOURG SURABAYA
  SUVA SYDNEY TAIPEI TALLINN TASHKENT TBILISI TEGUCIGALPA TEHRAN TELAVIV THEHAGUE TIJUANA
  TIRANA TOKYO TORONTO TRIPOLI TUNIS ULAANBAATAR UNVIEVIENNA USCINCCENT USNATO
  USOSCE USUNNEWYORK USUNROME VALLETTA VANCOUVER VATICAN VIENNA VIENTIANE VILNIUS VLADIVOSTOK
  WARSAW WELLINGTON WINDHOEK YAOUNDE YEKATERINBURG YEREVAN ZAGREB
  UNESCOPARISFR CDCATLANTAGA USDOC USDAFAS USCBP`.split(/\s+/),
);

/** Spellings seen in malformed ids only; in REF text these are words (`VAT`, `BRAZIL 2008`). */
const idAliases: Readonly<Record<string, string>> = { VAT: 'VATICAN', BRAZIL: 'BRASILIA' };

/** Other spellings of stations, after upper-casing and removing everything but letters. */
const aliases: Readonly<Record<string, string>> = {
  SECSTATE: 'STATE',
  SECSTATEWASHDC: 'STATE',
  STATEDEPT: 'STATE',
  DEPT: 'STATE',
  DEPARTMENT: 'STATE',
  BA: 'BUENOSAIRES',
  BSAS: 'BUENOSAIRES',
  RIO: 'RIODEJANEIRO',
  RIODEJAN: 'RIODEJANEIRO',
  HAGUE: 'THEHAGUE',
  DELHI: 'NEWDELHI',
  MEXICOCITY: 'MEXICO',
  GUATEMALACITY: 'GUATEMALA',
  PANAMACITY: 'PANAMA',
  KUWAITCITY: 'KUWAIT',
  HCMC: 'HOCHIMINHCITY',
  HOCHIMINH: 'HOCHIMINHCITY',
  AIT: 'AITTAIPEI',
  USUN: 'USUNNEWYORK',
  USUNNY: 'USUNNEWYORK',
  USUNNEWYORKCITY: 'USUNNEWYORK',
  UNVIE: 'UNVIEVIENNA',
  USUNVIE: 'UNVIEVIENNA',
  USMISSIONUNVIEVIENNA: 'UNVIEVIENNA',
  // The US Mission to the EU files its cables under BRUSSELS (09BRUSSELS1639 is from USEU Brussels).
  USEU: 'BRUSSELS',
  USEUBRUSSELS: 'BRUSSELS',
  USMISSIONUSNATO: 'USNATO',
  USMISSIONUSOSCE: 'USOSCE',
  USMISSIONGENEVA: 'GENEVA',
  USUNGENEVA: 'GENEVA',
  USMISSIONUSUNNEWYORK: 'USUNNEWYORK',
  USMISSIONGENEVACD: 'GENEVA',
  DUBAIRPO: 'RPODUBAI',
  IRANRPO: 'IRANRPODUBAI',
  BISHIEK: 'BISHKEK',
  CASA: 'CASABLANCA',
  ADDIS: 'ADDISABABA',
  BASRA: 'BASRAH',
  SATTE: 'STATE',
  CIUDADJUARES: 'CIUDADJUAREZ',
  HK: 'HONGKONG',
  BKK: 'BANGKOK',
  PAP: 'PORTAUPRINCE',
  PAUP: 'PORTAUPRINCE',
  PARISFR: 'UNESCOPARISFR',
  USUNESCO: 'UNESCOPARISFR',
  USUNESCOPARISFR: 'UNESCOPARISFR',
  UNESCOPARIS: 'UNESCOPARISFR',
  CDCATLANTA: 'CDCATLANTAGA',
  USDA: 'USDAFAS',
  USCUSTOMS: 'USCBP',
};

/**
 * Map a station as written (`Buenos Aires`, `BA`, `SECSTATE`, `USUN NEW YORK`) to the form
 * used in reference ids (`BUENOSAIRES`, `STATE`, `USUNNEWYORK`); null when it names no known station.
 */
export function normalizeStation(name: string): string | null {
  return remembered(stationAnswers, name, answerStation);
}

/**
 * Each name's answer: REF lists and page breaks write the same few hundred stations cable after
 * cable, and a name that is none is compared with every spelling. Cleared when full, so a long build stays small.
 */
const stationAnswers = new Map<string, string | null>();

function answerStation(name: string): string | null {
  const key = name.toUpperCase().replace(/[^A-Z]/g, '');
  return (
    lookUp(key) ??
    lookUp(key.replace(postWordPattern, '')) ??
    // `SECDEF WASH`, `USDOC WASHDC`, `MADRID SP`: the city or country written after the station.
    lookUp(key.replace(/(?:WASHDC|WASH|DC|[A-Z]{2})$/, '')) ??
    nearStation(key) ??
    // `KUALA LUMP 4317`, `UNVIE VIEN 641`: cut to ten characters, as a telegram's page header writes it.
    (key.length >= 8 ? stationStartingWith(key) : null)
  );
}

/** A word for the post before its name, in addressees and ids: `AMEMBASSY`, `USMISSION` … */
const postWordPattern = /^(?:AMEMBASSY|AMCONSUL|EMBASSY|CONSULATE|USMISSION)/;

/** Every spelling a typo can be near: the stations and their other spellings. */
const spellings: readonly string[] = [...knownStations, ...Object.keys(aliases)];

/** A known station one typo away (`SECTATE`, `TALLIN`, `WELLINGOTN`), for names of six letters or more. */
function nearStation(key: string): string | null {
  if (key.length < 6) return null;
  for (const station of spellingsNear(key.length)) {
    if (isNearMiss(station, key) || isTransposed(station, key)) return lookUp(station);
  }
  return null;
}

/**
 * The spellings one letter longer or shorter than `length` or as long, in order: a name is
 * compared with those few (a typo changes the length by one at most), not with every spelling.
 */
function spellingsNear(length: number): readonly string[] {
  let near = spellingsByLength.get(length);
  if (!near) {
    near = spellings.filter((station) => Math.abs(station.length - length) <= 1);
    spellingsByLength.set(length, near);
  }
  return near;
}

const spellingsByLength = new Map<number, readonly string[]>();

/** The one station whose name starts with a cut-short one (`HALIF`, `KUALALUMP`) in an id. */
function stationStartingWith(key: string): string | null {
  if (key.length < 5) return null;
  const longer = stationList.filter((station) => station.length > key.length && station.startsWith(key));
  return longer.length === 1 ? (longer[0] ?? null) : null;
}

const stationList: readonly string[] = [...knownStations];

function lookUp(key: string): string | null {
  return idForms.get(key) ?? null;
}

/** The id form of every station and other spelling, in one map: a spelling above a station of that name. */
const idForms: ReadonlyMap<string, string> = new Map([
  ...stationList.map((station) => [station, station] as const),
  ...Object.entries(aliases),
]);

/** Whether a station name (already in id form) is known. */
export function isStation(name: string): boolean {
  return knownStations.has(name);
}

/**
 * The canonical reference id of a cable: `08ECTION01OF02MANAMA492` → `08MANAMA492`,
 * `7575LIBREVILLE1895` → `75LIBREVILLE1895`, leading zeros of the serial dropped; good ids
 * come back unchanged.
 */
export function canonicalizeId(id: string): string {
  const match = /^(\d{2})(\d{2})?([A-Z][A-Z0-9]*?)0*(\d+)$/i.exec(id.trim().replace(/[-.' ]/g, ''));
  if (!match) return id;
  const [, year = '', repeat, middle = '', serial = ''] = match;
  let station = middle.toUpperCase();
  if (repeat !== undefined && repeat !== year) station = repeat + station;
  // `09EFTOLONDON2468`: the handling marker EFTO (encrypted for transmission only) glued to the station.
  const unmarked = station.replace(/^EFTO/, '');
  if (unmarked !== station && knownStations.has(unmarked)) station = unmarked;
  if (!knownStations.has(station)) station = repairStation(station) ?? station;
  return year + station + serial;
}

/** Strip a glued `SECTION01OF02` marker and fix one-letter typos of a known station. */
function repairStation(middle: string): string | null {
  const stripped = middle.replace(/^[A-Z]*?\d+[A-Z]{1,2}\d+/, '');
  const direct = normalizeStation(stripped) ?? idAliases[stripped] ?? stationStartingWith(stripped);
  if (direct) return direct;
  // `05EMBASSYBLABLA1`: the post's name after a word for the post.
  const post = stripped.replace(postWordPattern, '');
  if (post !== stripped && /^[A-Z]{3,}$/.test(post)) return post;
  if (stripped.length < 5) return stripped === middle ? null : stripped;
  for (const station of knownStations) {
    if (Math.abs(station.length - stripped.length) <= 1 && isNearMiss(station, stripped)) return station;
  }
  return stripped === middle ? null : stripped;
}
