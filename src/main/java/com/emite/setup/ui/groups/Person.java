package com.emite.setup.ui.groups;

/** A user of the org as the picker shows it. */
public record Person(String name, String email) {
    @Override
    public String toString() {
        return name == null || name.isBlank() ? email : name + " <" + email + ">";
    }
}
