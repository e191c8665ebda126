package com.emite.setup.ui.connect;

import com.emite.setup.region.RegionCatalog;
import com.emite.setup.ui.connect.ConnectViewModel.Status;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model is plain JavaFX properties: no FX thread or toolkit is needed to test it. */
class ConnectViewModelTest {
    private final List<String> clipboard = new ArrayList<>();
    private final ConnectViewModel vm = ConnectViewModel.standard(clipboard::add);

    private ConnectTarget target(String name) {
        return vm.targets().stream().filter(t -> t.displayName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRegionAndTheSandboxLast() {
        assertEquals(RegionCatalog.standard().all().size() + 1, vm.targets().size());
        ConnectTarget last = vm.targets().get(vm.targets().size() - 1);
        assertEquals("Sandbox (offline demo)", last.displayName());
        assertTrue(last.isSandbox());
        assertNull(vm.selectedTargetProperty().get());
        assertFalse(vm.canCopyProperty().get());
        assertEquals("Choose your region to see the redirect URL.", vm.redirectUrlMessageProperty().get());
    }

    @Test
    void pastedAddressSelectsItsRegionAndBuildsTheUrl() {
        vm.addressProperty().set("https://login.mypurecloud.de/#/authenticate");
        assertEquals("EMEA (Frankfurt)", vm.selectedTargetProperty().get().displayName());
        assertEquals("Recognised: EMEA (Frankfurt).", vm.addressMessageProperty().get());
        assertEquals(Status.OK, vm.addressStatusProperty().get());
        assertEquals("eucentral", vm.emiteCodeProperty().get());
        assertEquals("Signs in at login.mypurecloud.de.", vm.targetSummaryProperty().get());
        assertFalse(vm.canCopyProperty().get());

        vm.shortNameProperty().set("acme");
        assertEquals("https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
                vm.redirectUrlProperty().get());
        assertTrue(vm.canCopyProperty().get());
        assertEquals(Status.OK, vm.shortNameStatusProperty().get());

        assertTrue(vm.copyRedirectUrl());
        assertEquals(List.of("https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme"), clipboard);
        assertTrue(vm.copiedProperty().get());
        vm.clearCopied();
        assertFalse(vm.copiedProperty().get());
    }

    @Test
    void addressThatIsNotGenesysSaysWhyAndClearsTheRegion() {
        vm.addressProperty().set("apps.usw2.pure.cloud/directory/#/x");
        assertEquals("Americas (US West)", vm.selectedTargetProperty().get().displayName());
        vm.addressProperty().set("https://uk-cloud.emite.com/emite/acme");
        assertNull(vm.selectedTargetProperty().get());
        assertEquals(Status.ERROR, vm.addressStatusProperty().get());
        assertTrue(vm.addressMessageProperty().get().startsWith("This looks like the eMite site."));
        vm.addressProperty().set("");
        assertEquals("", vm.addressMessageProperty().get());
        assertEquals(Status.NONE, vm.addressStatusProperty().get());
    }

    @Test
    void pickingAnotherRegionClearsAContradictingAddress() {
        vm.addressProperty().set("login.mypurecloud.jp");
        vm.selectedTargetProperty().set(target("EMEA (London)"));
        assertEquals("", vm.addressProperty().get());
        assertEquals("uk", vm.emiteCodeProperty().get());
        vm.addressProperty().set("api.euw2.pure.cloud");
        vm.selectedTargetProperty().set(target("EMEA (London)"));
        assertEquals("api.euw2.pure.cloud", vm.addressProperty().get());
    }

    @Test
    void regionWithoutEmiteCodeSaysToAskEmite() {
        vm.selectedTargetProperty().set(target("Americas (São Paulo)"));
        vm.shortNameProperty().set("acme");
        assertEquals("", vm.emiteCodeProperty().get());
        assertEquals(Status.WARNING, vm.targetStatusProperty().get());
        assertTrue(vm.targetSummaryProperty().get().endsWith("eMite has no code for this region yet: ask eMite "
                + "support for it."));
        assertEquals("", vm.redirectUrlProperty().get());
        assertTrue(vm.redirectUrlMessageProperty().get().contains("Ask eMite support for the eMite code"));
        assertFalse(vm.copyRedirectUrl());
        assertTrue(clipboard.isEmpty());
    }

    @Test
    void shortNameIsCheckedAsYouType() {
        vm.selectedTargetProperty().set(target("EMEA (Dublin)"));
        assertEquals(Status.NONE, vm.shortNameStatusProperty().get());
        vm.shortNameProperty().set("Acme");
        assertEquals(Status.ERROR, vm.shortNameStatusProperty().get());
        assertEquals("The short name is always in lower case. Did you mean \"acme\"?",
                vm.shortNameMessageProperty().get());
        assertEquals("", vm.redirectUrlProperty().get());
        assertEquals("Type a valid short name to see the redirect URL.", vm.redirectUrlMessageProperty().get());
        vm.shortNameProperty().set("acme");
        assertEquals("Looks right.", vm.shortNameMessageProperty().get());
        assertEquals("https://eu-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
                vm.redirectUrlProperty().get());
        assertEquals("acme", vm.validShortName().orElseThrow());
    }

    @Test
    void changingTheUrlResetsCopied() {
        vm.addressProperty().set("mypurecloud.com.au");
        vm.shortNameProperty().set("acme");
        vm.copyRedirectUrl();
        assertTrue(vm.copiedProperty().get());
        vm.shortNameProperty().set("acme2");
        assertFalse(vm.copiedProperty().get());
    }

    @Test
    void sandboxStandsForUsEastAndGivesAnEnvironmentOnceStarted() {
        vm.addressProperty().set("login.mypurecloud.ie");
        vm.selectedTargetProperty().set(target("Sandbox (offline demo)"));
        assertEquals("", vm.addressProperty().get());
        assertTrue(vm.targetSummaryProperty().get().startsWith("A pretend Genesys Cloud org on this computer"));
        vm.shortNameProperty().set("sandbox");
        assertEquals("https://useast-cloud.emite.com/emite/sandbox/Auth/OAuthPureCloud?org=sandbox",
                vm.redirectUrlProperty().get());
        ConnectTarget.SandboxTarget sandbox = assertInstanceOf(ConnectTarget.SandboxTarget.class,
                vm.selectedTargetProperty().get());
        var env = sandbox.environment(URI.create("http://127.0.0.1:40123"));
        assertTrue(env.isSandbox());
        assertEquals("http://127.0.0.1:40123", env.apiBaseUrl().toString());
    }

    @Test
    void regionTargetGivesTheProductionEnvironment() {
        vm.addressProperty().set("apps.mec1.pure.cloud");
        ConnectTarget.RegionTarget t = assertInstanceOf(ConnectTarget.RegionTarget.class,
                vm.selectedTargetProperty().get());
        assertEquals("https://api.mec1.pure.cloud", t.environment().apiBaseUrl().toString());
    }
}
