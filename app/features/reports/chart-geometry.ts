/**
 * Geometry of the cash-flow chart in the PDF: a value axis with round ticks that always
 * includes zero, one bar per year (net cash flow) and a polyline (running total). Pure, so
 * the drawing code only paints what this computes and the scale is tested directly.
 */
import type { CashFlowPoint } from "./key-figures";

export type Box = { x: number; y: number; width: number; height: number };

export type ChartGeometry = {
  ticks: { value: number; y: number }[];
  zeroY: number;
  bars: { year: number; x: number; y: number; width: number; height: number; negative: boolean }[];
  line: { x: number; y: number }[];
  /** Every how many years an x label is printed, so labels never overlap. */
  labelEvery: number;
};

/** A "nice" step (1, 2 or 5 times a power of ten) giving about `target` intervals. */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export function valueAxis(values: readonly number[], target = 5) {
  const finite = values.filter(Number.isFinite);
  let min = Math.min(0, ...finite);
  let max = Math.max(0, ...finite);
  if (min === max) max = min + 1;
  const step = niceStep(max - min, target);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return { min, max, step, ticks };
}

export function chartGeometry(points: readonly CashFlowPoint[], box: Box): ChartGeometry {
  const axis = valueAxis(points.flatMap((p) => [p.net, p.cumulative]));
  const y = (v: number) => box.y + box.height - ((v - axis.min) / (axis.max - axis.min)) * box.height;
  const zeroY = y(0);
  const slot = points.length ? box.width / points.length : box.width;
  const barWidth = Math.max(1, slot * 0.7);
  const bars = points.map((p, i) => {
    const top = y(Math.max(0, p.net));
    const bottom = y(Math.min(0, p.net));
    return { year: p.year, x: box.x + i * slot + (slot - barWidth) / 2, y: top, width: barWidth, height: bottom - top, negative: p.net < 0 };
  });
  const line = points.map((p, i) => ({ x: box.x + i * slot + slot / 2, y: y(p.cumulative) }));
  // About 28 pt per label ("2031" at 7 pt is ~16 pt wide).
  const labelEvery = Math.max(1, Math.ceil(28 / slot));
  return { ticks: axis.ticks.map((value) => ({ value, y: y(value) })), zeroY, bars, line, labelEvery };
}
