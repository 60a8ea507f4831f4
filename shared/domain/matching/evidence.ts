import { extractSkills, type Extraction } from '../../taxonomy/extract.js';
import { normaliseSkillInputs } from '../../taxonomy/normalise.js';
import { CLAUSE_BREAK, deniesAllExperience, hasNegationOrWish } from '../text/cues.js';
import { loadTaxonomy, type Taxonomy } from '../../taxonomy/taxonomy.js';
import { indexedSkills, type AnyRecord, type IndexedSkill } from '../records.js';
import { lexicalHaves, lexicalNeeds, partitionsOf, withPhraseGrams } from './lexical.js';
import { isTradeSkill } from './score.js';

/**
 * The skills matching counts for a record: the skills it is indexed under; for a learner, also
 * the taxonomy skills their certificates attest (a CAAC licence, 电工证（高级工）); and the
 * record's lexical entries (lexical.ts): a demand's phrases that name no skill (and the words of
 * those that do, as an alternative), and the words of a learner's phrases the taxonomy does not
 * name for sure. A certificate is stronger evidence than a skill someone lists, so leaving
 * it out would rank certified people below people who merely name the skill. Only skill ids,
 * levels and character grams come out: never whole texts.
 *
 * A skill both listed and certified keeps the higher level; certificate skills that name no
 * taxonomy skill are dropped (their words still count lexically).
 *
 * @param summary the extraction of a learner's summary, when the caller has one already (a
 *   recommendation reads the same summary for wishes): it is then not read twice
 */
export function matchingSkills(record: AnyRecord, taxonomy?: Taxonomy, summary?: Extraction): IndexedSkill[] {
  const own = indexedSkills(record);
  if (record.kind === 'demand') {
    const phrases = [...record.requiredSkills, ...record.preferredSkills];
    return [...withPhraseGrams(own, phrases), ...titleNeeds(record.title, own, taxonomy ?? loadTaxonomy()), ...lexicalNeeds(record.requiredSkills, record.preferredSkills)];
  }
  if (record.kind === 'course') return [...own, ...lexicalHaves(record.skillsTaught.map((s) => s.text), 'taught')];
  const bySkill = new Map(own.map((s) => [s.skillId, s]));
  // Words count where the taxonomy named nothing for sure: phrases left unmapped or only linked by
  // likeness. Named skills are already evidence, and their words would fill the index with
  // partitions every learner of a field is in.
  const words = record.skills.filter((s) => s.skillId === null || s.match === 'fuzzy').map((s) => s.text);
  for (const found of record.certificates.length > 0 ? normaliseSkillInputs(record.certificates, taxonomy).skills : []) {
    if (found.skillId === null || found.match === 'fuzzy') words.push(found.text);
    if (found.skillId === null) continue;
    const fuzzy = found.match === 'fuzzy' ? { fuzzy: true } : {};
    // A certificate that names a trade ("养老护理员（二级/技师）", "焊工（中级）", "低压电工") is that trade's certificate too.
    const certificate = tradeCertificate(found.skillId, found.text, taxonomy ?? loadTaxonomy());
    for (const skillId of certificate ? [found.skillId, certificate] : [found.skillId]) {
      const seen = bySkill.get(skillId);
      if (!seen) bySkill.set(skillId, { skillId, level: found.level, role: 'held', ...fuzzy });
      else if ((found.level ?? 0) > (seen.level ?? 0)) bySkill.set(skillId, { ...seen, level: found.level });
    }
  }
  // The summary is evidence too ("在富士康实习过流水线", "冷库里分拣"): the skills it names outside
  // a wish or a negation, weighed as a link by likeness is (a listed skill says more), and the
  // words of its clauses that neither wish nor negate. One extraction of the whole summary (it
  // reads negations and wishes per skill, within a clause). A summary saying the person has no
  // experience at all names what they aim at, not what they hold.
  if (record.summary && !deniesAllExperience(record.summary)) {
    const { items, unmapped } = summary ?? extractSkills(record.summary, taxonomy);
    for (const item of items) {
      if (item.confidence < SUMMARY_MIN_CONFIDENCE || bySkill.has(item.skillId)) continue;
      bySkill.set(item.skillId, { skillId: item.skillId, level: item.level ?? null, role: 'held', fuzzy: true });
    }
    const plain = record.summary.split(CLAUSE_BREAK).filter((clause) => !hasNegationOrWish(clause));
    words.push(...unmapped.filter((chunk) => plain.some((clause) => clause.includes(chunk))));
  }
  // A credential attests what its holder can do (叉车证 → 叉车驾驶, A2驾照 → a C1 licence's driving):
  // the holder is credited with that too, as surely as with the credential.
  const known = taxonomy ?? loadTaxonomy();
  for (const held of [...bySkill.values()]) {
    for (const skillId of known.getSkill(held.skillId)?.attests ?? []) {
      if (!bySkill.has(skillId)) bySkill.set(skillId, { skillId, level: null, role: 'held', attestedBy: held.skillId, ...(held.fuzzy ? { fuzzy: true } : {}) });
    }
  }
  return [...bySkill.values(), ...lexicalHaves(words, 'held')];
}

/**
 * The trade skills a posting's title names that its skill lists do not (外卖骑手 beside 电动车驾驶 and
 * 熟悉本地路线; 晶圆厂操作员 beside 按SOP操作设备), as required needs marked `fromTitle`: the title says
 * what the job is, and a reader of the posting reads it first. Left to the lists: a skill they name
 * a narrower kind of (无人机驾驶员 asking for 多旋翼无人机驾驶 asks for that), skills of a category every
 * trade draws on, and weak readings (`TITLE_MIN_CONFIDENCE`).
 */
function titleNeeds(title: string, listed: readonly IndexedSkill[], taxonomy: Taxonomy): IndexedSkill[] {
  const ids = new Set(listed.map((s) => s.skillId));
  const named = (id: string) => ids.has(id) || taxonomy.childrenOf(id).some((child) => ids.has(child.id));
  return extractSkills(title, taxonomy)
    .items.filter((item) => !named(item.skillId) && item.confidence >= TITLE_MIN_CONFIDENCE && isTradeSkill(taxonomy, item.skillId))
    .map((item) => ({ skillId: item.skillId, level: item.level ?? null, role: 'required', fromTitle: true }));
}

/**
 * The certificate of the trade a certificates entry names: the trade's own (`<trade>-certificate`:
 * 焊工 → 焊工证), else the credential the entry reads as with 证 after it, when that credential
 * attests the trade (低压电工 → 低压电工作业证, 叉车 → 叉车证).
 */
function tradeCertificate(skillId: string, text: string, taxonomy: Taxonomy): string | undefined {
  const own = `${skillId}-certificate`;
  if (taxonomy.getSkill(own)) return own;
  const named = extractSkills(`${text}证`, taxonomy).items.find((item) => taxonomy.getSkill(item.skillId)?.attests?.includes(skillId));
  return named?.skillId;
}

/** Extractor confidence from which a skill the summary names counts (a typo match is about 0.7). */
const SUMMARY_MIN_CONFIDENCE = 0.85;

/** Extractor confidence from which a skill a title names counts, a posting's or a course's (a typo match is about 0.7). */
export const TITLE_MIN_CONFIDENCE = 0.85;

/**
 * The index partitions of a record: every skill matching counts for it (certificate skills
 * included) and every gram of its lexical entries, so that retrieval finds whatever the score
 * credits. The record store writes exactly these; its tests check them.
 */
export const indexPartitions = (record: AnyRecord, taxonomy?: Taxonomy): string[] => partitionsOf(matchingSkills(record, taxonomy));
