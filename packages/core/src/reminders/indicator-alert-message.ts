/**
 * The alert of an indicator that turned `at_risk` or `off_track`: to its responsible unit and
 * the monitoring department, with the evaluation's sentence and a link to the indicator.
 */
import { formatIndicatorPeriod } from "../indicators/indicator-period.js";
import { formatDate } from "../status/date.format.js";
import { composeMessage, type Message } from "./message.js";

export type IndicatorAlertLevel = "at_risk" | "off_track";

export const INDICATOR_ALERT_LEVELS: readonly IndicatorAlertLevel[] = ["at_risk", "off_track"];

const LEVEL_LABELS: Record<IndicatorAlertLevel, string> = {
  at_risk: "có nguy cơ không đạt",
  off_track: "chậm tiến độ, khó đạt",
};

export function indicatorAlertMessage(
  input: {
    unitName: string;
    indicator: { id: number; number: string | null; name: string };
    level: IndicatorAlertLevel;
    /** the period of the latest accepted value the evaluation rests on */
    period: string;
    asOf: string;
    warningText: string;
  },
  siteUrl: string,
): Message {
  const { indicator } = input;
  const name = `${indicator.number ? `Chỉ tiêu ${indicator.number}: ` : ""}${indicator.name.replace(/\s+/g, " ")}`;
  return composeMessage(
    "indicator_warning",
    `Cảnh báo chỉ tiêu ${LEVEL_LABELS[input.level]}: ${name}`,
    [
      `Kính gửi ${input.unitName} và bộ phận theo dõi,`,
      `Đánh giá ngày ${formatDate(input.asOf)} (số liệu đến ${formatIndicatorPeriod(input.period)}): chỉ tiêu ${LEVEL_LABELS[input.level]}.`,
      input.warningText,
    ],
    [{ text: name, link: `/chi-tieu/${indicator.id}` }],
    `/chi-tieu/${indicator.id}`,
    siteUrl,
  );
}
