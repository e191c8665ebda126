package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;

import com.emite.setup.region.EmiteRedirectUrl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.emite.setup.provision.Compare.eq;
import static com.emite.setup.provision.Compare.orEmpty;
import static com.emite.setup.provision.Compare.show;
import static com.emite.setup.provision.Compare.union;
import static com.emite.setup.provision.Compare.sandboxSet;
import static com.emite.setup.provision.Policies.covers;
import static com.emite.setup.provision.Policies.merge;
import static com.emite.setup.provision.Policies.policiesOf;

/** Step 6 of the guide: the custom client app (URL, type, iframe options, group filter, enabled). */
final class AppStep {
    private AppStep() {
    }

    static PlanItem item(OrgSnapshot s, Needs needs) {
        String redirectUrl = s.redirectUrl();
        EmiteRedirectUrl.Result redirect = s.redirect();
        Map<String, GroupInfo> groupsByName = s.groupsByName();
        Needs.AppNeed need = needs.app();
        if (redirectUrl == null) {
            return PlanItem.blocked(ItemKind.CLIENT_APP, need.name(), null,
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, "The app's address is the eMite redirect URL, which cannot be made: "
                            + redirect.text(), "Ask eMite support for your region's eMite code."));
        }
        AppConfig config = new AppConfig(need.name(),
                need.url().equals(Needs.REDIRECT_URL) ? redirectUrl : need.url(), need.displayType(),
                need.featureCategory(), need.sandbox(), need.groupNames());
        List<IntegrationInfo> same = s.emiteApps(need);
        if (same.isEmpty()) {
            return PlanItem.missing(ItemKind.CLIENT_APP, need.name(),
                    new Action.ClientApp(null, need.name(), need.typeId(), 1, config, true, true),
                    "standalone, shown to members of " + String.join(", ", need.groupNames()));
        }
        IntegrationInfo app = same.get(0);
        OrgApi.AppConfigInfo current = s.appConfig();
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " apps have this name; eMite uses " + app.id());
        }
        boolean put = false;
        if (!eq(config.url(), current.url())) {
            diffs.add("URL is " + show(current.url()) + ", eMite needs " + config.url());
            put = true;
        }
        if (!eq(config.displayType(), current.displayType())) {
            diffs.add("type is " + show(current.displayType()) + ", eMite needs " + config.displayType());
            put = true;
        }
        if (!eq(orEmpty(config.featureCategory()), orEmpty(current.featureCategory()))) {
            diffs.add("category is " + show(current.featureCategory()) + ", eMite needs it blank");
            put = true;
        }
        if (!sandboxSet(config.sandbox()).equals(sandboxSet(current.sandbox()))) {
            diffs.add("sandbox options are " + show(current.sandbox()) + ", eMite needs " + config.sandbox());
            put = true;
        }
        List<String> wantedGroupIds = new ArrayList<>();
        boolean groupsKnown = true;
        for (String gName : need.groupNames()) {
            GroupInfo g = groupsByName.get(gName);
            if (g == null) {
                groupsKnown = false;
            } else {
                wantedGroupIds.add(g.id());
            }
        }
        if (!groupsKnown || !new HashSet<>(current.groupIds()).equals(new HashSet<>(wantedGroupIds))) {
            diffs.add("group filter is not exactly " + String.join(", ", need.groupNames()));
            put = true;
        }
        boolean enable = !"ENABLED".equalsIgnoreCase(app.intendedState());
        if (enable) {
            diffs.add("not enabled");
        }
        if (!put && !enable) {
            return new PlanItem(ItemKind.CLIENT_APP, need.name(), ItemState.PRESENT, diffs, null, app.id(), null);
        }
        return PlanItem.different(ItemKind.CLIENT_APP, need.name(), app.id(), diffs,
                new Action.ClientApp(app.id(), need.name(), need.typeId(), current.version(), config, put, enable));
    }
}
