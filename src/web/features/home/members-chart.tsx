import { BarChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVietnamese } from '../../../shared/text';
import { formatNumber } from '../../lib/format';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, AriaComponent, CanvasRenderer]);

export interface ChartRow {
  name: string;
  members: number;
  partyMembers: number;
}

const ROW_HEIGHT = 34;
const VISIBLE_ROWS = 18;

/**
 * Horizontal bars: Vietnamese unit names are long, and read better along the axis than slanted.
 * Past a screenful of units a scroll bar keeps every bar readable instead of squeezing them.
 */
export function MembersChart({ rows }: { rows: ChartRow[] }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const sorted = useMemo(
    () => [...rows].sort((a, b) => b.members - a.members || compareVietnamese(a.name, b.name)),
    [rows],
  );
  const visible = Math.min(sorted.length, VISIBLE_ROWS);
  const height = Math.max(220, visible * ROW_HEIGHT + 90);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.init(node, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const chart = echarts.getInstanceByDom(node);
    if (!chart) return;
    // ECharts draws the first category at the bottom; reversing keeps the largest unit on top.
    const ordered = [...sorted].reverse();
    const scrolls = sorted.length > VISIBLE_ROWS;
    chart.setOption(
      {
        aria: { enabled: true },
        textStyle: { fontSize: 14 },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (value: unknown) => formatNumber(Number(value)),
        },
        legend: { top: 0, textStyle: { fontSize: 14 } },
        grid: { left: 8, right: scrolls ? 48 : 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value) } },
        yAxis: {
          type: 'category',
          data: ordered.map((row) => row.name),
          axisLabel: { width: 220, overflow: 'truncate', fontSize: 14 },
        },
        dataZoom: scrolls
          ? [
              { type: 'slider', yAxisIndex: 0, right: 8, width: 18, startValue: ordered.length - VISIBLE_ROWS, endValue: ordered.length - 1, zoomLock: true, brushSelect: false },
              { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
            ]
          : [],
        series: [
          { name: t('home.figures.members'), type: 'bar', data: ordered.map((row) => row.members), itemStyle: { color: '#1f5fa8' } },
          { name: t('home.figures.partyMembers'), type: 'bar', data: ordered.map((row) => row.partyMembers), itemStyle: { color: '#c8102e' } },
        ],
      },
      { notMerge: true },
    );
    chart.resize();
    // The language is a dependency so that series names and number formats follow a switch.
  }, [sorted, t, i18n.language]);

  return <div ref={element} style={{ width: '100%', height }} role="img" aria-label={t('home.chartTitle')} />;
}
