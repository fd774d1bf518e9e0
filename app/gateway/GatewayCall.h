#pragma once

#include "gateway/GatewayError.h"
#include "gateway/RetryPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The raw outcome of one gateway request after any retries: status, body and request id,
// or a typed error. The typed layer (GatewayClient) decodes the body.
struct RawReply {
    int httpStatus = 0;
    QByteArray body;
    QString requestId;
    QByteArray retryAfter; // the Retry-After header, if the gateway ever sends one
    GatewayError error;
};

struct GatewayCallOptions {
    int transferTimeoutMs = 30000;
    qint64 maxResponseBytes = 64LL * 1024 * 1024;
    RetryPolicy retry;
};

// One HTTP exchange with the gateway, including its retries. Guards every exchange the
// same way: the token goes only to the origin it belongs to (redirects elsewhere are
// refused), TLS errors fail the call, answers over the size cap are cut off, and a live
// action whose request may have reached the gateway is never repeated behind the user's back.
// Deletes itself once it has delivered its result.
class GatewayCall : public QObject
{
    Q_OBJECT
public:
    struct Spec {
        QByteArray method;
        QUrl url;
        bool idempotent = true; // GETs: safe to repeat after a timeout or lost connection
    };
    using Done = std::function<void(const RawReply &)>;

    GatewayCall(QNetworkAccessManager *nam, Spec spec, QByteArray authorization,
                GatewayCallOptions options, Done done, QObject *parent = nullptr);
    ~GatewayCall() override;

    // The JSON body of a POST (none by default); before start().
    void setRequestBody(const QByteArray &body) { m_requestBody = body; }
    void start();
    // Stops the call; the result is delivered as Cancelled.
    void cancel();

private:
    enum class AbortReason {
        None,
        Cancelled,
        TooLarge,
        RedirectRefused
    };

    void send();
    void onReadyRead();
    void onMetaData();
    void onRedirected(const QUrl &target);
    void onFinished();
    RawReply classify(QNetworkReply *reply) const;
    bool shouldRetry(const RawReply &result) const;
    void abortWith(AbortReason reason);
    void deliver(const RawReply &result);

    QNetworkAccessManager *m_nam;
    Spec m_spec;
    QByteArray m_authorization;
    QByteArray m_requestBody;
    GatewayCallOptions m_options;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QByteArray m_body;
    int m_attempt = 0;
    AbortReason m_abort = AbortReason::None;
    bool m_delivered = false;
};

// A handle on a request in flight, for cancelling it. Cheap to copy; harmless once the
// request has finished.
class GatewayRequest
{
public:
    GatewayRequest() = default;
    explicit GatewayRequest(GatewayCall *call)
        : m_call(call)
    {
    }
    void cancel() const
    {
        if (m_call)
            m_call->cancel();
    }
    bool isRunning() const { return !m_call.isNull(); }

private:
    QPointer<GatewayCall> m_call;
};
