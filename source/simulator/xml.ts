// Byte habits of Qualys XML, shared by every document builder (qualys-api.md §8).

/** The declaration exactly as Qualys writes it: note the space before `?>`. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" ?>\n';

/** Ends every document. */
export const CONFIDENTIAL_COMMENT =
	'<!-- CONFIDENTIAL AND PROPRIETARY INFORMATION. Qualys provides the QualysGuard Service "As Is," without any warranty of any kind. Qualys makes no warranty that the information contained in this report is complete or error-free. Copyright 2026, Qualys, Inc. //-->\n';

/** Evaluation subscriptions get this before and after the root element. */
export const EVALUATION_COMMENT = '<!-- This report was generated with an evaluation version of Qualys //-->\n';

/** `<!DOCTYPE ROOT SYSTEM "<origin><dtdPath>">`: DTDs live on the serving host. */
export function doctype(root: string, origin: string, dtdPath: string): string {
	return `<!DOCTYPE ${root} SYSTEM "${origin}${dtdPath}">\n`;
}

/** Escapes text content for an element without CDATA. */
export function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Wraps free text in CDATA; a `]]>` inside is split across two sections, the standard way. */
export function cdata(text: string): string {
	return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** The parts every document shares around its root element. */
export interface DocumentFrame {
	readonly isEvaluation: boolean;
	/** Leave out the XML declaration (some real 400 responses start with `<!DOCTYPE`). */
	readonly withoutDeclaration?: boolean;
}

/** Prologue: declaration, DOCTYPE, optional evaluation comment. */
export function documentStart(frame: DocumentFrame, doctypeLine: string): string {
	return `${frame.withoutDeclaration ? '' : XML_DECLARATION}${doctypeLine}${frame.isEvaluation ? EVALUATION_COMMENT : ''}`;
}

/** Epilogue after the root's closing tag. */
export function documentEnd(frame: DocumentFrame): string {
	return `${frame.isEvaluation ? EVALUATION_COMMENT : ''}${CONFIDENTIAL_COMMENT}`;
}
