#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QList>

#include <optional>

// The checks every request passes before any handler runs, each answering with the
// contract's envelope:
//  - Host must name this server: 127.0.0.1:PORT, localhost:PORT or [::1]:PORT
//    (DNS-rebinding defence). Missing (HTTP/1.0) or anything else: 403 forbidden.
//  - Browsers are refused: an Origin header, or Sec-Fetch-Site other than "none": 403 forbidden.
//    Local apps and scripts send neither; no CORS header is ever sent.
//  - Token: "Authorization: Bearer <token>" or "x-api-key: <token>", compared in constant
//    time. Missing or wrong: 401 unauthorized. No loopback bypass, no per-client ban.
class LocalApiGuard
{
public:
    LocalApiGuard(const QByteArray &token, quint16 port);

    std::optional<HttpResponse> checkHost(const HttpRequest &request) const;
    std::optional<HttpResponse> checkNotBrowser(const HttpRequest &request) const;
    std::optional<HttpResponse> checkToken(const HttpRequest &request) const;

private:
    QByteArray m_token;
    QList<QByteArray> m_hosts;
};
