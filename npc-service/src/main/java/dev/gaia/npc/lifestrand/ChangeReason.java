package dev.gaia.npc.lifestrand;

/** Why a character's Life Strand got a new version. */
public enum ChangeReason {

    /** The character was created through the API. */
    CREATED,

    /** A designer or admin edited the Life Strand. */
    DESIGNER_EDIT,

    /** An analysed conversation changed the character (a change proposal was applied). */
    CONVERSATION_ANALYSIS,

    /** The Life Strand was put back to an earlier version. */
    ROLLBACK,

    /** The character was created from an imported Character Card. */
    CARD_IMPORT
}
