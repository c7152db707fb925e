/**
 * A memo of two generations of at most `capacity` entries each: a hit in the older one moves the
 * entry to the newer; when the newer is full it becomes the older and the older is dropped. What
 * the last frames used stays; what scrolled away long ago goes, so memory stays bounded however
 * many different rows pass through.
 */
export class Memo<V> {
	private current = new Map<string, V>();
	private previous = new Map<string, V>();

	constructor(private readonly capacity = 4096) {}

	get(key: string, compute: (key: string) => V): V {
		let value = this.current.get(key);
		if (value !== undefined) return value;
		value = this.previous.get(key);
		if (value === undefined) value = compute(key);
		if (this.current.size >= this.capacity) {
			this.previous = this.current;
			this.current = new Map();
		}

		this.current.set(key, value);
		return value;
	}
}
