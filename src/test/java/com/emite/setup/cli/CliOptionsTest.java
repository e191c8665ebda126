package com.emite.setup.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliOptionsTest {

    @Test
    void parsesValuesFlagsAndRepeatedOptions() {
        CliOptions o = CliOptions.parse(Command.APPLY, List.of("--sandbox", "--divisions=Home,Sales", "--yes",
                "--group-members", "emite_Access=a@x.com,b@x.com", "--group-members", "emite_DashboardViewer=c@x.com"));
        assertTrue(o.has("--sandbox"));
        assertEquals("Home,Sales", o.value("--divisions"));
        assertEquals(2, o.values("--group-members").size());
    }

    @Test
    void refusesWhatItDoesNotUnderstandInPlainWords() {
        assertTrue(assertThrows(UsageException.class, () -> CliOptions.parse(Command.PLAN, List.of("--yes")))
                .getMessage().contains("does not apply to plan"));
        assertTrue(assertThrows(UsageException.class, () -> CliOptions.parse(Command.PLAN, List.of("--colour")))
                .getMessage().contains("Unknown option \"--colour\""));
        assertTrue(assertThrows(UsageException.class, () -> CliOptions.parse(Command.PLAN, List.of("--region")))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(UsageException.class, () -> CliOptions.parse(Command.PLAN,
                List.of("--region", "a", "--region", "b"))).getMessage().contains("twice"));
    }

    /** Reference §2.3: the redirect URI must match the registered one exactly, so --browser uses a fixed port. */
    @Test
    void theBrowserSignInListensOnTheRegisteredFixedPort() {
        var standard = CliSignIn.browserOptions(CliOptions.parse(Command.PLAN, List.of("--browser",
                "--pkce-client-id", "c1")));
        assertEquals(com.emite.setup.contract.ApiContract.PKCE_REDIRECT_PORT, standard.port());
        assertEquals(com.emite.setup.contract.ApiContract.PKCE_REDIRECT_PATH, standard.callbackPath());
        assertEquals("127.0.0.1", standard.redirectHost());
        assertEquals(8123, CliSignIn.browserOptions(CliOptions.parse(Command.PLAN, List.of("--browser",
                "--pkce-client-id", "c1", "--pkce-port", "8123"))).port());
        assertThrows(UsageException.class, () -> CliSignIn.browserOptions(CliOptions.parse(Command.PLAN,
                List.of("--browser", "--pkce-client-id", "c1", "--pkce-port", "70000"))));
        assertThrows(UsageException.class, () -> CliSignIn.browserOptions(CliOptions.parse(Command.PLAN,
                List.of("--browser", "--pkce-client-id", "c1", "--pkce-port", "0"))));
    }

    @Test
    void everyCommandsHelpListsItsOptionsOneALine() {
        for (Command c : Command.values()) {
            String help = CliOptions.help(c);
            long optionLines = help.lines().filter(l -> l.startsWith("  --")).count();
            long expected = CliOptions.OPTIONS.stream().filter(o -> o.commands().contains(c)).count();
            assertEquals(expected, optionLines, c.word());
        }
        assertTrue(CliOptions.help(Command.EXPORT_FORM).contains("--include-secrets"));
        assertTrue(!CliOptions.help(Command.PLAN).contains("--include-secrets"));
    }
}
