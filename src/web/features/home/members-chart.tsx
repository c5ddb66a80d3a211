import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../../shared/text';
import { formatNumber } from '../../lib/format';

// Only the pieces a horizontal bar chart uses: the rest of Chart.js stays out of the download.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartRow {
  name: string;
  members: number;
  partyMembers: number;
}

const ROW_HEIGHT = 44;
const VISIBLE_ROWS = 14;
// A label may take about half the chart's width; at 14 px a character is up to 9 px wide.
const labelChars = (chartWidth: number) => Math.max(12, Math.min(32, Math.floor(chartWidth / 2 / 9)));

const shorten = (name: string, chars: number) => (name.length > chars ? `${name.slice(0, chars - 1)}…` : name);

/**
 * Horizontal bars: Vietnamese unit names are long, and read better along the axis than slanted.
 * Past a screenful of units the frame scrolls, so every bar keeps its height instead of being squeezed.
 */
export default function MembersChart({ rows }: { rows: ChartRow[] }) {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const sorted = useMemo(() => [...rows].sort((a, b) => b.members - a.members || compareVietnamese(a.name, b.name)), [rows]);
  const height = Math.max(160, sorted.length * ROW_HEIGHT + 60);

  useEffect(() => {
    if (!canvas.current) return;
    const chars = labelChars(canvas.current.parentElement?.clientWidth ?? 360);
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: sorted.map((row) => shorten(row.name, chars)),
        datasets: [
          { label: t('home.figures.members'), data: sorted.map((row) => row.members), backgroundColor: '#1f5fa8' },
          { label: t('home.figures.partyMembers'), data: sorted.map((row) => row.partyMembers), backgroundColor: '#c8102e' },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        font: { size: 14 },
        plugins: {
          legend: { position: 'top', labels: { font: { size: 14 } } },
          tooltip: {
            callbacks: {
              title: (items) => sorted[items[0]?.dataIndex ?? 0]?.name ?? '',
              label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw))}`,
            },
          },
        },
        scales: {
          x: { ticks: { callback: (value) => formatNumber(Number(value)), font: { size: 13 } } },
          y: { ticks: { font: { size: 14 } } },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
    // The language is a dependency so that series names and number formats follow a switch.
  }, [sorted, t, i18n.language]);

  return (
    <div className="members-chart-frame" style={{ maxHeight: VISIBLE_ROWS * ROW_HEIGHT + 60 }}>
      <div style={{ height, position: 'relative' }}>
        <canvas ref={canvas} role="img" aria-label={t('home.chartTitle')} />
      </div>
    </div>
  );
}
