/**
 * The consent gate (R1–R5): given a job plan and the facts on record, decides every use, model and
 * escalation with its reason. Pure domain logic with no I/O, so it is checked exhaustively by unit
 * tests and runs the same at submission and again in the worker (R9).
 */
package org.dubgate.domain.gate;
