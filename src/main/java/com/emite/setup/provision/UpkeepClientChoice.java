package com.emite.setup.provision;

/** What the admin asked of the dedicated upkeep sign-in ({@link UpkeepNeed}) for this run. */
public enum UpkeepClientChoice {
    /** Not asked: the upkeep client is planned (verified, kept right) only when the org has it already. */
    IF_PRESENT,
    /** Create it if missing; its role holds exactly the upkeep's permissions, without take-back. */
    WANTED,
    /** As {@link #WANTED}, and its role may also take licences back from leavers. */
    WANTED_WITH_TAKE_BACK;

    public boolean wanted() {
        return this != IF_PRESENT;
    }
}
