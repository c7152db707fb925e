// Server text that would wreck a terminal printed raw: escape sequences, bells, C1 controls,
// bidi overrides, zero-width characters and very long values. ESC (U+001B) and BEL are not legal
// XML 1.0 characters, but a real server may still send them and fast-xml-parser accepts them, so
// they go out as raw bytes; the client must strip them (lib/sanitize-text.ts).

const SAMPLES: readonly string[] = [
	'\u001B[2J\u001B[Hcleared.example.com',
	'\u001B]0;pwned\u0007title.example.com',
	'bell\u0007\u0007\u0007.example.com',
	'c1\u0085\u009B31mred\u009Dcontrol',
	'\u202Emoc.elpmaxe.evil\u202C',
	'zero\u200Bwidth\u200D.example.com',
	'\u001B[31;1mRED\u001B[0m \u001B[8mhidden\u001B[28m',
	'\u001B]8;;https://evil.example.com\u0007link\u001B]8;;\u0007',
];

const LONG = `long-${'A'.repeat(10_240)}\u001B[5m`;

/** A hostile value for field `field` of item `index`; every seventh value is 10 kB long. */
export function hostileText(index: number, field: number): string {
	if ((index + field) % 7 === 6) {
		return LONG;
	}
	return SAMPLES[(index + field * 3) % SAMPLES.length];
}
