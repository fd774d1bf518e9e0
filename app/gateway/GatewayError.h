#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

// What went wrong with one gateway request, typed so callers branch on kind and code
// (never on message text). Api errors carry the gateway's envelope
// {"error": {"code", "message", "details"}} and the X-Request-Id it answered with.
struct GatewayError {
    Q_GADGET
public:
    enum class Kind {
        None,
        Api,              // the gateway answered with its error envelope (see code)
        Network,          // could not connect, connection reset, DNS, ...
        Timeout,          // no answer within the transfer timeout
        InvalidResponse,  // not JSON, truncated, or not the documented shape
        ResponseTooLarge, // over the client's response size cap
        Tls,              // certificate or handshake problem (reported, never ignored)
        RedirectRefused,  // redirect to another origin: the token is not carried there
        InvalidArgument,  // refused before sending (e.g. a LID that is not digits@lid)
        Cancelled,
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; // the gateway's code: not_found, forbidden, not_implemented, ...
    QString message;
    QJsonObject details;
    QString requestId;
    // For live actions that were sent but got no answer: the gateway may have acted.
    bool outcomeUnknown = false;

    bool isError() const { return kind != Kind::None; }
    bool hasCode(QLatin1String c) const { return kind == Kind::Api && code == c; }
    // Worth another try later: rate limits, an unavailable gateway, transient network trouble.
    bool isTransient() const;
    // The gateway could not be reached at all (as opposed to answering with an error).
    bool isUnreachable() const { return kind == Kind::Network || kind == Kind::Timeout; }
    // One sentence for a person (the UI may phrase known codes better).
    // details.errors of a validation answer, ": a; b", or empty.
    QString fieldErrors() const;
    QString describe() const;

    static GatewayError make(Kind kind, const QString &message);
};

QString toString(GatewayError::Kind kind);
