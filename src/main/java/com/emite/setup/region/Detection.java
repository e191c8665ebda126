package com.emite.setup.region;

/**
 * What {@link RegionDetector#detect(String)} made of what the admin pasted: a region, or a reason in plain words.
 */
public sealed interface Detection permits Detection.Found, Detection.NotRecognised {

    /** The address belongs to {@code region}; {@code host} is the host name read from it (lower case). */
    record Found(Region region, String host) implements Detection {
    }

    /** The address gives no region; {@code message} says why in words an admin understands. */
    record NotRecognised(Reason reason, String message) implements Detection {
        public NotRecognised(Reason reason) {
            this(reason, reason.message());
        }
    }

    /** Why an address gives no region. */
    enum Reason {
        EMPTY("Paste your Genesys Cloud address here (for example https://login.mypurecloud.com), "
                + "or pick your region from the list."),
        NOT_AN_ADDRESS("This is not a web address. Paste the address you see in your browser when you sign in "
                + "to Genesys Cloud, for example https://login.mypurecloud.com."),
        CONTAINS_SPACES("A web address has no spaces in it. Paste the address exactly as your browser shows it."),
        EMAIL_ADDRESS("This is an e-mail address. Paste the address you see in your browser when you sign in "
                + "to Genesys Cloud instead, for example https://login.mypurecloud.com."),
        UNSUPPORTED_SCHEME("Only web addresses (starting with https://) can be used here. Paste the address you see "
                + "in your browser when you sign in to Genesys Cloud."),
        IP_ADDRESS("This is a numeric (IP) address. Paste your Genesys Cloud address with its name instead, "
                + "for example https://login.mypurecloud.com."),
        EMITE_SITE("This looks like the eMite site. Paste your Genesys Cloud login address instead, "
                + "for example https://login.mypurecloud.com."),
        GENESYS_SITE_WITHOUT_REGION("This is a Genesys site, but not one that tells your region. Paste the address "
                + "of your Genesys Cloud login page (it starts with login.) or pick your region from the list."),
        UNKNOWN_GENESYS_REGION("This looks like a Genesys Cloud address, but its region is not in this app's list. "
                + "Pick your region from the list, or ask eMite which region to use."),
        NOT_GENESYS("This is not a Genesys Cloud address. Paste the address you see in your browser when you sign "
                + "in to Genesys Cloud, for example https://login.mypurecloud.com.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
