// How the interactive app keeps its memory close to what it holds. Loading 100,000 hosts leaves
// two kinds of slack that V8 gives back only much later, if ever (bench/memory.ts, measured 3 s
// after the last page): the young generation grows from 4 to 32 MiB under the parser's allocation
// rate and stays that size although ~1 MiB of it is live (~240 B per host), and ~30 MiB of
// page bodies that are already garbage sit in large-object space until the next full collection.
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Keeps the young generation at its starting size. V8 reads this flag each time it considers
 * growing the semi-spaces, so setting it after start-up takes effect (unlike
 * `--max-semi-space-size`, which is fixed when the heap is created and would need a node flag on
 * every way the program is started). More, shorter scavenges while pages parse; no resident
 * semi-space left behind.
 */
export function keepYoungGenerationSmall(): void {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
}

let gc: (() => void) | null | undefined;

/**
 * One full collection now, when a bulk load has just ended and its garbage is known to be large.
 * `gc` is exposed for this call only (the same way jest's leak detector does it); where that is
 * refused, nothing happens and V8 collects on its own schedule.
 */
export function collectGarbage(): void {
	if (gc === undefined) {
		try {
			v8.setFlagsFromString('--expose-gc');
			gc = vm.runInNewContext('gc') as () => void;
		} catch {
			gc = null;
		}
	}

	gc?.();
}
