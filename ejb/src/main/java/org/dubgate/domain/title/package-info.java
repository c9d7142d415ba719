/** Titles: the productions or episodes that consent grants and written approvals name by code. */
package org.dubgate.domain.title;
