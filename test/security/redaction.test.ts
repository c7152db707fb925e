// The client's last fence against a server quoting the password in an error text: whatever the
// password, wherever and however (verbatim, percent- or form-encoded) the server echoes it, and
// wherever sanitizeServerText cuts the text, no 8-character piece of it reaches the error message.
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import fc from 'fast-check';
import {createQualysClient} from '../../source/api/client.js';
import {isQualysError} from '../../source/api/errors.js';
import {sanitizeServerText} from '../../source/api/sanitize-server-text.js';

const RUNS = Math.max(100, Math.floor(Number(process.env.FUZZ_RUNS ?? 2000) / 10));

let echoText = '';
let baseUrl = '';
const server = createServer((request, response) => {
	request.resume();
	request.on('end', () => {
		const text = echoText.split(']]>').join(']]]]><![CDATA[>');
		response.writeHead(400, {'Content-Type': 'application/xml'}).end(`<?xml version="1.0" encoding="UTF-8" ?><SIMPLE_RETURN><RESPONSE><DATETIME>2024-01-01T00:00:00Z</DATETIME><CODE>1905</CODE><TEXT><![CDATA[${text}]]></TEXT></RESPONSE></SIMPLE_RETURN>`);
	});
});
before(() => new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => {
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	resolve();
})));
after(() => new Promise<void>(resolve => {
	server.close(() => resolve());
	server.closeAllConnections();
}));

const passwordChar = fc.constantFrom(...'abcXYZ0189 &=;%+\'"ü-_/\\<>?#@!\t'.split(''));
const password = fc.array(passwordChar, {minLength: 8, maxLength: 40}).map(chars => chars.join('')).filter(text => text.trim().length >= 8);
const filler = fc.oneof(fc.string({maxLength: 30}), fc.nat({max: 400}).map(n => 'x'.repeat(n)), fc.nat({max: 2000}).map(n => ' '.repeat(n)));
const encoding = fc.constantFrom(
	(text: string) => text,
	(text: string) => encodeURIComponent(text),
	(text: string) => new URLSearchParams({p: text}).toString().slice(2),
);

/** Every 8-character piece of what the password can look like once quoted. */
function pieces(secret: string): string[] {
	const forms = [secret, encodeURIComponent(secret), new URLSearchParams({p: secret}).toString().slice(2)].flatMap(form => [form, sanitizeServerText(form, form.length + 1)]);
	return forms.flatMap(form => Array.from({length: Math.max(0, form.length - 7)}, (_, i) => form.slice(i, i + 8)));
}

test('an echoed password is redacted from the error, whole or cut off', async () => {
	await fc.assert(
		fc.asyncProperty(password, filler, encoding, filler, async (secret, before, encode, after) => {
			echoText = `${before}${encode(secret)}${after}`;
			const client = createQualysClient({baseUrl, credentials: {username: 'u', password: secret}, timeoutMs: 5000, env: {}});
			const error = await client.login().then(() => undefined, (thrown: unknown) => thrown);
			assert.ok(isQualysError(error), String(error));
			for (const piece of pieces(secret)) assert.ok(!error.message.includes(piece), `${JSON.stringify(piece)} is in ${JSON.stringify(error.message)}`);
		}),
		{numRuns: RUNS},
	);
});
