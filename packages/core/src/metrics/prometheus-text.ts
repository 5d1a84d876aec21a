/**
 * The Prometheus text exposition format (version 0.0.4): counters, gauges and histograms with
 * labels, written as `# HELP`/`# TYPE` blocks. Pure: samples in, text out.
 */

export type Labels = Record<string, string>;
export type Sample = { labels: Labels; value: number };
export type HistogramSample = {
  labels: Labels;
  /** cumulative counts per upper bound, in the order of the family's buckets */
  counts: number[];
  sum: number;
  count: number;
};

export type MetricFamily =
  | { name: string; help: string; type: "counter" | "gauge"; samples: Sample[] }
  | {
      name: string;
      help: string;
      type: "histogram";
      buckets: number[];
      samples: HistogramSample[];
    };

const escapeLabel = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

const numberText = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : "-Inf");

function familyLines(family: MetricFamily): string[] {
  const head = [
    `# HELP ${family.name} ${family.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`,
    `# TYPE ${family.name} ${family.type}`,
  ];
  if (family.type !== "histogram") {
    return [
      ...head,
      ...family.samples.map((s) => `${family.name}${labelText(s.labels)} ${numberText(s.value)}`),
    ];
  }
  return [
    ...head,
    ...family.samples.flatMap((s) => [
      ...family.buckets.map(
        (le, i) =>
          `${family.name}_bucket${labelText({ ...s.labels, le: numberText(le) })} ${s.counts[i] ?? 0}`,
      ),
      `${family.name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`,
      `${family.name}_sum${labelText(s.labels)} ${s.sum}`,
      `${family.name}_count${labelText(s.labels)} ${s.count}`,
    ]),
  ];
}

export function prometheusText(families: MetricFamily[]): string {
  return `${families.flatMap(familyLines).join("\n")}\n`;
}
