package com.emite.setup.diagnose;

import com.emite.setup.contract.ApiContract;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every choice in ApiContract is either a documented fact or has a look in diagnose; nothing else is named. */
class DiagnoseCoverageTest {

    @Test
    void everyApiContractEntryIsLookedAtOrDocumented() {
        Set<String> fields = Arrays.stream(ApiContract.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
        List<String> looked = ContractChecks.all().stream().map(ContractCheck::entry).toList();
        assertEquals(looked.size(), new HashSet<>(looked).size(), "an entry is looked at twice: " + looked);

        Set<String> covered = new TreeSet<>(looked);
        covered.addAll(ContractChecks.DOCUMENTED);
        assertEquals(fields, covered, "ApiContract and diagnose's list differ");
        Set<String> both = new TreeSet<>(looked);
        both.retainAll(ContractChecks.DOCUMENTED);
        assertTrue(both.isEmpty(), "documented and looked at: " + both);
    }

    @Test
    void nearestCandidatesShareAWordAndKeepDomainAndAction() {
        var row = com.emite.setup.blueprint.Blueprint.standard().role().permissions().stream()
                .filter(p -> p.permission().equals("wfm:adhocForecast:view")).findFirst().orElseThrow();
        Set<String> catalog = Set.of("wfm:shortTermForecast:view", "wfm:forecast:view", "wfm:forecast:edit",
                "wfm:intraday:view", "analytics:forecast:view");
        assertEquals(List.of("wfm:forecast:view", "wfm:shortTermForecast:view"),
                UnconfirmedPermissions.nearest(row, catalog).stream().sorted().toList());
    }
}
