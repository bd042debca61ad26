/**
 * The complaint flow's button payloads, `cp:<kind>:<value>…`: `go` begins a complaint, `told` one with the story
 * told under an answer, `rs` resumes one left for a question, `st` lists the tickets, `ap[:<entry>]` and `aq:<entry>`
 * the appeal; within a complaint `ab`, `rg`, `ag`, `w`, `c` answer its steps, `send` files it, `b` and `x` are back
 * and cancel.
 */

/** The flow's code: the first part of its payloads. */
export const COMPLAINT_CODE = 'cp';

/** `cp:<parts>`, joined by colons. */
export const payload = (...parts: string[]) => [COMPLAINT_CODE, ...parts].join(':');
