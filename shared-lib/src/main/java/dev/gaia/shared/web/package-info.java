/**
 * Limits every servlet service puts on what a client may send: the size of a request body.
 */
package dev.gaia.shared.web;
