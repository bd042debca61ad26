/**
 * Small server-side SVG charts (no chart library, no script): stacked bars per day, vertical bars, horizontal bars.
 * Built from numbers and escaped labels; colours come from CSS classes (the CSP allows no inline style).
 */
import { html, type SafeHtml } from './html.js';

export interface Series {
  key: string;
  label: string;
  /** CSS class that sets the fill. */
  className: string;
}

export interface StackedColumn {
  label: string;
  /** Full label for the tooltip. */
  title: string;
  values: Record<string, number>;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Stacked columns (one per day) with a legend; `title` says in words what it shows, for screen readers. */
export function stackedColumns(title: string, series: Series[], columns: StackedColumn[]): SafeHtml {
  const width = 720;
  const height = 220;
  const padLeft = 36;
  const padBottom = 28;
  const plotH = height - padBottom - 10;
  const max = Math.max(1, ...columns.map((c) => series.reduce((s, x) => s + (c.values[x.key] ?? 0), 0)));
  const step = (width - padLeft - 10) / Math.max(1, columns.length);
  const barW = Math.max(2, Math.min(36, step * 0.7));
  const labelEvery = Math.ceil(columns.length / 12);
  const ticks = [...new Set([0, Math.ceil(max / 2), max])];
  return html`<figure class="chart">
    <svg viewBox="${`0 0 ${width} ${height}`}" role="img" aria-label="${title}" class="chart-svg">
      ${ticks.map((v) => {
        const y = round(10 + plotH - (v / max) * plotH);
        return html`<line x1="${padLeft}" x2="${width - 10}" y1="${y}" y2="${y}" class="grid"></line><text x="${padLeft - 6}" y="${y + 4}" class="axis" text-anchor="end">${v}</text>`;
      })}
      ${columns.map((c, i) => {
        let y = 10 + plotH;
        const x = round(padLeft + i * step + (step - barW) / 2);
        const total = series.reduce((s, x) => s + (c.values[x.key] ?? 0), 0);
        return html`<g><title>${c.title}: ${total}</title>${series.map((s) => {
          const v = c.values[s.key] ?? 0;
          if (v <= 0) return '';
          const h = (v / max) * plotH;
          y -= h;
          return html`<rect x="${x}" y="${round(y)}" width="${round(barW)}" height="${round(h)}" class="${s.className}"></rect>`;
        })}${i % labelEvery === 0 ? html`<text x="${round(x + barW / 2)}" y="${height - 8}" class="axis" text-anchor="middle">${c.label}</text>` : ''}</g>`;
      })}
    </svg>
    <figcaption class="legend">${series.map((s) => html`<span class="legend-item"><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" class="${s.className}"></rect></svg> ${s.label}</span>`)}</figcaption>
  </figure>`;
}

/**
 * Horizontal bars with a label and a value each (top topics, ratings): an HTML list, so that long Russian labels wrap
 * instead of being cut; each bar is a tiny stretched SVG (its width is an SVG attribute, not an inline style).
 */
export function horizontalBars(
  title: string,
  rows: { label: string; value: number; className?: string; key?: string }[],
): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<ul class="hbars" aria-label="${title}">
    ${rows.map(
      (r) => html`<li${r.key ? html` data-key="${r.key}"` : ''}>
        <span class="hbar-label">${r.label}</span>
        <svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${round((100 * r.value) / max)}" height="10" class="${r.className ?? 'bar'}"></rect></svg>
        <span class="hbar-value">${r.value}</span>
      </li>`,
    )}
  </ul>`;
}
