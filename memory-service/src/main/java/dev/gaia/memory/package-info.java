/**
 * memory-service: what characters remember (DESIGN §7). For now its schema and health; storing,
 * retrieving and distilling memories come with their own issues.
 */
package dev.gaia.memory;
