package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.User;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.emite.setup.genesys.ApiRequests.addAll;

/** Users (§5): listing, by id, the signed-in user, search. */
final class UserCalls {
    private final ApiRequests r;

    UserCalls(ApiRequests r) {
        this.r = r;
    }

    /**
     * {@code GET /api/v2/users}, all pages of 100. {@code state} is {@code active|inactive|deleted|any} (null:
     * server default active); {@code expand} values such as {@code authorization}. ⌈n/100⌉ calls, lazily.
     */
    Stream<User> listUsers(String state, List<String> expand) {
        return r.pages(() -> {
            HttpUrl.Builder u = r.api("users");
            if (state != null) {
                u.addQueryParameter("state", state);
            }
            return addAll(u, "expand", expand);
        }, User.class, "list users");
    }

    /**
     * {@code GET /api/v2/users?id=…} in batches of {@link ApiContract#MAX_IDS_PER_USERS_CALL} ids (1 call per batch).
     * Unknown ids are left out.
     */
    Stream<User> getUsersByIds(Collection<String> ids, List<String> expand) {
        List<List<String>> batches = ApiRequests.chunks(new ArrayList<>(new LinkedHashSet<>(ids)),
                ApiContract.MAX_IDS_PER_USERS_CALL);
        return batches.stream().flatMap(batch -> r.pages(() -> addAll(addAll(r.api("users"), "id", batch),
                "expand", expand), User.class, "read users by id"));
    }

    /** {@code GET /api/v2/users/me?expand=…}: who is signed in (user tokens only). 1 call. */
    User getMe(String... expand) {
        return r.get(addAll(r.api("users", "me"), "expand", List.of(expand)), User.class,
                "read the signed-in user");
    }

    /** {@code GET /api/v2/users/{id}}. 1 call. @throws NotFoundException if unknown */
    User getUser(String userId, String... expand) {
        return r.get(addAll(r.api("users", userId), "expand", List.of(expand)), User.class,
                "read the user " + userId);
    }

    /** {@code POST /api/v2/users/search} then GET of {@code nextPage} links, 100 per page, lazily. */
    Stream<User> searchUsers(SearchRequest request) {
        return r.search("users", request, User.class, "search users");
    }

    /**
     * Users whose e-mail is exactly {@code email} (search EXACT on {@link ApiContract#USER_SEARCH_EMAIL_FIELD}, then
     * compared again here, ignoring case). Search is eventually consistent (§3.3). 1 call in the common case.
     */
    List<User> findUsersByEmail(String email) {
        String wanted = email.trim();
        return searchUsers(SearchRequest.of(SearchCriterion.exact(ApiContract.USER_SEARCH_EMAIL_FIELD, wanted)))
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(wanted))
                .collect(Collectors.toList());
    }
}
