/**
 * The ordinal skill-level scale (1–5) shared by profiles, postings and occupations, and the words
 * people use for it in Chinese and English. See FORMAT.md for the table this mirrors.
 */

/** 1 = elementary / 五级 (初级工) … 5 = expert / 一级 (高级技师). */
export type Level = 1 | 2 | 3 | 4 | 5;

/** Every level, lowest first. */
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/**
 * The engineer ladder (专业技术职称) on the 1–5 scale, by the equivalences of the national policy
 * joining it to the vocational ladder: 初级 (助理工程师) = 三级/高级工, 中级 (工程师) = 二级/技师,
 * 高级 (高级工程师) = 一级/高级技师. Only where the words say engineer; 初级/中级/高级 alone are
 * the vocational ladder.
 */
export const ENGINEER_GRADES = { 初级: 3, 中级: 4, 高级: 5 } as const satisfies Record<string, Level>;

const ENGINEER_WORDS: ReadonlyArray<readonly [string, Level]> = [
  ['助理工程师', ENGINEER_GRADES.初级], ['初级工程师', ENGINEER_GRADES.初级], ['初级职称', ENGINEER_GRADES.初级],
  ['工程师', ENGINEER_GRADES.中级], ['中级工程师', ENGINEER_GRADES.中级], ['中级职称', ENGINEER_GRADES.中级],
  ['高级工程师', ENGINEER_GRADES.高级], ['正高级工程师', ENGINEER_GRADES.高级], ['高级职称', ENGINEER_GRADES.高级],
];

// Whole-input words accepted by `parseLevel`, lower case. The national ladder counts down
// (五级 is the lowest), our scale counts up, hence 五级 = 1 … 一级 = 5.
const LEVEL_WORDS: ReadonlyMap<string, Level> = new Map<string, Level>([
  // national vocational ladder (国家职业资格 / 职业技能等级)
  ['五级', 1], ['初级工', 1],
  ['四级', 2], ['中级工', 2],
  ['三级', 3], ['高级工', 3],
  ['二级', 4], ['技师', 4],
  ['一级', 5], ['高级技师', 5],
  // 初级/中级/高级 alone, as workers write them (中级电工, 高级电工证): the vocational ladder
  ['初级', 1], ['中级', 2], ['高级', 3],
  // the engineer ladder (专业技术职称: 初级/中级/高级, e.g. 数字技术工程技术人员) is a ladder of its
  // own; it meets the vocational one where the national policy joins them (高级工 ↔ 助理工程师/初级,
  // 技师 ↔ 工程师/中级, 高级技师 ↔ 高级工程师), and is mapped there explicitly: ENGINEER_GRADES
  ...ENGINEER_WORDS,
  ['elementary', 1], ['intermediate', 3], ['advanced', 4], ['expert', 5],
  ['会一点', 1], ['一般', 2],
  // how workers rate themselves on a form (a blind résumé writer met the form refusing 老师傅 and 老手);
  // 八级工 is the top grade of the old eight-grade ladder
  ['新手', 1], ['小白', 1], ['学徒', 1], ['一般般', 2], ['还行', 2], ['熟手', 3], ['老手', 3], ['老师傅', 3], ['八级工', 5],
  // proficiency words
  ['了解', 1], ['入门', 1], ['基础', 1], ['基本', 1], ['熟悉', 2], ['掌握', 2], ['熟练', 3], ['熟练掌握', 3], ['精通', 4], ['专家', 5],
  ['basic', 1], ['beginner', 1], ['familiar', 2], ['working knowledge', 2],
  ['proficient', 3], ['solid', 3], ['strong', 4], ['master', 5],
]);

/**
 * Reads a level from a number or a word, case-insensitively: integers 1–5 (also "3", "level 3",
 * "L3"), `elementary|intermediate|advanced|expert`, the national ladder (五级/初级工 … 一级/高级技师),
 * the digital-engineer ladder (初级/中级/高级), proficiency words (了解/入门/基础 … 专家,
 * basic … master) and workers' own words (新手, 老手, 老师傅 …), also with 水平/程度 after them.
 * A combined form whose parts agree ("三级/高级工", "三级（高级工）") is accepted too.
 *
 * @returns the level, or `undefined` when the input is not a known level (never a guess).
 */
export function parseLevel(input: string | number): Level | undefined {
  if (typeof input === 'number') return asLevel(input);
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  // "中级水平", "高级工程度": the level word with 水平/程度 after it
  const direct = LEVEL_WORDS.get(text) ?? LEVEL_WORDS.get(text.replace(/(?:水平|程度)$/, ''));
  if (direct !== undefined) return direct;
  const numeric = /^(?:level ?|l)?([1-5])$/.exec(text);
  if (numeric?.[1] !== undefined) return asLevel(Number(numeric[1]));
  // "三级/高级工", "三级（高级工）", "二级 技师": every part must name the same level.
  const parts = text.split(/[\s/／|,，、()（）]+/).filter((part) => part !== '');
  if (parts.length < 2) return undefined;
  const levels = parts.map((part) => LEVEL_WORDS.get(part));
  const first = levels[0];
  return first !== undefined && levels.every((level) => level === first) ? first : undefined;
}

// "十年", "3年", "5年以上", "two years": years of experience written where a level goes.
const YEARS = /^\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半几]+)\s*(?:年|years?|yrs?)/i;

/**
 * Why an input is not a level, for the person who wrote it. Years of experience in place of a level
 * are the usual slip (every blind writer made it): they are told where years go, since a number of
 * years is no level on the national ladder and is never read as one.
 */
export function unknownLevelMessage(input: string | number): string {
  const known = 'use 1–5, elementary|intermediate|advanced|expert, or 五级/初级工 … 一级/高级技师';
  if (typeof input === 'string' && YEARS.test(input)) {
    return `"${input}" is years of experience, not a level: ${known} (熟练 or 四级/中级工, say); years go in yearsExperience (工作年限) on a résumé.`;
  }
  return `"${input}" is not a known level: ${known}.`;
}

function asLevel(value: number): Level | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? (value as Level) : undefined;
}

const LABELS: Readonly<Record<'zh' | 'en', Readonly<Record<Level, string>>>> = {
  zh: { 1: '五级/初级工', 2: '四级/中级工', 3: '三级/高级工', 4: '二级/技师', 5: '一级/高级技师' },
  en: { 1: 'Elementary', 2: 'Working knowledge', 3: 'Intermediate', 4: 'Advanced', 5: 'Expert' },
};

/** The label shown for a level: the national ladder in Chinese, the proficiency scale in English. */
export function levelLabel(level: Level, lang: 'zh' | 'en'): string {
  return LABELS[lang][level];
}

/** A level word found in running text, with its UTF-16 offsets (`end` exclusive). */
export interface LevelMention {
  readonly level: Level;
  readonly start: number;
  readonly end: number;
  /** A word that is a level only in brackets after a skill (`TRAINED_ONLY`). */
  readonly bracketOnly?: true;
}

// Level words as they appear in postings and CVs. Longer forms first so that the alternation
// takes 高级技师 before 高级 and 熟练掌握 before 熟练. Bare digits are left out on purpose:
// "Python 3" or "3年" are not levels.
const ZH_MENTIONS: ReadonlyArray<readonly [string, Level]> = [
  ['正高级工程师', 5], ['高级工程师', 5], ['中级工程师', 4], ['初级工程师', 3], ['助理工程师', 3],
  ['高级职称', 5], ['中级职称', 4], ['初级职称', 3],
  ['高级技师', 5], ['熟练掌握', 3], ['初级工', 1], ['中级工', 2], ['高级工', 3],
  ['五级', 1], ['四级', 2], ['三级', 3], ['二级', 4], ['一级', 5], ['技师', 4],
  ['初级', 1], ['中级', 2], ['高级', 3], ['会一点', 1], ['懂一点', 1], ['练过一点', 1], ['学过一点', 1],
  ['了解', 1], ['入门', 1], ['基础', 1], ['基本', 1], ['熟悉', 2], ['掌握', 2], ['熟练', 3], ['精通', 4], ['专家', 5],
];
const EN_MENTIONS: ReadonlyArray<readonly [string, Level]> = [
  ['working knowledge', 2], ['elementary', 1], ['beginner', 1], ['basic', 1],
  ['familiar', 2], ['familiarity', 2],
  ['intermediate', 3], ['proficient', 3], ['proficiency', 3], ['solid', 3], ['skilled', 3],
  ['advanced', 4], ['strong', 4],
  ['expert', 5], ['expertise', 5], ['master', 5], ['mastery', 5],
];
// Where a skill was only learnt, in brackets after it: "数控车床（实训）", "倾斜摄影建模（课程）",
// "临床护理（实习）" are held at 五级/初级工, a beginner's level. Only in brackets: "实训台一人一套"
// or "实习半年后转正" qualify no skill.
const TRAINED_ONLY: ReadonlyArray<readonly [string, Level]> = [
  ['实训', 1], ['课程', 1], ['课程设计', 1], ['课设', 1], ['毕业设计', 1], ['毕设', 1], ['实习', 1], ['学过', 1], ['在校学过', 1],
];
const BRACKET_ONLY = new Set(TRAINED_ONLY.map(([word]) => word));
const LEVEL_OF = new Map<string, Level>([...ZH_MENTIONS, ...TRAINED_ONLY, ...EN_MENTIONS]);

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// English words need word boundaries ("strongly" is not "strong"; "master's" is a degree).
const MENTION_PATTERN = new RegExp(
  [
    ...[...ZH_MENTIONS, ...TRAINED_ONLY].map(([word]) => escape(word)).sort((a, b) => b.length - a.length),
    `(?<![A-Za-z])(?:${[...EN_MENTIONS]
      .map(([word]) => word)
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![A-Za-z]|'s)`,
  ].join('|'),
  'gi',
);

/** Finds every level word in a text, in order. */
export function findLevelMentions(text: string): LevelMention[] {
  const mentions: LevelMention[] = [];
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const level = LEVEL_OF.get(match[0].toLowerCase());
    if (level === undefined) continue;
    mentions.push({ level, start: match.index, end: match.index + match[0].length, ...(BRACKET_ONLY.has(match[0]) ? { bracketOnly: true as const } : {}) });
  }
  return mentions;
}

/** A span of text `[start, end)` in UTF-16 offsets. */
export type Span = readonly [number, number];

// A level word does not reach across a sentence or a Chinese clause (，；。). An English comma is
// usually a list separator ("proficient in Python, SQL and Excel"), so it does not stop the reach.
const CLAUSE_BREAK = /[。；;！!？?\n\r，]|\.\s/;
const HAN = /[\u3400-\u9fff]/;
// How far a level word reaches, in characters: Chinese packs more into a character
// ("熟练掌握并能独立使用X"), English needs room for "hands-on experience with".
const REACH_BEFORE = { zh: 10, en: 40 } as const;
const REACH_AFTER = { zh: 6, en: 16 } as const;
// What may stand between two skills of one list, so that a level word governs them all:
// "Python、Excel", "Docker/K8s", "PyTorch and TensorFlow", "PLC, SCADA". The Chinese comma
// separates clauses rather than list items, so it is not here.
const LIST_GAP = /^[\s、,/／&+和及与或]*(?:以及|或者|and|or|as well as)?[\s、,/／&+]*$/i;
// A list goes on through a name or two that no skill covers: "熟悉Git、Maven、Docker". Only
// capitalised Latin names between separators, so English prose ("Python and some SQL") does not.
const LIST_NAME = /(?<=^|[\s、,/／&+])[A-Z][A-Za-z0-9.+#-]*(?=[\s、,/／&+])/g;
const MAX_LIST_NAMES = 2;

function isListGap(gap: string): boolean {
  if (LIST_GAP.test(gap)) return true;
  let names = 0;
  const rest = gap.replace(LIST_NAME, () => {
    names += 1;
    return '、';
  });
  return names > 0 && names <= MAX_LIST_NAMES && LIST_GAP.test(rest);
}
// A level word in brackets right after a skill qualifies that skill: "Linux（熟练）、Docker".
const OPENS = /[（(【\[]\s*$/;
const CLOSES = /^\s*[）)】\]]/;

/**
 * Assigns a level to each span from the level words around it, the way people write them:
 *
 * - a level word in brackets right after a skill is that skill's ("Linux（熟练）", "电工证（高级工）");
 * - otherwise a level word governs the skill that follows it in the same clause, within a short
 *   reach ("熟练使用Python", "expert in PLC"), and the rest of that list ("熟练使用Python、Excel",
 *   "proficient in Python, SQL and Excel");
 * - a level word no skill follows qualifies the skill just before it and the list it ends
 *   ("Python熟练", "PyTorch and TensorFlow, basic", "PLC programming: advanced");
 * - level words inside a skill's own span (the "高级" of a skill named "高级…") are ignored.
 *
 * @param text the text the spans and mentions point into
 * @param spans the matched skill spans, in any order, not overlapping
 * @param mentions `findLevelMentions(text)`, passed in so that one scan serves every span
 * @returns the level for each span (same order as `spans`), `undefined` where none is near
 */
export function levelsNearSpans(
  text: string,
  spans: readonly Span[],
  mentions: readonly LevelMention[] = findLevelMentions(text),
): Array<Level | undefined> {
  const result: Array<Level | undefined> = spans.map(() => undefined);
  if (spans.length === 0 || mentions.length === 0) return result;
  const order = spans.map((_, index) => index).sort((a, b) => spans[a]![0] - spans[b]![0]);
  const free = mentions.filter((mention) => !spans.some(([start, end]) => mention.start < end && mention.end > start));
  if (free.length === 0) return result;

  const gapText = (from: number, to: number): string => text.slice(from, to);
  const within = (from: number, to: number, limit: number): boolean => to - from <= limit && !CLAUSE_BREAK.test(gapText(from, to));
  // The skills joined to `order[at]` by list separators, walking forwards or backwards.
  const chain = (at: number, step: 1 | -1): number[] => {
    const members = [order[at]!];
    for (let i = at + step; i >= 0 && i < order.length; i += step) {
      const [a, b] = step === 1 ? [spans[order[i - 1]!]!, spans[order[i]!]!] : [spans[order[i]!]!, spans[order[i + 1]!]!];
      if (!isListGap(gapText(a[1], b[0]))) break;
      members.push(order[i]!);
    }
    return members;
  };
  const assign = (members: readonly number[], level: Level): void => {
    for (const member of members) result[member] ??= level;
  };

  const pre: Array<[number, Level]> = [];
  const post: Array<[number, Level]> = [];
  for (const mention of free) {
    const zh = HAN.test(text.slice(mention.start, mention.end));
    // Position in `order` of the last skill before and the first skill after the mention.
    let next = order.findIndex((index) => spans[index]![0] >= mention.end);
    if (next < 0) next = order.length;
    const previous = next - 1;
    const before = previous >= 0 ? spans[order[previous]!]! : undefined;
    const after = next < order.length ? spans[order[next]!]! : undefined;
    const bracketed = OPENS.test(gapText(before?.[1] ?? 0, mention.start)) && CLOSES.test(text.slice(mention.end));
    if (before !== undefined && bracketed && within(before[1], mention.start, 2)) {
      assign(chain(previous, -1), mention.level);
    } else if (mention.bracketOnly) {
      continue;
    } else if (after !== undefined && within(mention.end, after[0], zh ? REACH_BEFORE.zh : REACH_BEFORE.en)) {
      pre.push([next, mention.level]);
    } else if (before !== undefined && within(before[1], mention.start, zh ? REACH_AFTER.zh : REACH_AFTER.en)) {
      post.push([previous, mention.level]);
    }
  }
  for (const [at, level] of pre) assign(chain(at, 1), level);
  for (const [at, level] of post) assign(chain(at, -1), level);
  return result;
}
