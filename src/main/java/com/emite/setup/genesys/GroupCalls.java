package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupMembersUpdate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.User;
import okhttp3.HttpUrl;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Groups (§6): read, list, create, update at the current version, members, delete. */
final class GroupCalls {
    private final ApiRequests r;

    GroupCalls(ApiRequests r) {
        this.r = r;
    }

    /** {@code GET /api/v2/groups/{id}}. 1 call. */
    Group getGroup(String groupId) {
        return r.get(r.api("groups", groupId), Group.class, "read the group " + groupId);
    }

    /** {@code GET /api/v2/groups}, all pages of 100, lazily. Strongly consistent (unlike search). */
    Stream<Group> listGroups() {
        return r.pages(() -> r.api("groups"), Group.class, "list groups");
    }

    /**
     * {@code POST /api/v2/groups}. 1 call. The API ignores {@code description} on create (§6): set it afterwards
     * with {@link #updateGroup}.
     *
     * @throws OutcomeUnknownException when it may or may not have been created: look in {@link #listGroups} first
     */
    Group createGroup(GroupCreate group) {
        return r.write("POST", r.api("groups"), group, Transport.Repeat.CREATE, Group.class,
                "create the group '" + group.name() + "'");
    }

    /** {@code PUT /api/v2/groups/{id}} with the current {@code version}. 1 call. @throws ConflictException if stale */
    Group updateGroup(String groupId, GroupUpdate update) {
        return r.write("PUT", r.api("groups", groupId), update, Transport.Repeat.SAFE, Group.class,
                "update the group " + groupId);
    }

    /**
     * One {@code POST /api/v2/groups/{id}/members} with the given version and at most
     * {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL} ids. 1 call. @throws ConflictException on a stale version
     */
    void addGroupMembers(String groupId, int version, Collection<String> memberIds) {
        if (memberIds.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw new IllegalArgumentException("At most " + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " ids per call");
        }
        r.write("POST", r.api("groups", groupId, "members"), new GroupMembersUpdate(List.copyOf(memberIds), version),
                Transport.Repeat.SAFE, null, "add members to the group " + groupId);
    }

    /**
     * {@code GET /api/v2/groups/{id}/individuals}: individually added members. The operation takes no query
     * parameters, not even paging ones: the first answer is read, and a {@code nextUri} is followed as given.
     */
    Stream<User> listGroupIndividuals(String groupId) {
        return r.followingNextUri(r.api("groups", groupId, "individuals"), User.class,
                "list the members of the group " + groupId);
    }

    /** {@code DELETE /api/v2/groups/{id}/members?ids=a,b} (§6): 1 to {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL} ids. */
    void removeGroupMembers(String groupId, Collection<String> memberIds) {
        if (memberIds.isEmpty() || memberIds.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw new IllegalArgumentException("1 to " + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " ids per call");
        }
        HttpUrl.Builder u = r.api("groups", groupId, "members");
        u.addQueryParameter("ids", String.join(",", memberIds));
        r.write("DELETE", u, null, Transport.Repeat.SAFE, null, "remove members from the group " + groupId);
    }

    void deleteGroup(String groupId) {
        r.write("DELETE", r.api("groups", groupId), null, Transport.Repeat.SAFE, null, "delete the group " + groupId);
    }
}
