package com.emite.setup.blueprint;

import com.emite.setup.testing.ConcurrentClass;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class BlueprintValidationTest {

    static JsonObject original() {
        try (InputStream in = BlueprintLoader.class.getResourceAsStream(BlueprintLoader.RESOURCE)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonObject perm(JsonObject root, int index) {
        return root.getAsJsonObject("role").getAsJsonArray("permissions").get(index).getAsJsonObject();
    }

    static JsonObject client(JsonObject root, int index) {
        return root.getAsJsonArray("oauthClients").get(index).getAsJsonObject();
    }

    static Arguments edit(String path, String reasonPart, Consumer<JsonObject> change) {
        return Arguments.of(path, reasonPart, change);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("$.blueprintVersion", "this app reads version 1, the file is version 2",
                        r -> r.addProperty("blueprintVersion", 2)),
                edit("$.blueprintVersion", "missing", r -> r.remove("blueprintVersion")),
                edit("$.blueprintVersion", "must be a whole number", r -> r.addProperty("blueprintVersion", "1")),
                edit("$.groups[1].name", "missing", r -> r.getAsJsonArray("groups").get(1).getAsJsonObject()
                        .remove("name")),
                edit("$.groups[2]", "duplicate group name \"emite_Access\" (already at [0])",
                        r -> r.getAsJsonArray("groups").get(2).getAsJsonObject().addProperty("name", "emite_Access")),
                edit("$.groups[0].type", "\"Official\" is not one of [official, social]",
                        r -> r.getAsJsonArray("groups").get(0).getAsJsonObject().addProperty("type", "Official")),
                edit("$.groups[0].visibility", "is not one of [members, owners, public]",
                        r -> r.getAsJsonArray("groups").get(0).getAsJsonObject().addProperty("visibility", "all")),
                edit("$.groups[0].rulesVisible", "must be true or false",
                        r -> r.getAsJsonArray("groups").get(0).getAsJsonObject().addProperty("rulesVisible", "yes")),
                edit("$.groups[0].rolesVisible", "unknown field (check the spelling)",
                        r -> r.getAsJsonArray("groups").get(0).getAsJsonObject().addProperty("rolesVisible", true)),
                edit("$.groups", "must be a list", r -> r.addProperty("groups", "emite_Access")),
                edit("$.role.name", "must not be empty", r -> r.getAsJsonObject("role").addProperty("name", " ")),
                edit("$.role.permissions[4].permission",
                        "\"analytics.queueObservation.view\" is not in the form domain:entity:action",
                        r -> perm(r, 4).addProperty("permission", "analytics.queueObservation.view")),
                edit("$.role.permissions[4].permission", "is not in the form domain:entity:action",
                        r -> perm(r, 4).addProperty("permission", "analytics:queueObservation")),
                edit("$.role.permissions[4].permission", "is not in the form domain:entity:action",
                        r -> perm(r, 4).addProperty("permission", "Analytics:Queue Observation:View")),
                edit("$.role.permissions[4].policy", "does not match the permission analytics:queueObservation:view",
                        r -> perm(r, 4).getAsJsonObject("policy").addProperty("entityName", "queue")),
                edit("$.role.permissions[1]", "duplicate permission \"analytics:conversationDetail:view\"",
                        r -> {
                            perm(r, 1).addProperty("permission", "analytics:conversationDetail:view");
                            perm(r, 1).getAsJsonObject("policy").addProperty("entityName", "conversationDetail");
                        }),
                edit("$.role.permissions[5].row", "expected 6, found 7", r -> perm(r, 5).addProperty("row", 7)),
                edit("$.role.permissions[33].resolveHint", "missing: an unconfirmed permission needs a hint",
                        r -> perm(r, 33).remove("resolveHint")),
                edit("$.role.permissions[0].resolveHint", "only an unconfirmed permission",
                        r -> perm(r, 0).add("resolveHint", perm(r, 33).get("resolveHint"))),
                edit("$.role.permissions[33].resolveHint.entityContains", "missing",
                        r -> perm(r, 33).getAsJsonObject("resolveHint").remove("entityContains")),
                edit("$.role.permissions[2].permission", "level \"All Permissions\" needs the action *",
                        r -> {
                            perm(r, 2).addProperty("permission", "analytics:conversationProperties:view");
                            perm(r, 2).getAsJsonObject("policy").add("actionSet", array("view"));
                        }),
                edit("$.role.permissions[0].confirmed", "missing", r -> perm(r, 0).remove("confirmed")),
                edit("$.role.permissions", "must list at least one permission",
                        r -> r.getAsJsonObject("role").add("permissions", new JsonArray())),
                edit("$.oauthClients[1].grantType.api", "unknown grant type \"CLIENT_CREDENTIALS\"",
                        r -> client(r, 1).getAsJsonObject("grantType").addProperty("api", "CLIENT_CREDENTIALS")),
                edit("$.oauthClients[0].grantType.api", "eMite uses only CODE and CLIENT-CREDENTIALS clients",
                        r -> client(r, 0).getAsJsonObject("grantType").addProperty("api", "PASSWORD")),
                edit("$.oauthClients[2]", "duplicate client name \"emite_APIdata\"",
                        r -> client(r, 2).addProperty("name", "emite_APIdata")),
                edit("$.oauthClients[1].accessTokenValiditySeconds", "must be between 300 and 172800 seconds",
                        r -> client(r, 1).addProperty("accessTokenValiditySeconds", 200000)),
                edit("$.oauthClients[1].roleDivisions", "missing: a CLIENT-CREDENTIALS client needs a role",
                        r -> client(r, 1).remove("roleDivisions")),
                edit("$.oauthClients[1].roleDivisions[0].role", "no role named \"eMite Data\"",
                        r -> client(r, 1).getAsJsonArray("roleDivisions").get(0).getAsJsonObject()
                                .addProperty("role", "eMite Data")),
                edit("$.oauthClients[0].redirectUriTemplates", "missing: a CODE client needs a redirect",
                        r -> client(r, 0).remove("redirectUriTemplates")),
                edit("$.oauthClients[0].redirectUriTemplates[0]", "must contain {shortName}",
                        r -> client(r, 0).add("redirectUriTemplates", array("https://{emiteCode}-cloud.emite.com/"))),
                edit("$.oauthClients[0].redirectUriTemplates[0]", "unknown placeholder {org}",
                        r -> client(r, 0).add("redirectUriTemplates",
                                array("https://{emiteCode}-cloud.emite.com/emite/{shortName}/?org={org}"))),
                edit("$.oauthClients[0].scopes[5].api", "\"users readonly\" is not a scope name",
                        r -> client(r, 0).getAsJsonArray("scopes").get(5).getAsJsonObject()
                                .addProperty("api", "users readonly")),
                edit("$.oauthClients[0].scopes[1]", "duplicate scope \"authorization:readonly\"",
                        r -> client(r, 0).getAsJsonArray("scopes").get(1).getAsJsonObject()
                                .addProperty("api", "authorization:readonly")),
                edit("$.clientApp.sandboxOptions.api", "must be comma-separated without spaces",
                        r -> r.getAsJsonObject("clientApp").getAsJsonObject("sandboxOptions").addProperty("api",
                                "allow-scripts, allow-same-origin, allow-forms, allow-modals, allow-popups, "
                                        + "allow-downloads")),
                edit("$.clientApp.sandboxOptions.api", "unknown sandbox option \"allow-everything\"",
                        r -> r.getAsJsonObject("clientApp").getAsJsonObject("sandboxOptions")
                                .addProperty("api", "allow-everything")),
                edit("$.clientApp.groupFilter[0]", "no group named \"eMite Access\" in this blueprint's groups",
                        r -> r.getAsJsonObject("clientApp").add("groupFilter", array("eMite Access"))),
                edit("$.clientApp.displayType", "\"sidebar\" is not one of [standalone, widget]",
                        r -> r.getAsJsonObject("clientApp").addProperty("displayType", "sidebar")),
                edit("$.clientApp.urlTemplate", "must start with https://",
                        r -> r.getAsJsonObject("clientApp").addProperty("urlTemplate",
                                "http://{emiteCode}-cloud.emite.com/emite/{shortName}")),
                edit("$.clientApp", "missing", r -> r.remove("clientApp")),
                edit("$.licenceRole.namePattern", "must contain {divisionName}",
                        r -> r.getAsJsonObject("licenceRole").addProperty("namePattern", "eMite_Home")),
                edit("$.licenceRole.permission", "is not in the form domain:entity:action",
                        r -> r.getAsJsonObject("licenceRole").addProperty("permission", "integration > emiteApps")),
                edit("$.redirectUrlTemplate", "must contain {emiteCode}",
                        r -> r.addProperty("redirectUrlTemplate", "https://cloud.emite.com/emite/{shortName}")),
                edit("$.extra", "unknown field", r -> r.addProperty("extra", 1)));
    }

    static JsonArray array(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(new JsonPrimitive(v));
        }
        return a;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("edits")
    void brokenBlueprintNamesTheFieldAndReason(String path, String reasonPart, Consumer<JsonObject> change) {
        JsonObject root = original();
        change.accept(root);
        BlueprintException e = assertThrows(BlueprintException.class, () -> BlueprintLoader.parse(root.toString()));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(path) && p.reason().contains(reasonPart)),
                () -> "expected " + path + ": …" + reasonPart + "… in\n" + e.getMessage());
        assertTrue(e.getMessage().contains(path));
    }

    @Test
    void unchangedBlueprintLoads() {
        assertEquals(41, BlueprintLoader.parse(original().toString()).role().permissions().size());
    }

    @Test
    void notJsonAtAll() {
        for (String text : new String[] {"", "{", "[1,2]", "{\"blueprintVersion\": 1,}", "{} {}",
                "// comment\n{}", "null"}) {
            BlueprintException e = assertThrows(BlueprintException.class, () -> BlueprintLoader.parse(text), text);
            assertEquals("$", e.problems().get(0).path(), text);
        }
    }

    @Test
    void reportsEveryProblemAtOnce() {
        JsonObject root = original();
        perm(root, 0).remove("level");
        client(root, 1).getAsJsonObject("grantType").addProperty("api", "CLIENT");
        BlueprintException e = assertThrows(BlueprintException.class, () -> BlueprintLoader.parse(root.toString()));
        assertEquals(2, e.problems().size(), e::getMessage);
        assertTrue(e.getMessage().startsWith("The blueprint is not valid (2 problems):"));
        assertEquals("$.role.permissions[0].level: missing", e.problems().get(0).toString());
    }

    @Test
    void loadsFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("blueprint.json");
        JsonObject root = original();
        root.getAsJsonArray("groups").get(0).getAsJsonObject().addProperty("name", "emite_AppUsers");
        root.getAsJsonObject("clientApp").add("groupFilter", array("emite_AppUsers"));
        Files.writeString(file, root.toString());
        Blueprint b = BlueprintLoader.load(file);
        assertEquals("emite_AppUsers", b.groups().get(0).name());
    }
}
