/**
 * The agency finder's button payloads, `ag:<kind>:<value>…`: `go` asks for the place, `r:<region>[:n]` lists a
 * region's places (`n`: in a new message, under an answer), `p:<place>[:<page>]` a place's offices,
 * `u:<region>:<town>` a town the directory lacks.
 */

/** The flow's code: the first part of its payloads. */
export const AGENCY_CODE = 'ag';

/** `ag:<parts>`, joined by colons. */
export const payload = (...parts: string[]) => [AGENCY_CODE, ...parts].join(':');
