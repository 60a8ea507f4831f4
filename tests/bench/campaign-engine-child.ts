/**
 * Child process of the campaign benchmark (tests/bench/campaign.ts): the in-memory engine alone,
 * so that its peak memory (`maxRSS`) is its own. Prints one JSON line.
 *
 * `node --import tsx tests/bench/campaign-engine-child.ts LEARNERS DEMANDS BRUTE_SAMPLE COMPUTE_SAMPLE [WORDS]`
 *
 * WORDS 1 (the default): demands and learners carry words as the skill index does (campaign-data.ts);
 * 0: taxonomy skills only.
 */
import { makeLearnerComputer } from '../../shared/domain/campaign/compute.js';
import type { CampaignSnapshot } from '../../shared/domain/campaign/types.js';
import { bruteForceTop, makeScoredEngine, type EngineDemand, type EngineLearner, type RankedDemand } from '../../shared/domain/matching/engine.js';
import type { Learner } from '../../shared/domain/records.js';
import { loadSubsidyRules } from '../../shared/schemas/subsidy-rules.js';
import { loadTaxonomy } from '../../shared/taxonomy/taxonomy.js';
import { isLexical } from '../../shared/domain/matching/lexical.js';
import { demandNeeds, learnerHaves, marketGenerator } from './campaign-data.js';

const [learnerCount = 100_000, demandCount = 20_000, bruteSample = 300, computeSample = 10_000, wordsFlag = 1] = process.argv.slice(2).map(Number);
const words = wordsFlag !== 0;
const K = 10;

const taxonomy = loadTaxonomy();
/** A skill's Chinese name (a lexical entry's id stands in for itself). */
const labelOf = (skillId: string): string => taxonomy.getSkill(skillId)?.zh ?? skillId;
const market = marketGenerator(20260701);
const demands: EngineDemand[] = Array.from({ length: demandCount }, (_, i) => {
  const d = market.demand();
  return { id: `d_${String(i).padStart(6, '0')}`, ref: `D-${i}`, region: d.region, needs: demandNeeds(d, words) };
});
const learners: Array<EngineLearner & { group: Learner['group']; unnamed?: string | undefined }> = Array.from({ length: learnerCount }, (_, i) => {
  const l = market.learner();
  return { id: `l_${String(i).padStart(6, '0')}`, region: l.region, haves: learnerHaves(l, words), group: l.group, unnamed: words ? l.unnamed : undefined };
});
const rssAfterData = process.memoryUsage().rss;

// Build and run: every learner's top 10 (no threshold, the strictest case for pruning).
const built = performance.now();
const { engine, rank } = makeScoredEngine(demands, taxonomy);
const buildMs = performance.now() - built;
let rssPeakSampled = process.memoryUsage().rss;
const started = performance.now();
const cpuStart = process.cpuUsage();
let kept = 0;
for (let i = 0; i < learners.length; i++) {
  kept += engine.topFor(learners[i]!, K).length;
  if ((i & 4095) === 0) rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage().rss);
}
const engineSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const stats = { ...engine.stats };
const engineMaxRssMiB = process.resourceUsage().maxRSS / 1024;

// Brute force on a sample, against the engine on the same learners.
const view = (list: readonly RankedDemand[]) => list.map((r) => `${r.demand.id}:${r.rank.score}`).join(',');
const sample = learners.filter((_, i) => i % Math.max(1, Math.floor(learners.length / bruteSample)) === 0).slice(0, bruteSample);
let identical = 0;
const bruteStarted = performance.now();
const bruteCpu = process.cpuUsage();
const brute = sample.map((l) => bruteForceTop(demands, rank, l, K));
const bruteSeconds = (performance.now() - bruteStarted) / 1000;
const bruteCpuUsed = process.cpuUsage(bruteCpu);
const engineSampleStarted = performance.now();
const fast = sample.map((l) => engine.topFor(l, K));
const engineSampleSeconds = (performance.now() - engineSampleStarted) / 1000;
sample.forEach((_, i) => (identical += view(brute[i]!) === view(fast[i]!) ? 1 : 0));

// The whole per-learner computation of a campaign (matches explained, gap, courses, subsidies), on a sample.
const snapshot: CampaignSnapshot = {
  takenAt: '',
  market: '110100',
  shortage: {},
  demands: demands.map((d, i) => ({ ...d, title: `岗位${i}`, employer: `企业${i % 700}`, headcount: 1 + (i % 5) })),
  courses: Array.from({ length: 1_000 }, (_, i) => {
    const c = market.course();
    // Words as a school writes them: the skills' names, and a line of the usual advert.
    const text = [`课程${i}`, ...c.skills.map((s) => labelOf(s.skillId)), `${labelOf(c.skills[0]!.skillId)}实操为主，零基础包教会，小班授课，结业推荐就业，可申请职业技能培训补贴。`].join('\n');
    return { id: `c_${i}`, ref: `C-${i}`, title: `课程${i}`, provider: '培训中心', region: c.region, mode: c.mode, level: c.level, hours: 80, seats: c.seats, priceYuan: c.priceYuan, taught: c.skills.map((s) => [s.skillId, s.level ?? c.level] as const), text };
  }),
};
const compute = makeLearnerComputer(snapshot, { taxonomy, rules: loadSubsidyRules(), limit: 5, threshold: 0.3 });
const computeStarted = performance.now();
const computeCpu = process.cpuUsage();
for (const [i, l] of learners.slice(0, computeSample).entries()) {
  const named = l.haves.filter((h) => !isLexical(h.skillId)).map((h) => ({ text: labelOf(h.skillId), skillId: h.skillId, level: h.level, confidence: 1 }));
  const unnamed = l.unnamed !== undefined ? [{ text: l.unnamed, skillId: null, level: null, confidence: 0 }] : [];
  // A summary as people write one: what they did, and a wish (read for the course order).
  const summary = `在厂里干了几年，做过${named.map((s) => s.text).join('、')}，人踏实肯干。想学${labelOf(learners[(i + 7) % learners.length]!.haves[0]!.skillId)}，希望找个稳定的工作。`;
  compute({ id: l.id, ref: l.id, owner: 'b', version: 1, createdAt: '', updatedAt: '', contentHash: '', kind: 'learner', summary, skills: [...named, ...unnamed], certificates: [], region: l.region, group: l.group, consentToShare: true });
}
const computeSeconds = (performance.now() - computeStarted) / 1000;
const computeCpuUsed = process.cpuUsage(computeCpu);

process.stdout.write(
  `${JSON.stringify({
    learners: learnerCount,
    demands: demandCount,
    distinctSkills: market.distinctSkills,
    words,
    postings: demands.reduce((s, d) => s + d.needs.length, 0),
    lexicalNeeds: demands.reduce((s, d) => s + d.needs.filter((n) => isLexical(n.skillId)).length, 0),
    needsWithGrams: demands.reduce((s, d) => s + d.needs.filter((n) => n.grams !== undefined).length, 0),
    learnersWithWords: learners.filter((l) => l.haves.some((h) => isLexical(h.skillId))).length,
    buildMs,
    engineSeconds,
    engineCpuSeconds: (cpu.user + cpu.system) / 1e6,
    kept,
    touchedPerLearner: stats.touched / stats.learners,
    rankedPerLearner: stats.ranked / stats.learners,
    engineMaxRssMiB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    sampledRssMiB: rssPeakSampled / 2 ** 20,
    dataRssMiB: rssAfterData / 2 ** 20,
    bruteSample: sample.length,
    bruteSeconds,
    bruteCpuSeconds: (bruteCpuUsed.user + bruteCpuUsed.system) / 1e6,
    engineSampleSeconds,
    identical,
    computeSample,
    computeSeconds,
    computeCpuSeconds: (computeCpuUsed.user + computeCpuUsed.system) / 1e6,
  })}\n`,
);
