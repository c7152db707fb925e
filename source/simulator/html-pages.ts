// HTML that is not Qualys: the front end's 404, a proxy's 502, a captive portal's login page.
// Clients must recognise these by content type or root element, never parse them as Qualys XML.

/** Unknown URL. */
export const NOT_FOUND_PAGE =
	'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

/** A reverse proxy that lost its upstream. */
export const PROXY_ERROR_PAGE =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A hotel/corporate captive portal answering 200 in place of the API. */
export const CAPTIVE_PORTAL_PAGE =
	'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Network Login</title></head>\n<body><h1>Welcome to Guest Wi-Fi</h1>\n<form method="post" action="/login"><label>Room number <input name="room"></label><button>Accept terms</button></form>\n</body></html>\n';

/** HTML content type as front ends send it. */
export const HTML_TYPE = 'text/html; charset=iso-8859-1';
