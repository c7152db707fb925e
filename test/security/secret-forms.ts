// What the secret-leak tests look for: a recognisable password in every form it travels in, and
// anything shaped like a session cookie.

/** A password with every character class that has broken logins in other tools. */
export const PASSWORD = `Pa55 &=;%+'"ü-SECRET-7f3a`;
export const WRONG_PASSWORD = `Wr0ng &=;%+'"ü-WRONGSECRET-c0de`;
/** A QualysSession value has the docs' form: 32 hex characters (source/simulator/sessions.ts). */
export const COOKIE_LIKE = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i;

/** Every form a password travels in: raw, form/percent-encoded, JSON-escaped, in a Basic header. */
export function passwordForms(username: string, password: string): string[] {
	return [
		password,
		encodeURIComponent(password),
		new URLSearchParams({p: password}).toString().slice(2),
		JSON.stringify(password).slice(1, -1),
		Buffer.from(`${username}:${password}`).toString('base64'),
		Buffer.from(password).toString('base64'),
		// The unique tail survives every encoding above but base64; a partial leak shows too.
		/-([A-Z]*SECRET-[0-9a-f]{4})$/.exec(password)![1]!,
	];
}
