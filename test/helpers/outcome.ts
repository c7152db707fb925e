// The result of a parse as data, so two parse paths can be compared with one deepEqual.

export type Outcome = {readonly value: unknown} | {readonly error: string; readonly message: string};

/** Runs `parse`; a throw becomes its error class name and message. */
export function outcome(parse: () => unknown): Outcome {
	try {
		return {value: parse()};
	} catch (error) {
		return {error: (error as Error).constructor.name, message: (error as Error).message};
	}
}
