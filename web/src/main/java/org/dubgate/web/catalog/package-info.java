/** Titles and voices for managers to cast from. */
package org.dubgate.web.catalog;
