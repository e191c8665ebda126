package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/** The catalog a fully licensed org offers for eMite: every blueprint string plus the licence permission. */
final class BlueprintNeedsCatalog {
    List<String> strings() {
        Needs n = BlueprintNeeds.standard();
        List<String> out = new ArrayList<>();
        n.role().permissions().forEach(p -> out.add(p.permission().endsWith(":*")
                ? p.permission().substring(0, p.permission().length() - 1) + "view" : p.permission()));
        out.add(n.licence().permission());
        // Permissions an org has beside eMite's, among them the near matches of the two unconfirmed WFM rows.
        out.addAll(List.of("wfm:forecast:view", "wfm:shortTermForecast:view", "wfm:scheduleNotification:view",
                "wfm:agentSchedule:edit"));
        return out;
    }
}
