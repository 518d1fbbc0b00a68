// Charts drawn on the server: Apache ECharts' server-side rendering to an SVG
// string, put inline into the page, so a chart shows in IE11 and with
// JavaScript switched off. One instance per chart, disposed at once.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** Fits the main frame at 1024×768 (1024 − the 200 px menu − margins and scroll bar). */
export const CHART_SIZE = { width: 760, height: 320 };
export const SMALL_CHART_SIZE = { width: 360, height: 200 };

/** The bars' colour (the SVG says fill="…": tests count the bars by it). */
export const BAR_COLOR = '#2f6fb0';
const LINE_COLOR = '#c0504d';
const FONT = 'Microsoft YaHei, SimSun, Noto Sans CJK SC, sans-serif';

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Drawing a chart costs about 5 ms of CPU, more than the rest of a page, and the
 * same figures come back on every visit of the home page: the newest drawings
 * are kept by what they show. The key is the option as JSON; its functions
 * (label formatters) are fixed per kind of chart, whose other settings the JSON holds.
 */
const drawn = new Map<string, string>();
const DRAWN_KEPT = 200;

export function renderChart(option: EChartsOption, size: ChartSize = CHART_SIZE): string {
  const key = JSON.stringify([size.width, size.height, option]);
  const known = drawn.get(key);
  if (known !== undefined) {
    // Most recently used last: the oldest is the first to go.
    drawn.delete(key);
    drawn.set(key, known);
    return known;
  }
  const svg = draw(option, size);
  drawn.set(key, svg);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

function draw(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}

export interface Series {
  /** the label of each bar or point */
  labels: string[];
  values: number[];
  /** what the values are, e.g. 订单金额（元） */
  name: string;
}

/** The plot and its axis labels and names stay inside these margins (labels shrink the plot). */
const grid = (right: number) => ({ left: 10, right, top: 40, bottom: 10, outerBoundsMode: 'same' as const, outerBoundsContain: 'all' as const });

/** 1,250.5 — values on bars and points as people read them. */
const VALUE_LABEL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const valueLabel = (params: { value: unknown }) => VALUE_LABEL.format(Number(params.value));

/**
 * Bars, one per label, each with its value on it. Horizontal when the labels are
 * long (customer names): the first label at the top.
 */
export function barChart(series: Series, options: { horizontal?: boolean; size?: ChartSize } = {}): string {
  const category = { type: 'category' as const, data: series.labels, axisLabel: { interval: 0, width: 150, overflow: 'truncate' as const } };
  const value = { type: 'value' as const, name: series.name, minInterval: 1 };
  const horizontal = options.horizontal ?? false;
  return renderChart(
    {
      grid: grid(horizontal ? 100 : 30),
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [
        {
          type: 'bar',
          name: series.name,
          data: series.values,
          itemStyle: { color: BAR_COLOR },
          barMaxWidth: 40,
          label: { show: true, position: horizontal ? 'right' : 'top', formatter: valueLabel },
        },
      ],
    },
    options.size,
  );
}

/** A line through the points, e.g. a count per month. */
export function lineChart(series: Series, size?: ChartSize): string {
  return renderChart(
    {
      grid: grid(30),
      xAxis: { type: 'category', data: series.labels, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: series.name, minInterval: 1 },
      series: [
        { type: 'line', name: series.name, data: series.values, itemStyle: { color: LINE_COLOR }, label: { show: true, formatter: valueLabel } },
      ],
    },
    size,
  );
}
