// Stands in for the `widest-line` package inside the bundle (scripts/bundle.mjs). Ink measures
// every text node with it on every frame, before deciding whether to wrap; string-width walks the
// text grapheme by grapheme each time (~2 ms a frame for a table of 40 rows). Same result,
// remembered across frames.
import {Memo} from './memo.js';
import {measureWidth} from './plain-text.js';

const widths = new Memo<number>();

export default function widestLine(text: string): number {
	return widths.get(text, () => {
		let width = 0;
		for (const line of text.split('\n')) width = Math.max(width, measureWidth(line));
		return width;
	});
}
