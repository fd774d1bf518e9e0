#pragma once

#include "cache/CacheTypes.h"
#include "gateway/GatewayError.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class BackgroundWriter;
class GatewayClient;

enum class ContactAction {
    Block,
    Unblock
};

// What one block or unblock came to, as the window, the local API and the audit log see it.
struct ContactActionResult {
    ContactAction action = ContactAction::Unblock;
    QString sessionId;
    QString jid;
    GatewayError error; // kind None: done
    QString requestId;  // the gateway's, when it answered
    // After a 500, the session's status as the gateway then reported it: WhatsApp refuses
    // actions while a session is still connecting, and the gateway says only "internal".
    QString sessionStatus;
    bool ok() const { return !error.isError(); }
};

// Block and unblock, the console's only writes to WhatsApp, for every front end: one way to
// send them, one audit mapping (written off the caller's thread by the BackgroundWriter) and
// one set of sentences for their outcomes. The window and the local API only differ in the
// audit entry's origin.
class ContactActionService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ContactActionResult &result)>;

    ContactActionService(const QString &profile, BackgroundWriter *writer,
                         QObject *parent = nullptr);

    // Any thread: sends through `client` (which must live on the calling thread), has the
    // audit entry committed off this thread, then runs `done` on this thread unless `context`
    // is gone by then.
    void run(GatewayClient *client, ContactAction action, const QString &sessionId,
             const QString &jid, AuditOrigin origin, QObject *context, Done done);

    // The audit entry for a result: result "ok", the gateway's code, or the kind of failure
    // ("network", "timeout", ...); the detail is the failure's sentence.
    AuditEntry auditEntry(const ContactActionResult &result, AuditOrigin origin) const;
    // What a person reads for a result (known codes phrased for support staff).
    static QString outcomeText(const ContactActionResult &result);
    static QString actionName(ContactAction action); // "block", "unblock"

Q_SIGNALS:
    // After each action, from the thread that ran it.
    void performed(const ContactActionResult &result, AuditOrigin origin);

private:
    void finish(GatewayClient *client, const ContactActionResult &result, AuditOrigin origin,
                const std::function<void(const ContactActionResult &)> &answer);

    const QString m_profile;
    QPointer<BackgroundWriter> m_writer;
};
