#pragma once

#include "Auth.h"
#include "Fold.h"
#include "HttpResponse.h"
#include "Request.h"

// The gateway operations the console uses, answering as the gateway's code does
// (rama-adi/quick-whatsapp-gateway), not as its openapi.yaml says. Checked in this order:
//   route 404 / method 405 -> credentials 401 -> capability 403 -> malformed query 400 (huma)
//   -> session of the caller's org 404 (never 403) -> 429 burst (fault knob) -> the operation.
// Where the code differs from the document, see tests/simulator/README.md.
namespace sim {

class DataSet;
class Faults;

class Api
{
public:
    Api(DataSet &data, const Auth &auth, Faults &faults);

    Response handle(const ApiCall &call);

private:
    struct ContactQuery {
        int source = -1; // -1 any, 0 group, 1 dm
        qint64 limit = 50;
    };
    // huma's validation of listContacts' typed parameters, in declaration order.
    static QStringList contactQueryErrors(const ApiCall &call, ContactQuery *out);

    Response listSessions(const ApiCall &call, const Principal &who) const;
    Response getSession(int s, const ApiCall &call) const;
    Response listContacts(int s, const ApiCall &call, const ContactQuery &q) const; // ApiContacts
    Response getContact(int s, const ApiCall &call) const;                          // ApiContacts
    Response liveAction(int s, const ApiCall &call);                                // ApiLive
    Response listGroups(int s, const ApiCall &call) const;
    Response groupOrMembers(int s, const ApiCall &call) const;

    DataSet &m_data;
    const Auth &m_auth;
    Faults &m_faults;
    mutable Folder m_folder; // a cache of folded characters, shared by every search
};

} // namespace sim
