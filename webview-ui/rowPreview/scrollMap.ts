// Which rows a scroll position shows. Browsers paint in float32, exact only below 2^24 px:
// a million 22 px rows (22 million px) would paint rows up to 2 px off, overlapping. So
// the scrollable height is capped (MAX_SCROLL_HEIGHT) and a scroll position maps to rows
// by its fraction of the scroll range: exactly 1:1 while the table fits under the cap.
export const ROW_HEIGHT = 22;
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface VisibleRows {
  readonly first: number;
  readonly last: number;
  /** How far the first row starts above the top of the view, in px. */
  readonly offset: number;
}

/** The scrollable height for `totalRows`. */
export function scrollHeight(totalRows: number): number {
  return Math.min(totalRows * ROW_HEIGHT, MAX_SCROLL_HEIGHT);
}

/** Rows in view at `scrollTop` of a body `scrollHeight(totalRows)` tall seen through `viewport` px. */
export function visibleRows(scrollTop: number, viewport: number, totalRows: number): VisibleRows {
  if (totalRows <= 0) return { first: 0, last: -1, offset: 0 };
  const maxScroll = Math.max(0, scrollHeight(totalRows) - viewport);
  const maxContent = Math.max(0, totalRows * ROW_HEIGHT - viewport);
  const content = maxScroll > 0 ? (Math.min(Math.max(scrollTop, 0), maxScroll) / maxScroll) * maxContent : 0;
  const first = Math.min(Math.floor(content / ROW_HEIGHT), totalRows - 1);
  const last = Math.min(totalRows - 1, first + Math.ceil(viewport / ROW_HEIGHT));
  return { first, last, offset: content - first * ROW_HEIGHT };
}
