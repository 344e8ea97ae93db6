/**
 * Password login: checks a user's credentials in their game and answers with an access token.
 */
@NullMarked
package dev.gaia.auth.login;

import org.jspecify.annotations.NullMarked;
