package dev.gaia.npc.relationship;

/** What a relationship is. */
public enum RelationshipType {
    FRIEND, RIVAL, FAMILY, MENTOR, ROMANTIC, ENEMY, COLLEAGUE, ACQUAINTANCE, STRANGER, ALLY
}
