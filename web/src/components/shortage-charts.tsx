import type { ShortageItem } from '../api/insights.js';
import { formatNumber, pick, useI18n } from '../i18n/index.js';
import { BarChart } from './bar-chart.js';
import { TableWrap } from './form.js';

const BLUE = '#0b5cad';
const GREEN = '#2e8b57';
const AMBER = '#c77700';

/** Top shortages by index, and demand against supply for the same skills, with a table. */
export function ShortageCharts({ items, idPrefix }: { items: readonly ShortageItem[]; idPrefix: string }) {
  const { t, lang } = useI18n();
  const top = items.slice(0, 10);
  const names = top.map((i) => pick(i.label, lang, i.skillId));
  return (
    <>
      <div class="grid-2">
        <BarChart
          id={`${idPrefix}-index`}
          title={t.chartShortageTitle}
          description={t.chartShortageDesc}
          categories={names}
          series={[{ label: t.shortageIndex, values: top.map((i) => i.index), color: AMBER }]}
          digits={2}
        />
        <BarChart
          id={`${idPrefix}-supply`}
          title={t.chartSupplyTitle}
          description={t.chartSupplyDesc}
          categories={names}
          series={[
            { label: t.demandLabel, values: top.map((i) => i.demand), color: BLUE },
            { label: t.supplyLabel, values: top.map((i) => i.supply), color: GREEN },
          ]}
          digits={1}
        />
      </div>
      <TableWrap label={t.shortageTableCaption} card>
        <table>
          <caption class="visually-hidden">{t.shortageTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.skill}</th>
              <th scope="col" class="num">
                {t.demandLabel}
              </th>
              <th scope="col" class="num">
                {t.supplyLabel}
              </th>
              <th scope="col" class="num">
                {t.shortageIndex}
              </th>
              <th scope="col">{t.shortageVerdict}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.skillId}>
                <th scope="row">{pick(i.label, lang, i.skillId)}</th>
                <td class="num">{formatNumber(i.demand, lang, 1)}</td>
                <td class="num">{formatNumber(i.supply, lang, 1)}</td>
                <td class="num">{formatNumber(i.index, lang, 2)}</td>
                <td>{i.index >= 1.5 ? t.verdictShort : i.index > 1 ? t.verdictTight : t.verdictEnough}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
