import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber, useI18n } from '../i18n/index.js';
import { TableWrap } from './form.js';

/**
 * Horizontal bar chart on uPlot (categories down the side, so long Chinese skill and district
 * names stay readable at 360 px), with up to two series side by side. The canvas is not readable
 * by screen readers, so the same numbers are always in a table under it.
 *
 * This module is only imported by the pages that draw charts, so uPlot stays out of the job
 * seeker's download.
 */

export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
}

interface Props {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Digits after the point in the table and axis. */
  readonly digits?: number;
}

const ROW = 34;
const MAX_LABEL = 12;
/** Room between a label and the bars. */
const PAD = 24;
const FONT = "13px -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

const shorten = (label: string): string => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

export function BarChart(props: Props) {
  const { t, lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || props.categories.length === 0) return;
    const xs = props.categories.map((_, i) => i);
    const n = props.series.length;
    const width = () => Math.max(280, el.clientWidth);
    // Measured, not estimated: Chinese and Latin letters differ in width, and a clipped label misleads.
    const measure = document.createElement('canvas').getContext('2d');
    if (measure) measure.font = FONT;
    const textWidth = (text: string) => measure?.measureText(text).width ?? text.length * 13;
    const cap = Math.round(width() * 0.45) - PAD;
    // Long names are cut to fit (with …) rather than clipped at the canvas edge; the table has them whole.
    const fit = (label: string) => {
      let text = shorten(label);
      while (text.length > 2 && textWidth(text) > cap) text = `${text.slice(0, -2)}…`;
      return text;
    };
    const labels = props.categories.map(fit);
    const labelWidth = Math.ceil(Math.max(...labels.map(textWidth))) + PAD;
    const opts: uPlot.Options = {
      width: width(),
      height: props.categories.length * ROW + 40,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, ori: 1, dir: -1, range: [-0.5, props.categories.length - 0.5] },
        y: { ori: 0, dir: 1, range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          scale: 'x',
          side: 3,
          size: labelWidth,
          gap: 6,
          grid: { show: false },
          ticks: { show: false },
          splits: () => xs,
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          font: FONT,
        },
        {
          scale: 'y',
          side: 0,
          size: 28,
          grid: { stroke: '#e1e4e8' },
          values: (_u, splits) => splits.map((v) => formatNumber(v, lang, props.digits ?? 0)),
          font: '12px sans-serif',
        },
      ],
      series: [
        {},
        ...props.series.map((s, i) => ({
          label: s.label,
          stroke: s.color,
          fill: s.color,
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars!({ size: [n > 1 ? 0.4 : 0.65, 28], align: n === 1 ? 0 : i === 0 ? -1 : 1 }),
        })),
      ],
    };
    const data = [xs, ...props.series.map((s) => [...s.values])] as uPlot.AlignedData;
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: opts.height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props.categories, props.series, lang, props.digits]);

  const captionId = `${props.id}-caption`;
  return (
    <figure class="card chart-card" aria-labelledby={captionId} style="margin:0 0 1rem">
      <figcaption id={captionId}>{props.title}</figcaption>
      {props.description ? <p class="muted">{props.description}</p> : null}
      {props.series.length > 1 ? (
        <ul class="legend">
          {props.series.map((s) => (
            <li key={s.label}>
              <span class="swatch" style={`background:${s.color}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {props.categories.length === 0 ? <p class="muted">{t.chartEmpty}</p> : <div class="chart" ref={box} aria-hidden="true" />}
      {props.categories.length > 0 ? (
        <details>
          <summary>{t.chartTable}</summary>
          <TableWrap label={props.title}>
            <table>
              <caption class="visually-hidden">{props.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.chartCategory}</th>
                  {props.series.map((s) => (
                    <th scope="col" class="num" key={s.label}>
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.categories.map((c, i) => (
                  <tr key={c}>
                    <th scope="row">{c}</th>
                    {props.series.map((s) => (
                      <td class="num" key={s.label}>
                        {formatNumber(s.values[i] ?? 0, lang, props.digits ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      ) : null}
    </figure>
  );
}
