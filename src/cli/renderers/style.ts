/** The styling functions renderers use; a chalk instance fits, and so does PLAIN for tests. */
export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  green: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
}

const id = (s: string): string => s;
export const PLAIN: Style = { bold: id, dim: id, green: id, red: id, yellow: id, cyan: id };
