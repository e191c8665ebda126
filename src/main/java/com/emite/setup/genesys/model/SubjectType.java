package com.emite.setup.genesys.model;

/** The {@code subjectType} query value of grant calls (reference §9). */
public enum SubjectType {
    PC_USER, PC_GROUP, PC_OAUTH_CLIENT
}
