import { describe, expect, it } from "vitest";
import { prometheusText } from "./prometheus-text.js";

describe("prometheusText", () => {
  it("writes counters and cumulative histograms with escaped labels", () => {
    const text = prometheusText([
      {
        name: "x_total",
        help: "Requests",
        type: "counter",
        samples: [{ labels: { route: '/a"b\\c' }, value: 3 }],
      },
      {
        name: "x_seconds",
        help: "Latency",
        type: "histogram",
        buckets: [0.1, 1],
        samples: [{ labels: { route: "/a" }, counts: [1, 2], sum: 1.25, count: 3 }],
      },
    ]);
    expect(text).toBe(
      [
        "# HELP x_total Requests",
        "# TYPE x_total counter",
        'x_total{route="/a\\"b\\\\c"} 3',
        "# HELP x_seconds Latency",
        "# TYPE x_seconds histogram",
        'x_seconds_bucket{route="/a",le="0.1"} 1',
        'x_seconds_bucket{route="/a",le="1"} 2',
        'x_seconds_bucket{route="/a",le="+Inf"} 3',
        'x_seconds_sum{route="/a"} 1.25',
        'x_seconds_count{route="/a"} 3',
        "",
      ].join("\n"),
    );
  });
});
