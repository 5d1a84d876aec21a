/** The length from which a straight run of dark pixels is a ruling line, at `dpi`: a quarter inch. */
export const ruleLength = (dpi: number): number => Math.round(dpi / 4);
