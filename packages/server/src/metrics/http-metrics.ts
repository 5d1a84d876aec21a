/**
 * Request counts and latencies per route pattern (`/api/tasks/:id`, never the raw URL, so the
 * number of series stays bounded), kept in this process's memory: each server of an
 * installation is scraped on its own and Prometheus sums them.
 */
import type { HistogramSample, MetricFamily } from "@giamsat/core";

/** Upper bounds of the latency histogram, in seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type HttpMetrics = {
  started(): void;
  finished(method: string, route: string, status: number, seconds: number): void;
  families(): MetricFamily[];
};

export function httpMetrics(): HttpMetrics {
  let inFlight = 0;
  const requests = new Map<string, { labels: Record<string, string>; value: number }>();
  const latencies = new Map<string, HistogramSample>();
  return {
    started: () => void inFlight++,
    finished(method, route, status, seconds) {
      inFlight--;
      const countKey = `${method} ${route} ${status}`;
      const counted = requests.get(countKey) ?? {
        labels: { method, route, status: String(status) },
        value: 0,
      };
      counted.value++;
      requests.set(countKey, counted);
      const key = `${method} ${route}`;
      const h = latencies.get(key) ?? {
        labels: { method, route },
        counts: LATENCY_BUCKETS.map(() => 0),
        sum: 0,
        count: 0,
      };
      LATENCY_BUCKETS.forEach((le, i) => {
        if (seconds <= le) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += seconds;
      h.count++;
      latencies.set(key, h);
    },
    families: () => [
      {
        name: "giamsat_http_requests_total",
        help: "HTTP requests answered, per method, route pattern and status code.",
        type: "counter",
        samples: [...requests.values()],
      },
      {
        name: "giamsat_http_request_duration_seconds",
        help: "Time from the request's arrival to its response, per method and route pattern.",
        type: "histogram",
        buckets: LATENCY_BUCKETS,
        samples: [...latencies.values()],
      },
      {
        name: "giamsat_http_requests_in_flight",
        help: "Requests being handled now.",
        type: "gauge",
        samples: [{ labels: {}, value: inFlight }],
      },
    ],
  };
}
