/**
 * asset-service: avatars, images and audio. For now its schema and health; upload, storage and
 * generation come with their own issues.
 */
package dev.gaia.asset;
