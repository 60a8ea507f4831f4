import cliProgress from 'cli-progress';
import type { CliLang } from './i18n.js';

/** Seconds as `1h05m`, `3m20s` or `12s`. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * One progress line: `label |████░░░░| 42% | 120/300 rows | ETA 12s`. The ETA shows only once it is
 * a number (cli-progress reports "NULL" or "INF" before, which its own formatter printed as "LLs").
 */
export function progressLine(label: string, value: number, total: number, eta: unknown, unit: string, extra: string, lang: CliLang): string {
  const ratio = total > 0 ? Math.min(1, value / total) : 0;
  const width = 30;
  const filled = Math.round(ratio * width);
  const parts = [`${label} |${'█'.repeat(filled)}${'░'.repeat(width - filled)}| ${Math.floor(ratio * 100)}%`, `${value}/${total} ${unit}`];
  if (extra) parts.push(extra);
  if (value >= total && total > 0) parts.push(lang === 'zh' ? '完成' : 'done');
  else if (typeof eta === 'number' && Number.isFinite(eta) && value > 0) parts.push(`${lang === 'zh' ? '剩余' : 'ETA'} ${formatEta(eta)}`);
  return parts.join(' | ');
}

/** A bar on stderr drawn by `progressLine`; `extra(payload)` adds a field such as failures. */
export function makeBar(label: string, unit: string, lang: CliLang, extra: (payload: Record<string, unknown>) => string = () => '', tty: Partial<cliProgress.Options> = {}): cliProgress.SingleBar {
  return new cliProgress.SingleBar({
    format: (_options, params, payload) => progressLine(label, params.value, params.total, params.eta, unit, extra(payload as Record<string, unknown>), lang),
    hideCursor: true,
    stream: process.stderr,
    ...tty,
  });
}
