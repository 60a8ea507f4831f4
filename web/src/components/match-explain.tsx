import { readExplanation, textOf, type RankedItem, type SkillEvidence } from '../api/ranked.js';
import { formatPercent, useI18n } from '../i18n/index.js';

/** The score as a bar and words (the bar is decoration; the words carry it). */
export function ScoreBar({ score }: { score: number }) {
  const { t, lang } = useI18n();
  const share = Math.max(0, Math.min(1, score));
  return (
    <div class="score">
      <span>{t.matchScore(formatPercent(share, lang))}</span>
      <span class="meter" aria-hidden="true">
        <span style={`width:${Math.round(share * 100)}%`} />
      </span>
    </div>
  );
}

function Tags({ list, kind, title }: { list: readonly SkillEvidence[]; kind: 'met' | 'partial' | 'missing'; title: string }) {
  const { t, lang } = useI18n();
  if (list.length === 0) return null;
  return (
    <>
      <span class="visually-hidden">{title}</span>
      <ul class="skill-tags" aria-label={title}>
        {list.map((s) => {
          const name = textOf(s.label, lang) || s.skillId;
          const via = s.via ? textOf(s.via.label, lang) || s.via.skillId : undefined;
          const credential = s.attestedBy ? textOf(s.attestedBy.label, lang) || s.attestedBy.skillId : undefined;
          return (
            <li key={s.skillId} class={`tag ${kind}`}>
              <span aria-hidden="true">{kind === 'met' ? '✓ ' : kind === 'partial' ? '≈ ' : '✗ '}</span>
              {name}
              {s.role === 'preferred' ? t.preferredMark : ''}
              {s.fromTitle ? t.fromTitleMark : ''}
              {via ? t.viaSkill(via) : ''}
              {credential ? t.byCredential(credential) : ''}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** "3 of 4 required skills", then what matched, what partly matched and what is missing, and why. */
export function MatchExplanation({ item }: { item: RankedItem }) {
  const { t, lang } = useI18n();
  const e = readExplanation(item);
  return (
    <div>
      <ScoreBar score={item.score} />
      {e.requiredTotal > 0 ? <p class="status-line">{t.requiredMet(e.requiredMet, e.requiredTotal)}</p> : null}
      <Tags list={e.matched} kind="met" title={t.skillsMet} />
      <Tags list={e.partial} kind="partial" title={t.skillsPartial} />
      <Tags list={e.missing} kind="missing" title={t.skillsMissing} />
      {e.region ? <p class="meta">{textOf(e.region, lang)}</p> : null}
      {e.summary ? <p>{textOf(e.summary, lang)}</p> : null}
    </div>
  );
}
