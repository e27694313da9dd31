/**
 * Exhibit labels in case order, … (the complainant's exhibits, as in court practice).
 * One rule for the app, the letters and the dossier, so A-3 is A-3 everywhere.
 */
export function exhibitLabel(index: number): string {
  return `A-${index + 1}`;
}
