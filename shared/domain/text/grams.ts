/**
 * The character grams that lexical evidence and the fuzzy link to the taxonomy compare: Chinese
 * as overlapping character pairs (万用表 → 万用 用表: word segmenters split shop-floor words into
 * single characters), Latin as lower-case words. Pure string work, no dictionary.
 */

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z][a-z0-9]+|[0-9]+[a-z][a-z0-9]*/g;

// Characters that carry no skill: function words, 会/能 of ability, 过 of experience. A pair
// holding one of them is dropped (会开车 → 开车).
const STOP_CHARS = new Set('的了和与及或并等也在对把被为以从到会能可过要有是我你他她它们个些这那很都就还又着得地之其该各每'.split(''));

// Pairs that name no skill on their own: boilerplate of postings and résumés.
const STOP_PAIRS = new Set(
  (
    '能力 技能 技术 经验 工作 相关 岗位 职位 职责 优先 以上 以下 左右 公司 负责 从事 进行 熟练 熟悉 掌握 精通 了解 入门 ' +
    '专家 初级 中级 高级 一定 良好 较强 善于 基本 其他 相应 使用 运用 证书 优秀 方面 沟通 团队 合作 责任 任心 吃苦 苦耐 耐劳 ' +
    '做过 干过 学过 用过 以前 之前 现在 目前 年限 多年 几年 三年 两年 一年 五年 十年 年经 工厂 厂里 车间 单位 本人 自己 ' +
    '要求 需要 具备 具有 拥有 可以 能够 独立 完成 日常 简单 常用 基础 认真 细心 踏实 稳定 长期 短期 兼职 全职 包吃 吃住 ' +
    '包住 五险 一金 工资 待遇 底薪 提成 上班 下班 加班 倒班 白班 夜班 双休 单休 面试 招聘 急招 诚聘 若干 不限 男女 学历 大专 ' +
    '中专 本科 高中 初中 毕业 退伍 军人 有限 限公 责任 司的 一线 操作 维修 安全'
  ).split(' '),
);

// Conditions of the work, not skills: a posting's "能上夜班", "身体健康" or "接受下地跑外勤" is no
// need a résumé meets in words, and a résumé's "能吃苦" is no evidence. Taken out before the pairs
// are made ("接受过培训" is not a condition).
const WORK_CONDITIONS =
  /(?:能|可以|接受|适应)?(?:上)?(?:夜班|倒班|两班倒|三班倒|四班三倒)|身体健康|身体好|吃苦耐劳|能吃苦|不恐高|服从(?:工作)?安排|(?:能|接受|适应)(?:出差|加班)|(?:能|可以|愿意)?(?:接受|适应)(?!过)[^，,；;、。]{0,8}|年龄[^，,；;、]*|\d+\s*岁(?:以下|以上|以内)?/g;

const LATIN_STOP = new Set(
  'and or the of in on to for with a an is are be as at by from it its we you our your can will have has had do does did experience skill skills years year good basic work job etc'.split(
    ' ',
  ),
);

/** Full-width ASCII to ASCII, lower case. */
function normalise(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/**
 * The grams of a text, in order of first appearance, each once: Chinese character pairs that are
 * not boilerplate, and Latin words of two or more characters that are not stop words.
 */
export function gramsOf(text: string): string[] {
  const out = new Set<string>();
  const lower = normalise(text).replace(WORK_CONDITIONS, ' ');
  for (const [run] of lower.matchAll(HAN_RUN)) {
    for (let i = 0; i + 1 < run.length; i += 1) {
      const pair = run.slice(i, i + 2);
      if (STOP_CHARS.has(pair[0]!) || STOP_CHARS.has(pair[1]!) || STOP_PAIRS.has(pair)) continue;
      out.add(pair);
    }
  }
  for (const [word] of lower.matchAll(LATIN_WORD)) {
    if (!LATIN_STOP.has(word)) out.add(word);
  }
  return [...out];
}

/**
 * Character pairs back into words for people to read, in the order given: overlapping pairs join
 * (模组 组装 装配 → 模组装配; 无人 人机 → 无人机), Latin words stay apart.
 */
export function wordsOfGrams(grams: readonly string[]): string[] {
  const words: string[] = [];
  for (const g of grams) {
    const last = words[words.length - 1];
    const han = /^[\u3400-\u9fff\uf900-\ufaff]{2}$/.test(g);
    if (han && last !== undefined && /[\u3400-\u9fff\uf900-\ufaff]$/.test(last) && last.endsWith(g[0]!)) words[words.length - 1] = last + g[1];
    else words.push(g);
  }
  return words;
}
