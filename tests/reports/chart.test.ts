// The chart renderer: ECharts' server-side SVG, one bar per row with its label,
// Chinese text as text, the size of the main frame.
import { barChart, BAR_COLOR, CHART_SIZE, lineChart, SMALL_CHART_SIZE } from '../../src/reports/chart';

const bars = (svg: string) => svg.match(new RegExp(`fill="${BAR_COLOR}"`, 'g')) ?? [];

test('one bar per row, each labelled, in an SVG of the main frame’s size', () => {
  const svg = barChart({ labels: ['北京远航科技', '上海明珠贸易', '广州老客户'], values: [3000, 1250.5, 0], name: '订单金额（元）' });
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`width="${CHART_SIZE.width}" height="${CHART_SIZE.height}"`);
  expect(svg).toContain(`viewBox="0 0 ${CHART_SIZE.width} ${CHART_SIZE.height}"`);
  expect(bars(svg)).toHaveLength(3);
  for (const label of ['北京远航科技', '上海明珠贸易', '广州老客户', '订单金额（元）', '1,250.5', '3,000']) expect(svg).toContain(`>${label}<`);
  expect(svg).not.toContain('<script');
});

test('horizontal bars for long names; a line with a label per point', () => {
  const names = Array.from({ length: 10 }, (_, i) => `客户${i + 1}`);
  expect(bars(barChart({ labels: names, values: names.map((_, i) => 10 - i), name: '金额' }, { horizontal: true }))).toHaveLength(10);
  const line = lineChart({ labels: ['25-01', '25-02', '25-03'], values: [0, 2, 1], name: '流失客户数' });
  expect(line).toContain('>25-02<');
  expect(line).toContain('>流失客户数<');
  expect(bars(line)).toHaveLength(0);
});

test('the same figures are drawn once and then served as drawn; other figures are drawn anew', () => {
  const series = { labels: ['正常', '已流失'], values: [25, 5], name: '客户数' };
  const first = barChart(series, { size: SMALL_CHART_SIZE });
  expect(barChart({ ...series, labels: [...series.labels] }, { size: SMALL_CHART_SIZE })).toBe(first);
  const other = barChart({ ...series, values: [25, 6] }, { size: SMALL_CHART_SIZE });
  expect(other).not.toBe(first);
  expect(other).toContain('>6<');
});
