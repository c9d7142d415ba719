/** User administration for admins, and each user's own password. */
package org.dubgate.web.identity;
