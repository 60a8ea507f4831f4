import type { Funnel } from '../api/placements.js';
import { FUNNEL_STAGES } from '../api/placements.js';
import { formatNumber, formatPercent, useI18n } from '../i18n/index.js';
import { TableWrap } from './form.js';

/**
 * The placements funnel as a table (matched → applied → invited → accepted → hired), one row per
 * target group and the total, with the share of the matched that were hired. A table rather than a
 * chart: the numbers are what a bureau counts toward its targets, and a screen reader reads them.
 */
export function FunnelTable({ funnel, caption, id }: { funnel: Funnel; caption: string; id: string }) {
  const { t, lang } = useI18n();
  const rows = [...funnel.byGroup.map((g) => ({ key: g.group, name: (t.groups as Record<string, string>)[g.group] ?? g.group, counts: g })), { key: 'total', name: t.funnelTotal, counts: funnel.total }];
  return (
    <TableWrap label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.funnelGroup}</th>
            {FUNNEL_STAGES.map((s) => (
              <th key={s} scope="col" class="num">
                {t.funnelStages[s]}
              </th>
            ))}
            <th scope="col" class="num">
              {t.funnelHiredShare}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} class={r.key === 'total' ? 'total' : undefined}>
              <th scope="row">{r.name}</th>
              {FUNNEL_STAGES.map((s) => (
                <td key={s} class="num">
                  {formatNumber(r.counts[s], lang)}
                </td>
              ))}
              <td class="num">{r.counts.matched > 0 ? formatPercent(Math.min(1, r.counts.hired / r.counts.matched), lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
