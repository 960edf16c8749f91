/**
 * The demand-against-capacity picture of a sizing, as text (for the terminal) and as SVG (a file a
 * person opens): weighted demand per hour, the capacity of the chosen PTUs, and the spilled part.
 */
import { SizingInput, weightedDemand } from "../../components/cost/planner";

/** Weighted demand per column: the busiest hour of each bucket when there are more hours than columns. */
export function demandColumns(input: SizingInput, columns: number): number[] {
  const w = input.hours.map((h) => weightedDemand(h, input.outputWeight));
  if (w.length <= columns) {
    return w;
  }
  return Array.from({ length: columns }, (_, c) => {
    const from = Math.floor((c * w.length) / columns);
    const to = Math.floor(((c + 1) * w.length) / columns);
    return Math.max(...w.slice(from, to));
  });
}

/** `1.2M`, `45k`, `900`: token rates for axes. */
export function compact(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toFixed(1))}k`;
  return String(Math.round(n));
}

/**
 * A text chart: one column per hour (or per bucket of hours), `█` demand within capacity, `░`
 * demand above it (spilled), `─` the capacity line.
 */
export function textChart(input: SizingInput, ptu: number, rows = 12, maxColumns = 96): string[] {
  const cols = demandColumns(input, maxColumns);
  const capacity = ptu * input.inputTpmPerPtu;
  const top = Math.max(capacity, ...cols) || 1;
  const capRow = Math.round((capacity / top) * rows);
  const lines: string[] = [];
  for (let row = rows; row >= 1; row--) {
    const y = (row / rows) * top;
    const cells = cols.map((w) => {
      const filled = Math.round((w / top) * rows) >= row;
      if (filled) return row > capRow ? "░" : "█";
      return row === capRow && ptu > 0 ? "─" : " ";
    });
    lines.push(`${compact(y).padStart(7)} ┤${cells.join("")}`);
  }
  const hoursPerColumn = input.hours.length / cols.length;
  lines.push(`${"".padStart(7)} └${"─".repeat(cols.length)}`);
  lines.push(
    `${"".padStart(9)}${input.hours.length} hours${hoursPerColumn > 1 ? `, ${Number(hoursPerColumn.toFixed(1))} per column (busiest)` : ""}; weighted TPM = input + ${input.outputWeight} × output`,
  );
  lines.push(
    `${"".padStart(9)}█ served by ${ptu} PTU (${compact(capacity)} TPM)  ░ spilled to pay-as-you-go  ─ capacity`,
  );
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const fmt = (n: number) => String(Number(n.toFixed(2)));

/** An SVG chart of demand against capacity; `title` is shown at the top. */
export function svgChart(input: SizingInput, ptu: number, title: string): string {
  const width = 960;
  const height = 420;
  const m = { left: 70, right: 20, top: 50, bottom: 60 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const cols = demandColumns(input, 2000);
  const capacity = ptu * input.inputTpmPerPtu;
  const top = (Math.max(capacity, ...cols) || 1) * 1.1;
  const x = (i: number) => m.left + (i / cols.length) * plotW;
  const y = (v: number) => m.top + plotH - (v / top) * plotH;
  // A step path along the demand, closed along the x axis.
  const steps = cols.map((w, i) => `L${fmt(x(i))},${fmt(y(w))} L${fmt(x(i + 1))},${fmt(y(w))}`).join(" ");
  const area = `M${fmt(x(0))},${fmt(y(0))} ${steps} L${fmt(x(cols.length))},${fmt(y(0))} Z`;
  const capY = y(capacity);
  const ticks = Array.from({ length: 6 }, (_, i) => (top / 1.1) * (i / 5));
  const hours = input.hours.length;
  const dayStep = hours <= 24 * 14 ? 24 : hours <= 24 * 120 ? 24 * 7 : 24 * 30;
  const xTicks = Array.from({ length: Math.floor(hours / dayStep) + 1 }, (_, i) => i * dayStep);
  const xLabel = dayStep === 24 ? "day" : dayStep === 168 ? "week" : "month";
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${m.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<defs><clipPath id="spilled"><rect x="${m.left}" y="${m.top}" width="${plotW}" height="${fmt(Math.max(0, capY - m.top))}"/></clipPath></defs>`,
    ...ticks.map(
      (t) =>
        `<line x1="${m.left}" x2="${m.left + plotW}" y1="${fmt(y(t))}" y2="${fmt(y(t))}" stroke="#e5e7eb"/><text x="${m.left - 6}" y="${fmt(y(t) + 4)}" text-anchor="end">${compact(t)}</text>`,
    ),
    ...xTicks.map(
      (h, i) =>
        `<line x1="${fmt(x((h / hours) * cols.length))}" x2="${fmt(x((h / hours) * cols.length))}" y1="${m.top + plotH}" y2="${m.top + plotH + 5}" stroke="#6b7280"/><text x="${fmt(x((h / hours) * cols.length))}" y="${m.top + plotH + 18}" text-anchor="middle">${xLabel} ${i}</text>`,
    ),
    `<path id="demand" d="${area}" fill="#93c5fd" stroke="#1d4ed8" stroke-width="1"/>`,
    `<path id="spill" d="${area}" fill="#fb923c" stroke="none" clip-path="url(#spilled)"/>`,
    ptu > 0
      ? `<line id="capacity" x1="${m.left}" x2="${m.left + plotW}" y1="${fmt(capY)}" y2="${fmt(capY)}" stroke="#b91c1c" stroke-width="2" stroke-dasharray="8 4"/>`
      : "",
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + plotH}" stroke="#374151"/>`,
    `<line x1="${m.left}" x2="${m.left + plotW}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#374151"/>`,
    `<text x="16" y="${m.top + plotH / 2}" transform="rotate(-90 16 ${m.top + plotH / 2})" text-anchor="middle">weighted tokens per minute (input + ${fmt(input.outputWeight)} × output)</text>`,
    `<g transform="translate(${m.left},${height - 18})">`,
    `<rect width="14" height="10" y="-9" fill="#93c5fd" stroke="#1d4ed8"/><text x="20">demand served by ${ptu} PTU</text>`,
    `<rect x="210" width="14" height="10" y="-9" fill="#fb923c"/><text x="230">spilled to pay-as-you-go</text>`,
    `<line x1="420" x2="450" y1="-4" y2="-4" stroke="#b91c1c" stroke-width="2" stroke-dasharray="8 4"/><text x="456">capacity ${compact(capacity)} TPM</text>`,
    `</g>`,
    `</svg>`,
  ];
  return `${parts.filter((p) => p !== "").join("\n")}\n`;
}
