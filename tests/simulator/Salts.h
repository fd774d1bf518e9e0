#pragma once

#include <QtGlobal>

// One salt per generated attribute, so attributes of the same row are independent.
namespace sim::salt {

enum : quint64 {
    Lid = 1,
    Group,
    PhonePlanPerm,
    PhonePlanPick,
    SessionPhone,
    SessionLid,
    Ulid,
    Culture,
    ContactFlags,
    ContactName,
    ContactTimes,
    Business,
    GroupText,
    GroupFlags,
    GroupTimes,
    GroupWeight,
    MemberPick,
    MemberRole,
    MemberTag,
    MemberTimes,
    Session,
    Cursor,
    Picture,
    About,
    Mutation,
    Faults,
    RequestId,
    User,
    Org,
    Events,
    EventIds,
};

} // namespace sim::salt
