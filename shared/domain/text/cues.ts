/**
 * Words around a skill that say it is not held: a negation ("不会CAD", "没做过标注") or a wish
 * ("想学AI数据标注", "也可以学叉车", "want to learn welding"). Extraction uses them per skill; the
 * lexical evidence of matching uses them per phrase. Plain regular expressions, no dictionary.
 */

/** Negation just before a skill, in the same clause ("不会Python", "零基础学无人机", "不需要经验"). */
export const NEGATED_BEFORE_ZH = /(?:不(?:会|懂|是|需要?|要求|用|熟悉|了解|涉及|包括|太会|太懂)|无需|没(?!想到)有?|并非|零基础(?![^，。；;！!？?、\n]{0,2}(?:想|希望|打算|可以|也能|愿意))|从未|未曾)[^，。；;！!？?、\n]{0,4}$/;
/** English negation before a skill; "not only" is not one. */
export const NEGATED_BEFORE_EN = /\b(?:no|not(?! only)|without|never|non|don't|doesn't|isn't|aren't|cannot|can't|nor)\b[^.,;:!?\n]{0,15}$/i;
/** Negation just after a skill: "CAD不会", "CAD也不会", "PLC没接触过", "数据标注没做过". */
export const NEGATED_AFTER_ZH = /^[\s：:]{0,2}(?:也|都|还|完全|根本|一点也?|一点都)?(?:不会|不懂|不太会|不太懂|不太熟|不怎么会|不大会|不熟|没(?:有)?(?:怎么|太)?(?:做过|学过|接触过|碰过|用过|干过|开过|摸过|操作过|上过手|玩过|弄过|经验|基础)|没学|还没(?:考|拿|学|做|有)?|只(?:见过|听说过)|零基础|一窍不通)/;

/**
 * A wish before a skill, in the same clause: what the person wants to learn or do, not what they
 * hold. Hearsay and what someone saw others do read as one too ("听说焊工好找工作" follows 想学焊工,
 * "看到村里打药的无人机挺挣钱，想去学"; what someone heard of or watched is no skill of theirs).
 */
export const WANTED_BEFORE_ZH =
  /(?:想(?:要|去|着|(?:系统|好好|再|多|先|继续|重新)地?)?(?:学|做|干|从事|转|考|找|进|往|当|入行|成为|试|尝试)|想去|想在|希望(?:能|可以)?(?:学|从事|做|干|找|转|进入|成为|考)?|打算|计划(?:学|考|转)|准备(?:学|考|转)|愿意(?:学|从事|做|尝试)|可以(?:学|培训)|有意向|意向|期望(?:从事)?|求职方向|目标(?:岗位|是)|梦想|正在[^，。；;！!？?\n]{0,4}学|在学|报了|(?<!没)想到|报名了?|听说|据说|听人说|看到|看别人|看人家)[^，。；;！!？?\n]{0,10}$/;
export const WANTED_BEFORE_EN =
  /\b(?:want(?:s|ed)? to|would like to|wish(?:es)? to|hop(?:e|es|ing) to|plan(?:s|ning)? to|interested in|looking to|keen to|eager to|aspir(?:e|ing) to|currently learning|learning)\b[^.;:!?\n]{0,30}$/i;

/**
 * A refusal just before a skill: "不想学焊接", "没打算做数控", "本人不做数据分析", "don't want to learn
 * welding"; 不 right before a skill's words ("不做数据分析" where 做数据分析 names the skill). What
 * someone turns down is neither held, nor wanted, nor a skill they know they lack.
 */
export const REFUSED_BEFORE_ZH = /(?:(?:不(?:想|打算|愿意?|希望|考虑|喜欢|做|干|要(?!求))|没(?:打算|想过|考虑)|别(?:想|做|干))[^，。；;！!？?、\n]{0,8}|不)$/;
export const REFUSED_BEFORE_EN = /\b(?:(?:don't|do not|doesn't|does not|never|not|no longer)\s+(?:want|wish|plan|intend|like)|not interested in)\b[^.,;:!?\n]{0,20}$/i;

/** Whether the skill starting at `start` of `text` is turned down. */
export function isRefusedAt(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  return REFUSED_BEFORE_ZH.test(before) || REFUSED_BEFORE_EN.test(before);
}

/** Whether the skill at `[start, end)` of `text` is negated. */
export function isNegatedAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return NEGATED_BEFORE_ZH.test(before) || NEGATED_BEFORE_EN.test(before) || NEGATED_AFTER_ZH.test(text.slice(end, end + 10));
}

/**
 * A wish just after a skill: "对电池PACK感兴趣", "数据标注想学"; or a wish with nothing after it in
 * the next clause, which points back at the skill: "现在项目都要BIM，想学", "打药的无人机挺挣钱，想去学".
 */
export const WANTED_AFTER_ZH =
  /^(?:[^，。；;！!？?\n]{0,3}(?:感兴趣|想学|想做|想试试|有兴趣)|[^，。；;！!？?\n]{0,8}[，,]\s*(?:也|很|挺|特别|真)?(?:想(?:去|要)?(?:学|试试|试一试|干|做)|打算学|准备学)(?:一下|下|了)?(?:$|[。！!；;，,\n]))/;

/** Whether the skill at `[start, end)` of `text` is named in a wish. */
export function isWantedAt(text: string, start: number, end = start): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  return WANTED_BEFORE_ZH.test(before) || WANTED_BEFORE_EN.test(before) || WANTED_AFTER_ZH.test(text.slice(end, end + 24));
}

const ANY_CUE_ZH =
  /不会|不懂|不太会|不熟|没有|没[^，。；;]{0,3}过|没(?:学|考|证|经验|基础)|零基础|从未|未曾|还没|感兴趣|想(?:要|去|着|(?:系统|好好|再|多|先|继续|重新)地?)?(?:学|做|干|从事|转|考|找|进|往|当|入行|成为|试|尝试)|想去|想在|希望|打算|计划(?:学|考|转)|准备(?:学|考|转)|愿意(?:学|从事|做)|可以学|意向|期望|正在学|报名|听说|据说|看到|看别人|看人家/;
const ANY_CUE_EN = /\b(?:no|not|never|without|want(?:s|ed)? to|would like to|hop(?:e|ing) to|plan(?:ning)? to|interested in|learning)\b/i;

/** Whether a phrase says anything is lacking or wished for: its words are then no evidence of a skill held. */
export function hasNegationOrWish(text: string): boolean {
  return ANY_CUE_ZH.test(text) || ANY_CUE_EN.test(text);
}

/** Where a clause ends in running text: a negation or a wish reaches no further. */
export const CLAUSE_BREAK = /[。；;！!？?\n，,]/;

/** "完全没经验", "没有任何相关经验", "纯小白", "no experience": a clause of its own saying no experience at all. */
const NO_EXPERIENCE = /(?:^|[，,。；;！!？?\s])(?:完全|毫无|也|还|都)?(?:没有?|无)(?:任何|什么|相关|工作)*经验(?=$|[，,。；;！!？?\s])|纯小白|完全是新手|\bno (?:prior |previous |work )?experience\b/i;

/**
 * Whether a text says the person has no experience at all: then the skills it names are what they
 * aim at, not what they hold. "Python没经验" denies one thing only and is not such a clause.
 */
export function deniesAllExperience(text: string): boolean {
  return NO_EXPERIENCE.test(text);
}
