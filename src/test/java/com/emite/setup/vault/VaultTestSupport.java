package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared fixtures: cheap KDF parameters (the header stores them) and recognisable secrets to scan for. */
final class VaultTestSupport {
    /** 64 KiB, 1 pass: well under a millisecond, so thousands of opens are affordable. */
    static final KdfParams CHEAP = KdfParams.argon2id(64, 1, 1);
    static final KdfParams CHEAP_PBKDF2 = KdfParams.pbkdf2(1000);

    static final String PASSWORD = "correct horse battery staple";
    static final String CLIENT_SECRET = "S3CR3T-client-9f8e7d6c5b4a3f2e1d0c";
    static final String ADMIN_SECRET = "ADM1N-secret-0a1b2c3d4e5f6a7b8c9d";
    static final String RESET_SECRET = "R3S3T-secret-77665544332211aabbcc";

    /** Every secret value the tests put anywhere; none may ever be printed. */
    static final List<String> ALL_SECRETS = List.of(PASSWORD, CLIENT_SECRET, ADMIN_SECRET, RESET_SECRET);

    private VaultTestSupport() {
    }

    static Secret pw() {
        return Secret.of(PASSWORD);
    }

    static void fill(VaultContents c) {
        OrgRecord org = c.org("5f0c2e1a-1111-2222-3333-444455556666")
                .setShortName("acme").setRegion("mypurecloud.com.au");
        org.putClient(StoredClient.of("eMite Analytics", "c1d2e3f4-aaaa-bbbb-cccc-ddddeeeeffff",
                Secret.of(CLIENT_SECRET), Instant.parse("2025-01-02T03:04:05Z")));
        org.putClient(new StoredClient("eMite WFM", "0000-wfm", null, Instant.parse("2025-01-02T03:04:06Z"), true,
                null));
        org.rememberAdminClient("admin-client-id", Secret.of(ADMIN_SECRET));
        org.setJournal("{\"steps\":[{\"id\":\"group:eMite\",\"state\":\"done\"}]}");
    }

    static Vault createFilled(Path file, KdfParams params) throws VaultException {
        Vault v = Vault.create(file, pw(), params);
        fill(v.contents());
        v.save();
        return v;
    }

    /** The sample org's journal, which the save tests use as a marker of which save a file holds. */
    static String marker(Vault v) {
        return v.contents().org("5f0c2e1a-1111-2222-3333-444455556666").journal();
    }

    static List<Path> listFolder(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }
}
