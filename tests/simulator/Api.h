#pragma once

#include "Auth.h"
#include "HttpResponse.h"
#include "Request.h"

// The gateway operations the console uses. Every call is checked in this order:
//   unknown route 404 -> credentials 401 -> session of the caller's org 404 (never 403)
//   -> 429 burst (fault knob) -> capability 403 -> malformed parameters 400 -> the operation.
// Choices where the contract leaves room:
// - listContacts: `group` that is a well-formed JID but not a group of the session gives an
//   empty list; `q` matches the name case-insensitively, and when it looks like a number
//   ("+62 812-3") the phone and LID digits; '+' in a query means a space (Go's net/url).
// - validation_error details: {"errors":[{"location":"query.limit","message","value"}]}.
// - Live actions take a LID or a phone JID (picture also a group JID); format 400, then
//   not connected 501, then unknown 404. A picture hidden by privacy is 404 not_found.
namespace sim {

class DataSet;
class Faults;

class Api
{
public:
    Api(DataSet &data, const Auth &auth, Faults &faults);

    Response handle(const ApiCall &call);

private:
    Response listSessions(const ApiCall &call, const Principal &who) const;
    Response getSession(int s, const ApiCall &call) const;
    Response listContacts(int s, const ApiCall &call) const; // ApiContacts.cpp
    Response getContact(int s, const ApiCall &call) const;   // ApiContacts.cpp
    Response liveAction(int s, const ApiCall &call);         // ApiContacts.cpp
    Response listGroups(int s, const ApiCall &call) const;
    Response groupOrMembers(int s, const ApiCall &call) const;

    DataSet &m_data;
    const Auth &m_auth;
    Faults &m_faults;
};

} // namespace sim
