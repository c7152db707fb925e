import type {DocumentFrame} from './xml.js';
import type {HeaderList} from './quota.js';
import {renderSimpleReturn, type SimpleReturn} from './render-simple-return.js';
import {AUTH_ERROR_TYPE, qualysResponse, type SimResponse} from './respond.js';

/** Where a SIMPLE_RETURN goes and what it carries besides its text. */
export interface SimpleReturnTarget {
	readonly origin: string;
	readonly frame: DocumentFrame;
	readonly datetime: string;
	readonly limitHeaders?: HeaderList;
}

/** A SIMPLE_RETURN response with status `status`. */
export function simpleReturnResponse(target: SimpleReturnTarget, status: number, reply: Omit<SimpleReturn, 'datetime'>, options: {readonly contentType?: string; readonly extra?: ReadonlyArray<readonly [string, string | readonly string[]]>} = {}): SimResponse {
	return qualysResponse(status, renderSimpleReturn(target.origin, target.frame, {...reply, datetime: target.datetime}), {
		limitHeaders: target.limitHeaders,
		contentType: options.contentType,
		extra: options.extra,
	});
}

/** 401 / 2000 "Bad Login/Password": text/xml, no limit headers (observed). */
export function badLoginResponse(target: SimpleReturnTarget): SimResponse {
	return simpleReturnResponse({...target, limitHeaders: undefined}, 401, {code: 2000, text: 'Bad Login/Password'}, {contentType: AUTH_ERROR_TYPE});
}
