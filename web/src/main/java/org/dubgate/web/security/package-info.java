/**
 * Authentication and authorisation at the API edge. Every resource method must declare
 * {@code @RolesAllowed}; one without it is closed to everybody (deny by default). The caller is
 * known by HTTP Basic (checked with PBKDF2 once, then cached briefly) or by a session token from
 * {@code POST /sessions}, sent as a Bearer header or the {@code dubgate_session} cookie.
 */
package org.dubgate.web.security;
