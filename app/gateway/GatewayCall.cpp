#include "gateway/GatewayCall.h"

#include "core/Logging.h"
#include "gateway/GatewayJson.h"
#include "gateway/GatewayPaths.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

bool isTlsError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError || e == QNetworkReply::UnknownNetworkError;
}

// Errors after which the request surely never reached the gateway.
bool neverSent(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError;
}

} // namespace

GatewayCall::GatewayCall(QNetworkAccessManager *nam, Spec spec, QByteArray authorization,
                         GatewayCallOptions options, Done done, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_spec(std::move(spec))
    , m_authorization(std::move(authorization))
    , m_options(options)
    , m_done(std::move(done))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &GatewayCall::send);
}

GatewayCall::~GatewayCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void GatewayCall::start()
{
    send();
}

void GatewayCall::cancel()
{
    if (m_delivered)
        return;
    m_retryTimer.stop();
    if (m_reply) {
        abortWith(AbortReason::Cancelled);
        return;
    }
    RawReply r;
    r.error = GatewayError::make(GatewayError::Kind::Cancelled, QStringLiteral("cancelled"));
    deliver(r);
}

void GatewayCall::send()
{
    ++m_attempt;
    m_body.clear();
    m_abort = AbortReason::None;

    QNetworkRequest request(m_spec.url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_options.transferTimeoutMs);
    // Each redirect is checked by hand: only the token's own origin may receive it.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    if (m_spec.method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));

    m_reply = m_nam->sendCustomRequest(request, m_spec.method, m_requestBody);
    connect(m_reply, &QNetworkReply::readyRead, this, &GatewayCall::onReadyRead);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &GatewayCall::onMetaData);
    connect(m_reply, &QNetworkReply::redirected, this, &GatewayCall::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &GatewayCall::onFinished);
    qCDebug(lcGateway) << m_spec.method << m_spec.url.path(QUrl::FullyEncoded) << "attempt"
                       << m_attempt;
}

void GatewayCall::onMetaData()
{
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > m_options.maxResponseBytes)
        abortWith(AbortReason::TooLarge);
}

void GatewayCall::onReadyRead()
{
    m_body += m_reply->readAll();
    if (m_body.size() > m_options.maxResponseBytes)
        abortWith(AbortReason::TooLarge);
}

void GatewayCall::onRedirected(const QUrl &target)
{
    if (GatewayPaths::sameOrigin(target, m_spec.url)) {
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    qCWarning(lcGateway) << "refused a redirect to another origin:" << target.host();
    abortWith(AbortReason::RedirectRefused);
}

void GatewayCall::abortWith(AbortReason reason)
{
    if (m_abort != AbortReason::None || !m_reply)
        return;
    m_abort = reason;
    m_reply->abort(); // finished() follows and classify() reads m_abort
}

void GatewayCall::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    // A reply Qt aborted itself (the transfer timeout) is closed: nothing left to read, and
    // reading would only log "device not open".
    if (m_abort == AbortReason::None && reply->isOpen())
        m_body += reply->readAll();
    RawReply result = classify(reply);
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    if (shouldRetry(result)) {
        const int delay = m_options.retry.delayMs(m_attempt, result.retryAfter);
        qCInfo(lcGateway) << "retrying" << m_spec.url.path(QUrl::FullyEncoded) << "in" << delay
                          << "ms after" << toString(result.error.kind) << result.error.code
                          << result.requestId;
        m_retryTimer.start(delay);
        return;
    }
    deliver(result);
}

RawReply GatewayCall::classify(QNetworkReply *reply) const
{
    RawReply r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id")).left(128);
    r.retryAfter = reply->rawHeader("Retry-After");
    const QNetworkReply::NetworkError netError = reply->error();
    auto fail = [&r](GatewayError::Kind kind, const QString &message) {
        r.error = GatewayError::make(kind, message);
        r.error.httpStatus = r.httpStatus;
        r.error.requestId = r.requestId;
        r.body.clear();
        return r;
    };

    switch (m_abort) {
    case AbortReason::Cancelled:
        return fail(GatewayError::Kind::Cancelled, QStringLiteral("cancelled"));
    case AbortReason::TooLarge:
        return fail(GatewayError::Kind::ResponseTooLarge,
                    QStringLiteral("more than %1 bytes").arg(m_options.maxResponseBytes));
    case AbortReason::RedirectRefused:
        return fail(GatewayError::Kind::RedirectRefused,
                    QStringLiteral("redirect to another origin"));
    case AbortReason::None:
        break;
    }

    const bool successStatus = r.httpStatus >= 200 && r.httpStatus < 300;
    if (netError != QNetworkReply::NoError && (r.httpStatus == 0 || successStatus)) {
        if (netError == QNetworkReply::OperationCanceledError
            || netError == QNetworkReply::TimeoutError)
            return fail(GatewayError::Kind::Timeout, reply->errorString());
        if (isTlsError(netError) && m_spec.url.scheme() == QLatin1String("https"))
            return fail(GatewayError::Kind::Tls, reply->errorString());
        if (successStatus)
            return fail(GatewayError::Kind::Network,
                        QStringLiteral("the connection closed before the whole answer arrived"));
        RawReply n = fail(GatewayError::Kind::Network, reply->errorString());
        n.error.outcomeUnknown = !m_spec.idempotent && !neverSent(netError);
        return n;
    }

    if (successStatus) {
        r.body = m_body;
        return r;
    }

    // An error status: the gateway's envelope {"error": {"code", "message", "details"}}.
    GatewayError e;
    e.kind = GatewayError::Kind::Api;
    e.httpStatus = r.httpStatus;
    e.requestId = r.requestId;
    GatewayJson::readErrorEnvelope(m_body, &e);
    r.error = e;
    return r;
}

bool GatewayCall::shouldRetry(const RawReply &result) const
{
    if (m_attempt > m_options.retry.maxRetries || !result.error.isTransient())
        return false;
    // 429 and 503 are the gateway saying it did not act, so even a live action may be sent
    // again; after a timeout or a lost connection only repeatable requests are.
    if (result.error.kind == GatewayError::Kind::Api)
        return true;
    return m_spec.idempotent || !result.error.outcomeUnknown;
}

void GatewayCall::deliver(const RawReply &result)
{
    if (m_delivered)
        return;
    m_delivered = true;
    if (result.error.isError())
        qCInfo(lcGateway) << m_spec.method << m_spec.url.path(QUrl::FullyEncoded)
                          << "failed:" << toString(result.error.kind) << result.error.httpStatus
                          << result.error.code << result.requestId;
    Done done = std::move(m_done);
    deleteLater();
    if (done)
        done(result);
}
