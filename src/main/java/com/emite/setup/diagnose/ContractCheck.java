package com.emite.setup.diagnose;

/**
 * One inferred choice of {@code contract.ApiContract} and how to look at it in a real org without changing anything.
 *
 * @param entry   the {@code ApiContract} field name
 * @param assumed what we assume, in a few words
 * @param look    the read-only look; it may throw the client's exceptions (a refused read is "cannot tell")
 */
record ContractCheck(String entry, String assumed, Look look) {

    /** A read-only look at the org. */
    @FunctionalInterface
    interface Look {
        Finding at(OrgReads org, ContractCheck self);
    }

    Finding run(OrgReads org) {
        return look.at(org, this);
    }

    Finding held(String detail) {
        return Finding.held(entry, assumed, detail);
    }

    Finding differs(String detail) {
        return Finding.differs(entry, assumed, detail);
    }

    Finding cannotTell(String why) {
        return Finding.cannotTell(entry, assumed, why);
    }

    /** For choices only a write could show: says which write, so nobody has to guess why. */
    static ContractCheck writeOnly(String entry, String assumed, String whichWrite) {
        return new ContractCheck(entry, assumed, (org, self) -> self.cannotTell("only " + whichWrite + " shows it"));
    }
}
